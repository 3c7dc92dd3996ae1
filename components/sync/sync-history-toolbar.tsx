"use client";
// Status and account filters above the sync history (both live in the URL).
import { Flex, theme } from "antd";
import { FilterSelect } from "@/components/common/filter-select";
import { accountOptions } from "@/components/emag/labels";
import { syncStatusOptions } from "@/components/sync/sync-labels";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { SyncHistoryParams, SyncStatus } from "@/lib/ui/queries/emag-sync";

export function SyncHistoryToolbar({ params, onChange }: { params: SyncHistoryParams; onChange: (patch: Partial<SyncHistoryParams>) => void }) {
  const { token } = theme.useToken();
  return (
    <Flex wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
      <FilterSelect<SyncStatus> label="status" placeholder="Any status" value={params.status} options={syncStatusOptions}
        onChange={(status) => onChange({ status })} style={{ width: 150 }} testId="sync-history-status-filter" />
      <FilterSelect<AccountKind> label="account" placeholder="Any account" value={params.account} options={accountOptions}
        onChange={(account) => onChange({ account })} style={{ width: 150 }} testId="sync-history-account-filter" />
    </Flex>
  );
}
