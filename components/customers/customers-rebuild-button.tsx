"use client";
// Admins only: recompute every customer from the stored orders and returns, after a confirmation,
// then say what was rebuilt. A rebuild already running answers 409 (raised by the central handler).
import { ReloadOutlined } from "@ant-design/icons";
import { App, Button, Descriptions } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys, customersApi } from "@/lib/ui/queries/customers";
import { dashboardKeys } from "@/lib/ui/queries/dashboard";
import { formatCount, formatDurationMs } from "@/lib/ui/format";

export function CustomersRebuildButton() {
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const rebuild = useMutation({
    mutationFn: customersApi.rebuild,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
      modal.success({
        title: "Customers rebuilt",
        content: (
          <Descriptions
            size="small"
            column={1}
            data-testid="customers-rebuild-result"
            items={[
              { key: "customers", label: "Customers", children: formatCount(result.customers) },
              { key: "orders", label: "Orders read", children: formatCount(result.orders) },
              { key: "ms", label: "Took", children: formatDurationMs(result.ms) },
            ]}
          />
        ),
      });
    },
  });
  const confirm = () =>
    modal.confirm({
      title: "Rebuild every customer?",
      content: "Customers, their scores and segments are recomputed from all stored orders and returns. It takes a few seconds for thousands of orders; the list keeps working meanwhile.",
      okText: "Rebuild",
      onOk: () => rebuild.mutateAsync().catch(() => undefined),
    });
  return (
    <Button icon={<ReloadOutlined />} loading={rebuild.isPending} onClick={confirm} data-testid="customers-rebuild">
      Rebuild customers
    </Button>
  );
}
