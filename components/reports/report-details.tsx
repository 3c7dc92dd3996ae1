"use client";
// The rest of a report: cancellations, top products, sync health and eMAG API usage.
import { Descriptions, List, Typography } from "antd";
import { formatCount } from "@/lib/ui/format";
import { rate, ron } from "./labels";
import type { Report } from "./queries";

export function ReportDetails({ report }: { report: Report }) {
  const all = report.cancellations.find((c) => c.account === "all");
  const syncs = report.sync.by_type_status.reduce((n, s) => n + s.count, 0);
  const usage = report.api_usage.reduce((t, u) => ({ requests: t.requests + u.requests, r429: t.r429 + u.rate_limited, errors: t.errors + u.errors }), { requests: 0, r429: 0, errors: 0 });
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "cancel", label: "Cancellations", children: all ? `${formatCount(all.cancelled)} of ${formatCount(all.orders)} (${rate(all.rate)}), ${ron(all.value)}` : "—" },
          { key: "sync", label: "Syncs", children: `${formatCount(syncs)} runs, ${formatCount(report.sync.failures.length)} failed or partial` },
          { key: "api", label: "eMAG API", children: `${formatCount(usage.requests)} requests, ${formatCount(usage.r429)} HTTP 429, ${formatCount(usage.errors)} errors` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>Top products</Typography.Title>
      <List
        size="small"
        dataSource={report.top_products.slice(0, 5)}
        locale={{ emptyText: "No sales in this period" }}
        renderItem={(p, i) => (
          <List.Item extra={<span style={{ whiteSpace: "nowrap" }}>{ron(p.revenue)}</span>}>
            <Typography.Text ellipsis style={{ maxWidth: "100%" }}>
              {i + 1}. {p.name ?? p.key} <Typography.Text type="secondary">× {formatCount(p.quantity)}</Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
