"use client";
// Downloads every customer matching the current filters, in the table's sort, as CSV or XLSX.
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import { useMutation } from "@tanstack/react-query";
import { customersApi, type CustomersListParams } from "@/lib/ui/queries/customers";
import { saveFile } from "@/lib/ui/save-file";

export function CustomersExportButtons({ params, disabled }: { params: CustomersListParams; disabled?: boolean }) {
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: (format: "csv" | "xlsx") => customersApi.export(format, params),
    onSuccess: ({ blob, filename }, format) => {
      saveFile(blob, filename ?? `customers.${format}`);
      void message.success("Export downloaded");
    },
  });
  const button = (format: "csv" | "xlsx", label: string) => (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting.isPending && exporting.variables === format}
      disabled={disabled || (exporting.isPending && exporting.variables !== format)}
      onClick={() => exporting.mutate(format)}
      data-testid={`customers-export-${format}`}
    >
      {label}
    </Button>
  );
  return (
    <Space.Compact>
      {button("csv", "CSV")}
      {button("xlsx", "Excel")}
    </Space.Compact>
  );
}
