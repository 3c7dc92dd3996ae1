"use client";
// Product sync: per-account state with live progress (Socket.IO), start/cancel/cleanup,
// charts of recent results and the server-paged history.
import { useState } from "react";
import { Card, Col, Flex, Row, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { PageContainer } from "@/components/layout/page-container";
import { SyncAccountCard } from "@/components/sync/sync-account-card";
import { SyncActions } from "@/components/sync/sync-actions";
import { SyncHistoryTable } from "@/components/sync/sync-history-table";
import { SyncHistoryToolbar } from "@/components/sync/sync-history-toolbar";
import { SyncOptionsDrawer } from "@/components/sync/sync-options-drawer";
import { SyncOverview } from "@/components/sync/sync-overview";
import { useCancelSync } from "@/components/sync/use-sync-mutations";
import { useSyncHistoryUrlState } from "@/components/sync/use-sync-history-url-state";
import { useSyncLive } from "@/components/sync/use-sync-live";
import { accountKinds, emagAccountQueries } from "@/lib/ui/queries/emag-accounts";
import { syncQueries, type SyncMode } from "@/lib/ui/queries/emag-sync";
import { pickProgress } from "@/lib/ui/sync-live";

export function SyncPageClient({ canSync }: { canSync: boolean }) {
  const { token } = theme.useToken();
  const [drawerMode, setDrawerMode] = useState<SyncMode | null>(null);
  const { params, setParams } = useSyncHistoryUrlState();
  const status = useQuery(syncQueries.status());
  const statistics = useQuery(syncQueries.statistics());
  const accounts = useQuery(emagAccountQueries.list());
  const history = useQuery(syncQueries.history(params));
  const { live, markFinished } = useSyncLive();
  const cancel = useCancelSync((id) => markFinished(id, "cancelled"));
  const cancellingId = cancel.isPending ? cancel.variables : undefined;

  const recent = status.data?.recent_syncs ?? [];
  const onCancel = canSync ? (id: string) => cancel.mutate(id) : undefined;
  const failed = status.isError && !status.data ? status : statistics.isError && !statistics.data ? statistics : null;

  return (
    <PageContainer subtitle="Import offers from eMAG into MagFlow and follow each run live" extra={canSync ? <SyncActions onStart={setDrawerMode} /> : undefined}>
      <Flex vertical gap={token.marginMD} data-testid="sync-page">
        {failed && <QueryError compact error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />}
        <Row gutter={[token.marginMD, token.marginMD]}>
          {accountKinds.map((account) => {
            const progress = pickProgress(live[account], status.data?.current_sync, account);
            return (
              <Col xs={24} lg={12} key={account}>
                <SyncAccountCard
                  account={account}
                  info={accounts.data?.find((a) => a.kind === account)}
                  counts={statistics.data?.by_account.find((a) => a.account === account)}
                  lastSync={recent.find((s) => s.accounts.includes(account) && s.status !== "running")}
                  progress={progress}
                  loading={status.isPending && statistics.isPending}
                  onCancel={onCancel}
                  cancelling={!!progress && cancellingId === progress.syncId}
                />
              </Col>
            );
          })}
        </Row>
        <SyncOverview statistics={statistics.data} recentSyncs={status.data?.recent_syncs} loading={statistics.isPending && status.isPending} />
        <Card title="History" variant="borderless">
          <SyncHistoryToolbar params={params} onChange={(patch) => setParams(patch, { resetPage: true })} />
          {history.isError && !history.data ? (
            <QueryError error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
          ) : (
            <SyncHistoryTable
              page={history.data}
              loading={history.isPending || history.isPlaceholderData}
              params={params}
              onParamsChange={setParams}
              filtered={!!params.status || !!params.account}
              onClearFilters={() => setParams({ status: undefined, account: undefined }, { resetPage: true })}
              onCancel={onCancel}
            />
          )}
        </Card>
      </Flex>
      {canSync && <SyncOptionsDrawer mode={drawerMode} onClose={() => setDrawerMode(null)} onShowRunning={() => setParams({ status: "running", account: undefined }, { resetPage: true })} />}
    </PageContainer>
  );
}
