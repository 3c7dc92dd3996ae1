"use client";
// Every return (RMA) of the customer, newest first: what was returned, its state and the refund.
import { Empty, Table, Tag, Typography, theme } from "antd";
import { returnStatusLabels, returnTypeLabels } from "@/components/customers/labels";
import { accountLabels } from "@/components/emag/labels";
import { returnReasonLabel, returnStatusColors } from "@/components/orders/labels";
import type { CustomerReturn } from "@/lib/ui/queries/customers";
import { formatDateTime, formatMoney } from "@/lib/ui/format";

export function CustomerReturns({ returns, currency, onOpenOrder }: { returns: CustomerReturn[]; currency: string | null; onOpenOrder: (id: string) => void }) {
  const { token } = theme.useToken();
  const secondary = { display: "block", fontSize: token.fontSizeSM } as const;
  return (
    <Table<CustomerReturn>
      size="small"
      rowKey="id"
      dataSource={returns}
      pagination={returns.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      data-testid="customer-returns"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No returns" /> }}
      columns={[
        {
          title: "Return",
          key: "rma",
          render: (_: unknown, r) => (
            <div style={{ minWidth: 0, wordBreak: "break-word" }}>
              <Typography.Text strong>RMA {r.emag_rma_id}</Typography.Text>
              <Typography.Text type="secondary" style={secondary}>
                {[accountLabels[r.account], r.return_type !== null ? (returnTypeLabels[r.return_type] ?? `Type ${r.return_type}`) : null, formatDateTime(r.date)].filter(Boolean).join(" · ")}
              </Typography.Text>
              {r.return_reason !== null && <Typography.Text type="secondary" style={secondary}>Reason: {returnReasonLabel(r.return_reason)}</Typography.Text>}
              {r.emag_order_id && (
                <Typography.Text style={secondary}>
                  Order {r.order_id ? <Typography.Link onClick={() => onOpenOrder(r.order_id!)}>{r.emag_order_id}</Typography.Link> : r.emag_order_id}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: "Status",
          dataIndex: "request_status",
          width: 110,
          render: (s: number) => <Tag color={returnStatusColors[s] ?? "default"}>{returnStatusLabels[s] ?? `Status ${s}`}</Tag>,
        },
        { title: "Refund", dataIndex: "refund_value", align: "right", width: 110, render: (v: number) => <span style={{ whiteSpace: "nowrap" }}>{formatMoney(v, currency ?? "RON")}</span> },
      ]}
    />
  );
}
