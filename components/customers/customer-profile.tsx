"use client";
// The customer's profile (identity, company, contacts) and metrics. Masked phones and company
// identifiers are shown exactly as the API sends them, with a note saying they are masked.
import { Alert, Col, Descriptions, Flex, Row, Statistic, Tag, Typography, theme } from "antd";
import { kindLabels } from "@/components/customers/labels";
import { accountLabels } from "@/components/emag/labels";
import { paymentLabel } from "@/components/orders/labels";
import type { CustomerDetail } from "@/lib/ui/queries/customers";
import { formatCount, formatDateTime, formatMoney, formatRelative } from "@/lib/ui/format";

const when = (iso: string | null) => (iso ? `${formatDateTime(iso)} (${formatRelative(iso)})` : "—");
const dash = (v: string | null | undefined) => v || "—";
const orders = (n: number) => `${formatCount(n)} order${n === 1 ? "" : "s"}`;

function Metrics({ c }: { c: CustomerDetail }) {
  const { token } = theme.useToken();
  const money = (v: number) => formatMoney(v, c.currency ?? "RON");
  const stats: { key: string; title: string; value: string; danger?: boolean }[] = [
    { key: "orders", title: "Orders", value: formatCount(c.orders_total) },
    { key: "delivered", title: "Delivered", value: formatCount(c.orders_delivered) },
    { key: "cancelled", title: "Cancelled", value: formatCount(c.orders_cancelled), danger: c.orders_cancelled > 0 },
    { key: "returned", title: "Returned", value: formatCount(c.orders_returned), danger: c.orders_returned > 0 },
    { key: "refused", title: "Refused COD", value: formatCount(c.refused_cod), danger: c.refused_cod > 0 },
    { key: "loyalty", title: "Loyalty", value: `${c.loyalty} / 100` },
    { key: "spend", title: "Net spend", value: money(c.net_spend) },
    { key: "aov", title: "Average order", value: money(c.avg_order_value) },
  ];
  return (
    <Row gutter={[token.marginMD, token.marginMD]} data-testid="customer-metrics">
      {stats.map((s) => (
        <Col key={s.key} xs={12} sm={8} md={6}>
          <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: token.fontSizeHeading4, color: s.danger ? token.colorError : undefined } }} />
        </Col>
      ))}
    </Row>
  );
}

export function CustomerProfile({ customer: c }: { customer: CustomerDetail }) {
  const { token } = theme.useToken();
  const accounts = (Object.entries(c.accounts) as [keyof typeof accountLabels, number][]).filter(([, n]) => n > 0);
  return (
    <Flex vertical gap={token.marginLG}>
      {c.pii_masked && <Alert type="info" showIcon title="Phone numbers and company identifiers are masked for your role." data-testid="customer-pii-masked" />}
      <Metrics c={c} />
      <Descriptions
        title="Profile"
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        data-testid="customer-profile"
        items={[
          { key: "kind", label: "Kind", children: kindLabels[c.kind] },
          { key: "phones", label: c.phones.length > 1 ? "Phones" : "Phone", children: c.phones.length ? <Flex vertical>{c.phones.map((p) => <span key={p}>{p}</span>)}</Flex> : "—" },
          { key: "email", label: "Email (eMAG hash)", children: c.email_hash ? <Typography.Text copyable style={{ wordBreak: "break-all" }}>{c.email_hash}</Typography.Text> : "—" },
          { key: "cities", label: "Cities", children: c.cities.length ? c.cities.join(", ") : "—" },
          { key: "payment", label: "Preferred payment", children: paymentLabel(c.preferred_payment_mode_id, null) },
          { key: "accounts", label: "Accounts", children: accounts.length ? accounts.map(([a, n]) => <Tag key={a}>{`${accountLabels[a]} · ${orders(n)}`}</Tag>) : "—" },
          { key: "first", label: "First order", children: when(c.first_order_at) },
          { key: "last", label: "Last order", children: when(c.last_order_at) },
        ]}
      />
      {c.company && (
        <Descriptions
          title="Company"
          size="small"
          bordered
          column={{ xs: 1, sm: 2 }}
          data-testid="customer-company"
          items={[
            { key: "name", label: "Name", children: dash(c.company.name) },
            { key: "cui", label: "CUI", children: dash(c.company.cui) },
            { key: "reg", label: "Registration no.", children: dash(c.company.registration_number) },
            { key: "vat", label: "VAT payer", children: c.company.vat_payer === null ? "—" : c.company.vat_payer ? "Yes" : "No" },
            { key: "bank", label: "Bank", children: dash(c.company.bank) },
            { key: "iban", label: "IBAN", children: dash(c.company.iban) },
          ]}
        />
      )}
      {c.contacts.length > 0 && (
        <Descriptions
          title={c.kind === "company" ? "People who ordered" : "Names used"}
          size="small"
          bordered
          column={1}
          items={c.contacts.map((p, i) => ({
            key: `${p.name}-${i}`,
            label: p.name ?? "Unnamed",
            children: `${[p.phone, orders(p.orders)].filter(Boolean).join(" · ")}${p.last_order_at ? `, last ${formatRelative(p.last_order_at)}` : ""}`,
          }))}
        />
      )}
    </Flex>
  );
}
