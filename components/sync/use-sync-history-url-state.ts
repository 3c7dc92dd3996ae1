"use client";
// The sync history table's page and filters, kept in the sync page's URL.
import { accountKinds } from "@/lib/ui/queries/emag-accounts";
import { syncStatuses, type SyncHistoryParams } from "@/lib/ui/queries/emag-sync";
import { readEnum, readPositiveInt, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export const HISTORY_PAGE_SIZES = [10, 20, 50] as const;
const DEFAULTS = { page: 1, pageSize: 10 } as const;

export function parseSyncHistoryParams(sp: ReadableParams): SyncHistoryParams {
  return {
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    status: readEnum(sp, "status", syncStatuses),
    account: readEnum(sp, "account", accountKinds),
  };
}

const serialize = (p: SyncHistoryParams) => toSearch({ status: p.status, account: p.account, page: p.page, pageSize: p.pageSize }, DEFAULTS);

export function useSyncHistoryUrlState() {
  return useUrlState(parseSyncHistoryParams, serialize);
}
