"use client";
// Status and account filters above the sync history (both live in the URL).
import { Flex, Select, theme } from "antd";
import { accountOptions } from "@/components/emag/labels";
import { syncStatusOptions } from "@/components/sync/sync-labels";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { SyncHistoryParams, SyncStatus } from "@/lib/ui/queries/emag-sync";

export function SyncHistoryToolbar({ params, onChange }: { params: SyncHistoryParams; onChange: (patch: Partial<SyncHistoryParams>) => void }) {
  const { token } = theme.useToken();
  return (
    <Flex wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
      <Select<SyncStatus>
        allowClear
        placeholder="Any status"
        value={params.status}
        options={syncStatusOptions}
        onChange={(status) => onChange({ status: status ?? undefined })}
        style={{ width: 150 }}
        aria-label="Filter by status"
        data-testid="sync-history-status-filter"
      />
      <Select<AccountKind>
        allowClear
        placeholder="Any account"
        value={params.account}
        options={accountOptions}
        onChange={(account) => onChange({ account: account ?? undefined })}
        style={{ width: 150 }}
        aria-label="Filter by account"
        data-testid="sync-history-account-filter"
      />
    </Flex>
  );
}
