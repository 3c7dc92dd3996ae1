"use client";
// The orders table: server-side paging and sorting. Phones keep the order (with its status) and
// the total and fold the rest under the order id; wider content scrolls sideways, never squeezes.
import { Button, Empty, Flex, Grid, Table, Tag, Tooltip, Typography, theme, type TableProps } from "antd";
import { NoMatches, serverPagination, serverTableChange } from "@/components/common/server-table";
import { accountLabels } from "@/components/emag/labels";
import { paymentLabel } from "@/components/orders/labels";
import { OrderStatusTag, OrderTypeTag } from "@/components/orders/order-tags";
import { ORDER_PAGE_SIZES } from "@/components/orders/use-orders-url-state";
import type { Page } from "@/lib/ui/api-client";
import type { OrderSortField, OrderSummary, OrdersListParams } from "@/lib/ui/queries/orders";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";

interface OrdersTableProps {
  page: Page<OrderSummary> | undefined;
  loading: boolean;
  params: OrdersListParams;
  filtered: boolean;
  /** Ids of orders that just arrived live, drawn highlighted for a few seconds. */
  fresh: ReadonlySet<string>;
  onParamsChange: (patch: Partial<OrdersListParams>) => void;
  onClearFilters: () => void;
  onOpen: (order: OrderSummary) => void;
  onSync?: () => void;
}

const nowrap = { whiteSpace: "nowrap" } as const;

export function OrdersTable({ page, loading, params, filtered, fresh, onParamsChange, onClearFilters, onOpen, onSync }: OrdersTableProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const sortable = (field: OrderSortField) => ({
    key: field,
    sorter: true,
    sortOrder: params.sort === field ? (params.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null,
  });

  const columns: TableProps<OrderSummary>["columns"] = [
    {
      title: "Order",
      dataIndex: "emag_order_id",
      ...sortable("emag_order_id"),
      render: (_: unknown, o) => (
        <div style={isMobile ? { width: 190 } : undefined}>
          <Flex align="center" gap={token.marginXS}>
            {/* eMAG ids are strings end to end: rendered as received, never through Number. */}
            <Typography.Link onClick={() => onOpen(o)} data-testid="order-open" data-emag-id={o.emag_order_id} style={{ ...nowrap, fontVariantNumeric: "tabular-nums" }}>
              {o.emag_order_id}
            </Typography.Link>
            {/* The status column folds away on phones; the tag rides along with the id. */}
            {isMobile && <OrderStatusTag status={o.status} />}
          </Flex>
          {isMobile && (
            <Typography.Text type="secondary" ellipsis style={{ display: "block", fontSize: token.fontSizeSM }}>
              {[accountLabels[o.account] ?? o.account, o.customer_name, formatRelative(o.emag_created_at)].filter(Boolean).join(" · ")}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: "Status", dataIndex: "status", ...sortable("status"), responsive: ["md"], render: (s: number) => <OrderStatusTag status={s} /> },
    { title: "Account", dataIndex: "account", responsive: ["md"], render: (a: OrderSummary["account"]) => <Tag>{accountLabels[a] ?? a}</Tag> },
    { title: "Type", dataIndex: "type", responsive: ["lg"], render: (t: number) => <OrderTypeTag type={t} /> },
    {
      title: "Customer",
      dataIndex: "customer_name",
      responsive: ["md"],
      render: (name: string | null) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 200 }}>
          {name ?? "—"}
        </Typography.Text>
      ),
    },
    { title: "Phone", dataIndex: "customer_phone", responsive: ["xl"], render: (p: string | null) => <span style={nowrap}>{p ?? "—"}</span> },
    { title: "Payment", key: "payment", responsive: ["lg"], render: (_: unknown, o) => <span style={nowrap}>{paymentLabel(o.payment_mode_id, o.payment_mode)}</span> },
    {
      title: "Total",
      dataIndex: "total",
      ...sortable("total"),
      align: "right",
      render: (_: unknown, o) => <span style={{ ...nowrap, fontVariantNumeric: "tabular-nums" }}>{formatMoney(o.total, o.currency)}</span>,
    },
    {
      title: "Created",
      dataIndex: "emag_created_at",
      ...sortable("emag_created_at"),
      responsive: ["md"],
      render: (iso: string) => (
        <Tooltip title={formatRelative(iso)}>
          <span style={nowrap}>{formatDateTime(iso)}</span>
        </Tooltip>
      ),
    },
    { title: "AWB", dataIndex: "awb_number", responsive: ["xl"], render: (awb: string | null) => (awb ? <Typography.Text copyable>{awb}</Typography.Text> : "—") },
  ];

  const onChange = serverTableChange<OrderSummary, OrderSortField>(params, { sort: "emag_created_at", order: "desc" }, onParamsChange);

  const empty = filtered ? (
    <NoMatches what="orders" onClear={onClearFilters} />
  ) : (
    <Empty description="No orders yet: they appear here after the first order sync from eMAG" data-testid="orders-empty">
      {onSync && (
        <Button type="primary" onClick={onSync}>
          Sync orders now
        </Button>
      )}
    </Empty>
  );

  return (
    <div data-testid="orders-table" data-total={page?.total}>
      <Table<OrderSummary>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        onChange={onChange}
        onRow={(o) => ({
          onDoubleClick: () => onOpen(o),
          "data-fresh": fresh.has(o.id) || undefined,
          style: { background: fresh.has(o.id) ? token.colorPrimaryBg : undefined, transition: `background ${token.motionDurationSlow}` },
        })}
        size={isMobile ? "small" : "medium"}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={serverPagination(params, page?.total, { isMobile, pageSizes: ORDER_PAGE_SIZES, noun: "orders" })}
      />
    </div>
  );
}
