"use client";
// The order's lines with quantities and prices, then the totals (shipping, vouchers, grand total).
import { Flex, Table, Typography, theme } from "antd";
import type { OrderDetail, OrderLine } from "@/lib/ui/queries/orders";
import { formatMoney, toNumber } from "@/lib/ui/format";

/** eMAG sends VAT as a fraction ("0.19"); older rows may hold a percentage (19). */
function vatPercent(v: OrderLine["vat_rate"]): string {
  const n = toNumber(v);
  if (n === null) return "—";
  return `${Math.round(n < 1 ? n * 100 : n)}%`;
}

export function OrderLinesTable({ order: o }: { order: OrderDetail }) {
  const { token } = theme.useToken();
  const money = (v: number | string | null | undefined) => formatMoney(v, o.currency);
  const vouchers = o.vouchers.reduce((sum, v) => sum + (toNumber(v.value as number | string | null) ?? 0), 0);

  return (
    <Flex vertical gap={token.marginSM}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        Products ({o.lines.length})
      </Typography.Title>
      <Table<OrderLine>
        size="small"
        rowKey={(l) => String(l.line_id)}
        pagination={false}
        dataSource={o.lines}
        scroll={{ x: "max-content" }}
        data-testid="order-lines"
        columns={[
          {
            title: "Product",
            key: "name",
            render: (_: unknown, l) => (
              <div style={{ minWidth: 160, maxWidth: 320 }}>
                <Typography.Text>{l.name ?? `Product ${l.product_id}`}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: token.fontSizeSM }}>
                  {[l.part_number, l.part_number_key].filter(Boolean).join(" · ")}
                </Typography.Text>
              </div>
            ),
          },
          { title: "Qty", dataIndex: "quantity", align: "right" },
          { title: "Price", dataIndex: "sale_price", align: "right", render: (v: OrderLine["sale_price"]) => <span style={{ whiteSpace: "nowrap" }}>{money(v)}</span> },
          { title: "VAT", dataIndex: "vat_rate", align: "right", responsive: ["sm"], render: vatPercent },
          { title: "Total", dataIndex: "line_total", align: "right", render: (v: OrderLine["line_total"]) => <span style={{ whiteSpace: "nowrap" }}>{money(v)}</span> },
        ]}
      />
      <Flex vertical align="flex-end" gap={token.marginXXS} data-testid="order-totals">
        <Typography.Text type="secondary">Shipping: {money(o.shipping_tax ?? 0)}</Typography.Text>
        {vouchers !== 0 && <Typography.Text type="secondary">Vouchers: {money(vouchers)}</Typography.Text>}
        <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
          Total: {money(o.total)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
