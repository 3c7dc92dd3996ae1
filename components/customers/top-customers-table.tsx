"use client";
// The highest net spenders, each linking to its profile on the customers page.
import { Grid, Table, Typography } from "antd";
import Link from "next/link";
import { SegmentTag, TierTag } from "@/components/customers/customer-tags";
import type { CustomerSummaryRow } from "@/lib/ui/queries/customers";
import { formatCount, formatMoney } from "@/lib/ui/format";

export function TopCustomersTable({ customers }: { customers: CustomerSummaryRow[] }) {
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Table<CustomerSummaryRow>
      size="small"
      rowKey="id"
      dataSource={customers}
      pagination={false}
      scroll={{ x: "max-content" }}
      data-testid="customers-top-table"
      columns={[
        { title: "#", key: "rank", width: 36, render: (_: unknown, _c, i) => i + 1 },
        {
          title: "Customer",
          key: "name",
          render: (_: unknown, c) => (
            <Link href={`/customers?customer=${encodeURIComponent(c.id)}`}>
              <Typography.Text ellipsis style={{ maxWidth: isMobile ? 150 : 260, color: "inherit" }}>{c.name ?? "Unnamed customer"}</Typography.Text>
            </Link>
          ),
        },
        { title: "Tier", key: "tier", responsive: ["sm"], render: (_: unknown, c) => <TierTag tier={c.tier} /> },
        { title: "Segment", key: "segment", responsive: ["md"], render: (_: unknown, c) => <SegmentTag segment={c.rfm_segment} rfm={c.rfm} /> },
        { title: "Orders", dataIndex: "orders_total", align: "right", responsive: ["sm"], render: (n: number) => formatCount(n) },
        { title: "Net spend", key: "spend", align: "right", render: (_: unknown, c) => <span style={{ whiteSpace: "nowrap" }}>{formatMoney(c.net_spend, c.currency ?? "RON")}</span> },
      ]}
    />
  );
}
