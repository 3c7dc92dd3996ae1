"use client";
// The sections of the order drawer: summary, customer, addresses, lines with totals, shipping
// documents, returns and the order's timeline.
import { Descriptions, Empty, Flex, Table, Tag, Timeline, Typography, theme, type DescriptionsProps } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { OrderLinesTable } from "@/components/orders/order-lines-table";
import { OrderStatusTag, OrderTypeTag } from "@/components/orders/order-tags";
import { paymentLabel, returnReasonLabel, returnStatusColors } from "@/components/orders/labels";
import type { OrderAddress, OrderDetail, OrderReturn } from "@/lib/ui/queries/orders";
import { formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";

function Section({ title, items, testId }: { title: string; items: DescriptionsProps["items"]; testId?: string }) {
  return <Descriptions title={title} size="small" bordered column={{ xs: 1, sm: 2 }} items={items} data-testid={testId} />;
}

const when = (iso: string | null | undefined) => (iso ? `${formatDateTime(iso)} (${formatRelative(iso)})` : "—");

function Address({ address }: { address: OrderAddress | null }) {
  if (!address) return <>—</>;
  const lines = [
    address.name,
    address.contact,
    address.phone,
    address.street,
    [address.postal_code, address.city].filter(Boolean).join(" "),
    [address.county, address.country].filter(Boolean).join(", "),
  ].filter(Boolean);
  return (
    <Flex vertical>
      {lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </Flex>
  );
}

/** Two columns, status and products stacked under the return id, so it reads at 390 px without scrolling. */
function ReturnsSection({ returns, currency }: { returns: OrderReturn[]; currency: string | null }) {
  const { token } = theme.useToken();
  const secondary = { display: "block", fontSize: token.fontSizeSM } as const;
  return (
    <Flex vertical gap={token.marginSM}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        Returns ({returns.length})
      </Typography.Title>
      <Table<OrderReturn>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={returns}
        data-testid="order-returns"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No returns for this order" /> }}
        columns={[
          {
            title: "Return",
            key: "rma",
            render: (_: unknown, r) => (
              <div style={{ minWidth: 0, wordBreak: "break-word" }}>
                <Flex wrap gap={token.marginXS} align="center">
                  <Typography.Text strong copyable={{ text: r.emag_rma_id }}>RMA {r.emag_rma_id}</Typography.Text>
                  <Tag color={returnStatusColors[r.request_status] ?? "default"} style={{ marginInlineEnd: 0 }}>{r.request_status_label}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={secondary}>
                  {[r.return_type_label, formatDateTime(r.emag_date)].filter(Boolean).join(" · ")}
                </Typography.Text>
                {r.products.map((p, i) => (
                  <Typography.Text key={p.id ?? i} style={secondary}>
                    {p.quantity ?? 1} × {p.name ?? `Product ${p.product_id ?? "?"}`}
                  </Typography.Text>
                ))}
                {r.return_reason !== null && (
                  <Typography.Text type="secondary" style={secondary}>
                    Reason: {returnReasonLabel(r.return_reason)}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            title: "Refund",
            key: "refund",
            align: "right",
            render: (_: unknown, r) => <span style={{ whiteSpace: "nowrap" }}>{formatMoney(r.refund_value, currency)}</span>,
          },
        ]}
      />
    </Flex>
  );
}

export function OrderDetails({ order: o }: { order: OrderDetail }) {
  const { token } = theme.useToken();
  const paid = o.payment_status === 1;

  return (
    <Flex vertical gap={token.marginLG}>
      <Section
        title="Order"
        testId="order-summary"
        items={[
          { key: "status", label: "Status", children: <OrderStatusTag status={o.status} /> },
          { key: "id", label: "eMAG order id", children: <Typography.Text copyable>{o.emag_order_id}</Typography.Text> },
          { key: "account", label: "Account", children: <Tag>{accountLabels[o.account] ?? o.account}</Tag> },
          { key: "type", label: "Type", children: <OrderTypeTag type={o.type} /> },
          { key: "created", label: "Created on eMAG", children: when(o.emag_created_at) },
          { key: "ack", label: "Acknowledged", children: when(o.acknowledged_at) },
          ...(o.finalized_at ? [{ key: "final", label: "Finalized", children: when(o.finalized_at) }] : []),
          ...(o.cancellation_reason
            ? [{ key: "cancel", label: "Cancellation reason", children: <Typography.Text type="danger">{o.cancellation_reason.name ?? `Reason ${o.cancellation_reason.id}`}</Typography.Text> }]
            : []),
          ...(o.observation ? [{ key: "obs", label: "Customer note", children: o.observation }] : []),
        ]}
      />
      <Section
        title="Customer"
        items={[
          { key: "name", label: "Name", children: o.customer?.name ?? o.customer_name ?? "—" },
          ...(o.customer_id ? [{ key: "profile", label: "Customer profile", children: <Typography.Link href={`/customers?customer=${encodeURIComponent(o.customer_id)}`} data-testid="order-customer-link">Open customer</Typography.Link> }] : []),
          { key: "company", label: "Company", children: o.customer?.company || "—" },
          { key: "email", label: "Email", children: o.customer?.email ? <Typography.Text copyable>{o.customer.email}</Typography.Text> : "—" },
          { key: "phone", label: "Phone", children: (o.customer?.phone ?? o.customer_phone) ? <Typography.Text copyable>{o.customer?.phone ?? o.customer_phone}</Typography.Text> : "—" },
          { key: "ship", label: "Shipping address", children: <Address address={o.shipping_address} /> },
          { key: "bill", label: "Billing address", children: <Address address={o.billing_address} /> },
          ...(o.locker ? [{ key: "locker", label: "Locker", children: `${o.locker.name ?? "Locker"} (${o.locker.id})` }] : []),
        ]}
      />
      <OrderLinesTable order={o} />
      <Section
        title="Payment and shipping"
        testId="order-shipping"
        items={[
          { key: "pay", label: "Payment", children: paymentLabel(o.payment_mode_id, o.payment_mode) },
          { key: "paid", label: "Payment status", children: <Tag color={paid ? "green" : "default"}>{paid ? "Paid" : "Not paid"}</Tag> },
          { key: "delivery", label: "Delivery", children: o.delivery_mode === "pickup" ? "Pickup point / locker" : (o.delivery_mode ?? "—") },
          { key: "courier", label: "Courier", children: o.courier_name ?? "—" },
          { key: "awb", label: "AWB", children: o.awb_number ? <Typography.Text copyable>{o.awb_number}</Typography.Text> : "—" },
          {
            key: "invoice",
            label: "Invoice",
            children: o.invoice_url ? (
              <Typography.Link href={o.invoice_url} target="_blank" rel="noreferrer" ellipsis style={{ maxWidth: 260 }}>
                {o.invoice_attached_at ? `Attached ${formatDateTime(o.invoice_attached_at)}` : o.invoice_url}
              </Typography.Link>
            ) : (
              "—"
            ),
          },
        ]}
      />
      <ReturnsSection returns={o.returns} currency={o.currency} />
      <Flex vertical gap={token.marginSM}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          Timeline
        </Typography.Title>
        {o.timeline.length === 0 ? (
          <Typography.Text type="secondary">No events recorded yet.</Typography.Text>
        ) : (
          <Timeline
            data-testid="order-timeline"
            items={o.timeline.map((t, i) => ({
              key: `${t.at}-${i}`,
              title: formatDateTime(t.at),
              content: (
                <Flex vertical>
                  <Typography.Text strong>{t.event}</Typography.Text>
                  {t.detail && <Typography.Text type="secondary">{t.detail}</Typography.Text>}
                  {t.by && <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>by {t.by}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
      </Flex>
    </Flex>
  );
}

