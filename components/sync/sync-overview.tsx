"use client";
// Charts of the sync page: what recent syncs changed, and the catalogue per account.
import dayjs from "dayjs";
import { Card, Col, Empty, Flex, Row, Statistic, theme } from "antd";
import { ProductsByAccountChart } from "@/components/charts/products-by-account-chart";
import { SyncCountersChart, type SyncCountersRow } from "@/components/charts/sync-counters-chart";
import { accountLabels } from "@/components/emag/labels";
import type { SyncLog, SyncStatistics } from "@/lib/ui/queries/emag-sync";
import { formatRelative } from "@/lib/ui/format";

const MAX_BARS = 12;

function counterRows(syncs: SyncLog[]): SyncCountersRow[] {
  return syncs
    .filter((s) => s.status !== "running")
    .slice(0, MAX_BARS)
    .reverse()
    .map((s) => ({ label: dayjs(s.started_at).format("DD/MM HH:mm"), ...s.counters }));
}

interface SyncOverviewProps {
  statistics: SyncStatistics | undefined;
  recentSyncs: SyncLog[] | undefined;
  loading: boolean;
}

export function SyncOverview({ statistics, recentSyncs, loading }: SyncOverviewProps) {
  const { token } = theme.useToken();
  const rows = counterRows(recentSyncs ?? []);
  const byAccount = (statistics?.by_account ?? []).map((a) => ({ label: accountLabels[a.account] ?? a.account, active: a.active, inactive: a.inactive, removed: a.removed }));
  const rate = statistics?.success_rate;

  return (
    <Row gutter={[token.marginMD, token.marginMD]}>
      <Col xs={24} xl={14}>
        <Card title="What recent syncs changed" variant="borderless" loading={loading} style={{ height: "100%" }}>
          {rows.length > 0 ? (
            <SyncCountersChart data={rows} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No finished syncs yet" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="Catalogue" variant="borderless" loading={loading} style={{ height: "100%" }}>
          <Flex vertical gap={token.marginMD}>
            <Row gutter={[token.marginSM, token.marginSM]}>
              <Col span={8}>
                <Statistic title="Products" value={statistics?.total_products ?? 0} />
              </Col>
              <Col span={8}>
                <Statistic
                  title="Success rate"
                  value={rate === null || rate === undefined ? "—" : Math.round(rate * 100)}
                  suffix={rate === null || rate === undefined ? undefined : "%"}
                />
              </Col>
              <Col span={8}>
                <Statistic title="Last sync" value={statistics?.last_sync_at ? formatRelative(statistics.last_sync_at) : "Never"} styles={{ content: { fontSize: token.fontSizeLG } }} />
              </Col>
            </Row>
            {byAccount.some((a) => a.active + a.inactive + a.removed > 0) ? (
              <ProductsByAccountChart data={byAccount} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No products synced yet" />
            )}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
