"use client";
// The customer's orders, newest first, paged on the server. An order opens in the order drawer on
// top of this one; the arrow opens it on the orders page instead.
import { ExportOutlined } from "@ant-design/icons";
import { Flex, Grid, Table, Tag, Tooltip, Typography, theme } from "antd";
import Link from "next/link";
import { accountLabels } from "@/components/emag/labels";
import { paymentLabel } from "@/components/orders/labels";
import { OrderStatusTag } from "@/components/orders/order-tags";
import type { CustomerDetail, CustomerOrder } from "@/lib/ui/queries/customers";
import { formatDateTime, formatMoney } from "@/lib/ui/format";

interface CustomerOrdersProps {
  orders: CustomerDetail["orders"];
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpenOrder: (id: string) => void;
}

const nowrap = { whiteSpace: "nowrap" } as const;

export function CustomerOrders({ orders, loading, onPage, onOpenOrder }: CustomerOrdersProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Table<CustomerOrder>
      size="small"
      rowKey="id"
      dataSource={orders.data}
      loading={loading}
      scroll={{ x: "max-content" }}
      data-testid="customer-orders"
      pagination={{
        current: orders.page,
        pageSize: orders.pageSize,
        total: orders.total,
        simple: isMobile,
        showSizeChanger: false,
        showTotal: isMobile ? undefined : (n) => `${n} orders`,
        onChange: onPage,
      }}
      columns={[
        {
          title: "Order",
          key: "order",
          render: (_: unknown, o) => (
            <div>
              <Flex gap="small" align="center">
                <Typography.Link onClick={() => onOpenOrder(o.id)} style={{ ...nowrap, fontVariantNumeric: "tabular-nums" }} data-testid="customer-order-open" data-emag-id={o.emag_order_id}>
                  {o.emag_order_id}
                </Typography.Link>
                <Tooltip title="Open on the orders page">
                  <Link href={`/orders?order_id=${encodeURIComponent(o.id)}`} aria-label={`Order ${o.emag_order_id} on the orders page`}>
                    <ExportOutlined />
                  </Link>
                </Tooltip>
              </Flex>
              {/* The date column folds away on phones; the date rides under the id. */}
              {isMobile && <Typography.Text type="secondary" style={{ ...nowrap, display: "block", fontSize: token.fontSizeSM }}>{formatDateTime(o.created_at)}</Typography.Text>}
            </div>
          ),
        },
        { title: "Status", dataIndex: "status", render: (s: number) => <OrderStatusTag status={s} /> },
        { title: "Total", dataIndex: "total", align: "right", render: (_: unknown, o) => <span style={nowrap}>{formatMoney(o.total, o.currency)}</span> },
        { title: "Placed", dataIndex: "created_at", responsive: ["md"], render: (iso: string) => <span style={nowrap}>{formatDateTime(iso)}</span> },
        { title: "Account", dataIndex: "account", responsive: ["sm"], render: (a: CustomerOrder["account"]) => <Tag>{accountLabels[a]}</Tag> },
        { title: "Payment", dataIndex: "payment_mode_id", responsive: ["md"], render: (p: number | null) => <span style={nowrap}>{paymentLabel(p, null)}</span> },
        { title: "City", dataIndex: "city", responsive: ["md"], render: (c: string | null) => c ?? "—" },
      ]}
    />
  );
}
