"use client";
// Revenue, orders and average order value for today, 7 and 30 days, each against the period before.
import type { ReactNode } from "react";
import { Card, Col, Divider, Flex, Grid, Row, Typography, theme } from "antd";
import { KpiDelta } from "@/components/dashboard/kpi-delta";
import type { DashboardKpis, KpiPeriod } from "@/lib/ui/queries/dashboard";
import { formatCount, formatMoney } from "@/lib/ui/format";

const versus: Record<KpiPeriod["key"], string> = { today: "yesterday up to this time", "7d": "the 7 days before", "30d": "the 30 days before" };

function Figure({ label, value, delta, testId }: { label: string; value: string; delta: ReactNode; testId: string }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={0} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{label}</Typography.Text>
      <Flex align="baseline" gap={token.marginXS} wrap>
        <Typography.Text strong style={{ fontSize: token.fontSizeHeading4, fontVariantNumeric: "tabular-nums" }}>{value}</Typography.Text>
        {delta}
      </Flex>
    </Flex>
  );
}

function PeriodColumn({ p, currency }: { p: KpiPeriod; currency: string }) {
  const { token } = theme.useToken();
  const vs = versus[p.key];
  return (
    <Flex vertical gap={token.marginSM} data-testid={`kpi-period-${p.key}`}>
      <Typography.Title level={5} style={{ margin: 0 }}>{p.label}</Typography.Title>
      <Figure label={`Revenue (${currency})`} value={formatMoney(p.current.revenue)} testId="kpi-revenue"
        delta={<KpiDelta value={p.change.revenue} versus={`${vs}: ${formatMoney(p.previous.revenue, currency)}`} testId="kpi-revenue-delta" />} />
      <Flex gap={token.marginLG} wrap>
        <Figure label="Orders" value={formatCount(p.current.orders)} testId="kpi-orders"
          delta={<KpiDelta value={p.change.orders} versus={`${vs}: ${formatCount(p.previous.orders)}`} testId="kpi-orders-delta" />} />
        <Figure label="Avg. order" value={p.current.avg_order_value === null ? "—" : formatMoney(p.current.avg_order_value)} testId="kpi-aov"
          delta={<KpiDelta value={p.change.avg_order_value} versus={`${vs}: ${formatMoney(p.previous.avg_order_value, currency)}`} />} />
      </Flex>
    </Flex>
  );
}

export function KpiPeriodsCard({ kpis, extra }: { kpis: DashboardKpis; extra?: ReactNode }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  return (
    <Card title="Sales" extra={extra} variant="borderless" style={{ height: "100%" }} data-testid="kpi-periods-card">
      <Row gutter={[token.marginLG, token.marginMD]}>
        {kpis.periods.map((p, i) => (
          <Col key={p.key} xs={24} md={8}>
            {i > 0 && isMobile && <Divider style={{ margin: `0 0 ${token.marginMD}px` }} />}
            <PeriodColumn p={p} currency={kpis.currency} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
