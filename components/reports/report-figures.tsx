"use client";
// Orders and revenue per account against the previous period: a table with the changes and a
// chart of both periods (revenue or orders).
import { useState } from "react";
import { Flex, Segmented, Table, Typography, theme, type TableProps } from "antd";
import { KpiDelta } from "@/components/dashboard/kpi-delta";
import { formatCount } from "@/lib/ui/format";
import { accountLabel, ron } from "./labels";
import { PeriodComparisonChart } from "./period-comparison-chart";
import type { Report } from "./queries";

type Row = Report["accounts"][number];
type Measure = "revenue" | "orders";

export function ReportFigures({ report, testId }: { report: Report; testId: string }) {
  const { token } = theme.useToken();
  const [measure, setMeasure] = useState<Measure>("revenue");
  const versus = report.previous.label;
  const columns: TableProps<Row>["columns"] = [
    { title: "Account", dataIndex: "account", render: (a: string) => <Typography.Text strong>{accountLabel(a)}</Typography.Text> },
    {
      title: "Orders",
      key: "orders",
      align: "right",
      render: (_: unknown, r) => (
        <Flex vertical align="end">
          <span data-testid={`${testId}-orders-${r.account}`}>{formatCount(r.current.orders)}</span>
          <KpiDelta value={r.change.orders.pct} versus={versus} />
        </Flex>
      ),
    },
    {
      title: "Revenue",
      key: "revenue",
      align: "right",
      render: (_: unknown, r) => (
        <Flex vertical align="end">
          <span style={{ whiteSpace: "nowrap" }} data-testid={`${testId}-revenue-${r.account}`}>{ron(r.current.revenue)}</span>
          <KpiDelta value={r.change.revenue.pct} versus={versus} />
        </Flex>
      ),
    },
  ];
  const chart = report.accounts
    .filter((a) => a.account !== "all")
    .map((a) => ({ label: accountLabel(a.account), current: a.current[measure], previous: a.previous[measure] }));
  return (
    <Flex vertical gap={token.marginSM}>
      <Table<Row> rowKey="account" size="small" pagination={false} columns={columns} dataSource={report.accounts} />
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">This period against {versus}</Typography.Text>
        <Segmented<Measure> size="small" value={measure} onChange={setMeasure} options={[{ value: "revenue", label: "Revenue" }, { value: "orders", label: "Orders" }]} aria-label="Chart measure" />
      </Flex>
      <div data-testid={`${testId}-chart`}>
        <PeriodComparisonChart data={chart} currentName={report.period.label} previousName={versus} format={measure === "revenue" ? (n) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 }) : (n) => formatCount(n)} />
      </div>
    </Flex>
  );
}
