"use client";
// Downloads the CSV of every product matching the current filters (the server streams it).
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useMutation } from "@tanstack/react-query";
import { exportProducts, type ProductsListParams } from "@/lib/ui/queries/emag-products";
import { saveFile } from "@/lib/ui/save-file";

export function ProductsExportButton({ params, disabled }: { params: ProductsListParams; disabled?: boolean }) {
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: () => exportProducts(params),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename ?? "export.csv");
      void message.success("Export downloaded");
    },
  });
  return (
    <Button icon={<DownloadOutlined />} loading={exporting.isPending} disabled={disabled} onClick={() => exporting.mutate()} data-testid="products-export">
      Export CSV
    </Button>
  );
}
