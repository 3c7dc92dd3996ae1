"use client";
// The customers overview: headline counts, tier / segment / risk distributions, channels, new vs
// returning per month, the cohort retention grid and the top spenders, from one summary request.
import type { ReactNode } from "react";
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { ChannelsChart } from "@/components/customers/channels-chart";
import { CohortHeatmap } from "@/components/customers/cohort-heatmap";
import { CountBarsChart } from "@/components/customers/count-bars-chart";
import { riskLooks, segmentColors, tierLooks } from "@/components/customers/labels";
import { NewReturningChart } from "@/components/customers/new-returning-chart";
import { TopCustomersTable } from "@/components/customers/top-customers-table";
import { customerQueries, type CustomersSummary } from "@/lib/ui/queries/customers";
import { formatCount, formatDateTime, formatPercent } from "@/lib/ui/format";

function Panel({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card title={title} extra={extra} variant="borderless" style={{ height: "100%" }} data-testid={testId}>
      {children}
    </Card>
  );
}

function Headline({ s }: { s: CustomersSummary }) {
  const { token } = theme.useToken();
  const count = (key: string) => s.by_risk.find((r) => r.key === key)?.count ?? 0;
  const items = [
    { key: "total", title: "Customers", value: formatCount(s.total_customers) },
    { key: "buyers", title: "With a purchase", value: formatCount(s.repeat_purchase.buyers) },
    { key: "repeat", title: "Repeat-purchase rate", value: formatPercent(s.repeat_purchase.rate * 100) },
    { key: "risk", title: "High risk", value: formatCount(count("high")) },
  ];
  return (
    <Card variant="borderless" data-testid="customers-headline">
      <Row gutter={[token.marginMD, token.marginMD]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} md={6}>
            <Statistic title={i.title} value={i.value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function CustomersOverview() {
  const { token } = theme.useToken();
  const summary = useQuery(customerQueries.summary());
  const s = summary.data;
  if (summary.isError && !s) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;
  if (!s) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (s.total_customers === 0) {
    return <Empty description="No customers yet: they are built from the orders as the order sync imports them" data-testid="customers-overview-empty" />;
  }
  const color = (preset: keyof typeof token) => String(token[preset]);
  const tiers = s.by_tier.map((t) => ({ ...t, color: color(tierLooks[t.key].color) }));
  const segments = s.by_segment.map((g) => ({ ...g, color: g.key === "none" ? token.colorTextQuaternary : color(segmentColors[g.key]) }));
  const risks = s.by_risk.map((r) => ({ ...r, color: color(riskLooks[r.key].color) }));

  return (
    <Row gutter={[token.marginMD, token.marginMD]} data-testid="customers-overview">
      <Col span={24}>
        <Headline s={s} />
      </Col>
      <Col xs={24} lg={12}>
        <Panel title="Tiers" testId="customers-tiers">
          <CountBarsChart data={tiers} labelWidth={76} testId="customers-tier-chart" />
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>By net spend: silver from 1,000 RON, gold from 5,000, platinum from 20,000.</Typography.Text>
        </Panel>
      </Col>
      <Col xs={24} lg={12}>
        <Panel title="Accounts used" testId="customers-channels">
          <ChannelsChart channels={s.channels} />
        </Panel>
      </Col>
      <Col xs={24} lg={14}>
        <Panel title="RFM segments" testId="customers-segments">
          <CountBarsChart data={segments} labelWidth={124} testId="customers-segment-chart" />
        </Panel>
      </Col>
      <Col xs={24} lg={10}>
        <Panel title="Risk" testId="customers-risk">
          <CountBarsChart data={risks} labelWidth={92} testId="customers-risk-chart" />
        </Panel>
      </Col>
      <Col span={24}>
        <Panel title="New and returning customers per month" testId="customers-new-returning">
          <NewReturningChart data={s.new_vs_returning} />
        </Panel>
      </Col>
      <Col span={24}>
        <Panel title="Cohort retention" testId="customers-cohorts">
          <CohortHeatmap cohorts={s.cohorts} />
        </Panel>
      </Col>
      <Col span={24}>
        <Panel title="Top customers" extra={<Typography.Text type="secondary">as of {formatDateTime(s.generated_at)}</Typography.Text>} testId="customers-top">
          <TopCustomersTable customers={s.top_customers} />
        </Panel>
      </Col>
    </Row>
  );
}
