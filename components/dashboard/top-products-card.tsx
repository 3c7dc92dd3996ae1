"use client";
// The products that brought the most revenue over the last 30 days, from the order lines.
import { Card, Empty, Grid, Table, Typography, theme } from "antd";
import type { DashboardKpis, TopProduct } from "@/lib/ui/queries/dashboard";
import { formatCount, formatMoney } from "@/lib/ui/format";

export function TopProductsCard({ kpis }: { kpis: DashboardKpis }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Card title="Top products by revenue, last 30 days" variant="borderless" style={{ height: "100%" }} data-testid="kpi-top-products-card">
      <Table<TopProduct>
        size="small"
        rowKey="key"
        dataSource={kpis.top_products}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No sales in the last 30 days" /> }}
        data-testid="kpi-top-products"
        columns={[
          { title: "#", key: "rank", width: 32, render: (_: unknown, _p, i) => i + 1 },
          {
            title: "Product",
            key: "product",
            render: (_: unknown, p) => (
              <div style={{ width: isMobile ? 140 : 300 }}>
                <Typography.Text ellipsis={{ tooltip: p.name }} style={{ display: "block" }}>{p.name ?? p.key}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                  {[p.part_number_key && `PNK ${p.part_number_key}`, `${formatCount(p.orders)} order${p.orders === 1 ? "" : "s"}`].filter(Boolean).join(" · ")}
                </Typography.Text>
              </div>
            ),
          },
          { title: "Units", dataIndex: "quantity", align: "right", responsive: ["sm"], render: (n: number) => formatCount(n) },
          { title: "Revenue", dataIndex: "revenue", align: "right", render: (v: number) => <span style={{ whiteSpace: "nowrap" }}>{formatMoney(v, kpis.currency)}</span> },
        ]}
      />
    </Card>
  );
}
