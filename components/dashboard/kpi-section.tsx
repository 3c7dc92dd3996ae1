"use client";
// The dashboard's KPIs (one request, narrowed to an account on demand): sales per period, rates
// and top products. Order events and finished syncs refresh it.
import { useState } from "react";
import { Card, Col, Row, Segmented, Skeleton, theme } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { KpiPeriodsCard } from "@/components/dashboard/kpi-periods-card";
import { KpiRatesCard } from "@/components/dashboard/kpi-rates-card";
import { TopProductsCard } from "@/components/dashboard/top-products-card";
import { useSocketEvent } from "@/components/providers/use-socket";
import { dashboardKeys, dashboardQueries } from "@/lib/ui/queries/dashboard";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

type Choice = AccountKind | "all";
const choices: { value: Choice; label: string }[] = [
  { value: "all", label: "All" },
  { value: "main", label: "MAIN" },
  { value: "fbe", label: "FBE" },
];

export function KpiSection() {
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  const [account, setAccount] = useState<Choice>("all");
  const kpis = useQuery(dashboardQueries.kpis(account === "all" ? undefined : account));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  useSocketEvent("order:new", refresh);
  useSocketEvent("sync:completed", refresh);

  const picker = <Segmented<Choice> size="small" value={account} options={choices} onChange={setAccount} aria-label="Account" data-testid="kpi-account" />;
  if (kpis.isError && !kpis.data) {
    return (
      <Card title="Sales" extra={picker} variant="borderless">
        <QueryError compact error={kpis.error} title="Could not load the KPIs" onRetry={() => void kpis.refetch()} retrying={kpis.isFetching} />
      </Card>
    );
  }
  if (!kpis.data) {
    return (
      <Card title="Sales" extra={picker} variant="borderless">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  return (
    <Row gutter={[token.marginMD, token.marginMD]} data-testid="kpi-section" style={{ opacity: kpis.isPlaceholderData ? 0.6 : 1 }}>
      <Col span={24}>
        <KpiPeriodsCard kpis={kpis.data} extra={picker} />
      </Col>
      <Col xs={24} xl={9}>
        <KpiRatesCard kpis={kpis.data} />
      </Col>
      <Col xs={24} xl={15}>
        <TopProductsCard kpis={kpis.data} />
      </Col>
    </Row>
  );
}
