"use client";
// One order in full, opened from the table or a link (?order_id=<uuid>). The list row shows at
// once when we have it; the detail (lines, addresses, timeline) fills in.
import { Drawer, Flex, Grid, Skeleton, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderDetails } from "@/components/orders/order-details";
import { OrderStatusTag } from "@/components/orders/order-tags";
import { orderQueries, type OrderSummary } from "@/lib/ui/queries/orders";
import { formatMoney } from "@/lib/ui/format";

interface OrderDrawerProps {
  id: string | undefined;
  /** The table's row for this order, shown while the detail loads. */
  summary: OrderSummary | undefined;
  canWrite: boolean;
  onClose: () => void;
}

export function OrderDrawer({ id, summary, canWrite, onClose }: OrderDrawerProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const detail = useQuery({ ...orderQueries.detail(id ?? ""), enabled: !!id });
  const shown = detail.data ?? summary;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isMobile ? "100%" : 760}
      destroyOnHidden
      title={
        <Flex align="center" gap={token.marginXS} wrap>
          <Typography.Text strong>Order {shown?.emag_order_id ?? ""}</Typography.Text>
          {shown && <OrderStatusTag status={shown.status} />}
          {shown && <Typography.Text type="secondary">{formatMoney(shown.total, shown.currency)}</Typography.Text>}
        </Flex>
      }
      data-testid="order-drawer"
    >
      <Flex vertical gap={token.marginLG}>
        {detail.isError && !detail.data && (
          <QueryError compact error={detail.error} title="Could not load the order" onRetry={() => void detail.refetch()} retrying={detail.isFetching} />
        )}
        {shown && <OrderActions order={shown} canWrite={canWrite} />}
        {detail.data ? <OrderDetails order={detail.data} /> : detail.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      </Flex>
    </Drawer>
  );
}
