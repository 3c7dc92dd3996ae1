"use client";
// Average order value, repeat-purchase rate, and the cancellation and return rates of the last 30
// days against the 30 before (rates compared in percentage points; a rise there is bad news).
import type { ReactNode } from "react";
import { Card, Col, Flex, Row, Typography, theme } from "antd";
import { KpiDelta } from "@/components/dashboard/kpi-delta";
import type { DashboardKpis, KpiRate } from "@/lib/ui/queries/dashboard";
import { formatCount, formatMoney, formatPercent } from "@/lib/ui/format";

const asPercent = (r: number | null) => (r === null ? "—" : formatPercent(r * 100));
const pointsChange = (r: KpiRate) => (r.rate === null || r.previous_rate === null ? null : r.rate - r.previous_rate);

function Rate({ title, value, delta, note, testId }: { title: string; value: string; delta?: ReactNode; note: string; testId: string }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={0} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Flex align="baseline" gap={token.marginXS} wrap>
        <Typography.Text strong style={{ fontSize: token.fontSizeHeading3, fontVariantNumeric: "tabular-nums" }}>{value}</Typography.Text>
        {delta}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{note}</Typography.Text>
    </Flex>
  );
}

export function KpiRatesCard({ kpis }: { kpis: DashboardKpis }) {
  const { token } = theme.useToken();
  const month = kpis.periods.find((p) => p.key === "30d");
  const { cancellation: c, returns: r, repeat_purchase: rp } = kpis;
  return (
    <Card title="Customers and quality, last 30 days" variant="borderless" style={{ height: "100%" }} data-testid="kpi-rates-card">
      <Row gutter={[token.marginLG, token.marginLG]}>
        <Col xs={12}>
          <Rate title={`Average order value (${kpis.currency})`} testId="kpi-aov-30d"
            value={month?.current.avg_order_value === null || !month ? "—" : formatMoney(month.current.avg_order_value)}
            delta={month && <KpiDelta value={month.change.avg_order_value} versus="the 30 days before" />}
            note={`${formatCount(month?.current.revenue_orders ?? 0)} orders counted`} />
        </Col>
        <Col xs={12}>
          <Rate title="Repeat-purchase rate" value={asPercent(rp.rate)} testId="kpi-repeat"
            note={`${formatCount(rp.repeat_buyers)} of ${formatCount(rp.buyers)} buyers ordered again (all time)`} />
        </Col>
        <Col xs={12}>
          <Rate title="Cancellation rate" value={asPercent(c.rate)} testId="kpi-cancellation"
            delta={<KpiDelta value={pointsChange(c)} points inverse versus={`the 30 days before: ${asPercent(c.previous_rate)}`} />}
            note={`${formatCount(c.count)} of ${formatCount(c.of)} orders placed`} />
        </Col>
        <Col xs={12}>
          <Rate title="Return rate" value={asPercent(r.rate)} testId="kpi-returns"
            delta={<KpiDelta value={pointsChange(r)} points inverse versus={`the 30 days before: ${asPercent(r.previous_rate)}`} />}
            note={`${formatCount(r.count)} of ${formatCount(r.of)} delivered orders`} />
        </Col>
      </Row>
    </Card>
  );
}
