"use client";
// The sections of the order drawer: summary, customer, addresses, lines with totals, shipping
// documents and the order's timeline.
import { Descriptions, Flex, Tag, Timeline, Typography, theme, type DescriptionsProps } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { OrderLinesTable } from "@/components/orders/order-lines-table";
import { OrderStatusTag, OrderTypeTag } from "@/components/orders/order-tags";
import { paymentLabel } from "@/components/orders/labels";
import type { OrderAddress, OrderDetail } from "@/lib/ui/queries/orders";
import { formatDateTime, formatRelative } from "@/lib/ui/format";

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

