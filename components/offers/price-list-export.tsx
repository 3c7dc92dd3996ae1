"use client";
// "Export price list": the offers matching the current filters as CSV or XLSX (the import's format).
import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { App, Button, Dropdown } from "antd";
import { useMutation } from "@tanstack/react-query";
import type { ProductFilters } from "@/lib/ui/queries/emag-products";
import { offersApi } from "@/lib/ui/queries/offers";
import { saveFile } from "@/lib/ui/save-file";

export function PriceListExport({ filters, disabled }: { filters: ProductFilters; disabled?: boolean }) {
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: (format: "csv" | "xlsx") => offersApi.exportPriceList(format, filters).then((r) => ({ ...r, format })),
    onSuccess: ({ blob, filename, format }) => {
      saveFile(blob, filename ?? `price-list.${format}`);
      void message.success("Price list downloaded");
    },
  });
  return (
    <Dropdown
      trigger={["click"]}
      disabled={disabled || exporting.isPending}
      menu={{ items: [{ key: "csv", label: "CSV" }, { key: "xlsx", label: "Excel (XLSX)" }], onClick: ({ key }) => exporting.mutate(key as "csv" | "xlsx") }}
    >
      <Button icon={<DownloadOutlined />} loading={exporting.isPending} data-testid="price-list-export">
        Export price list <DownOutlined />
      </Button>
    </Dropdown>
  );
}
