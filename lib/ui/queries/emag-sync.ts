// Product syncs: wire types (snake_case, as the API sends them), keys and query options.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "@/lib/ui/api-client";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

export const syncStatuses = ["running", "completed", "failed", "partial", "cancelled"] as const;
export type SyncStatus = (typeof syncStatuses)[number];
export const conflictStrategies = ["emag_priority", "local_priority", "newest_wins", "manual"] as const;
export type ConflictStrategy = (typeof conflictStrategies)[number];
export type SyncMode = "full" | "incremental";

export interface SyncCounters {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
}

export interface SyncAccountProgress {
  page: number;
  total_pages: number;
  processed: number;
  total: number;
  percent: number;
}

export interface SyncLog {
  id: string;
  type: string;
  accounts: AccountKind[];
  mode: SyncMode | string;
  options: Record<string, unknown>;
  status: SyncStatus;
  counters: SyncCounters;
  pages: number;
  api_requests: number;
  rate_limit_waits: number;
  errors: { account: string; message: string; page?: number }[];
  progress: Partial<Record<AccountKind, SyncAccountProgress>> | null;
  triggered_by: string;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
}

export interface SyncStatusResponse {
  is_running: boolean;
  current_sync: SyncLog | null;
  recent_syncs: SyncLog[];
}

export interface SyncStatistics {
  total_products: number;
  by_account: { account: AccountKind; total: number; active: number; inactive: number; removed: number }[];
  recent_syncs: number;
  success_rate: number | null;
  last_sync_at: string | null;
}

export interface StartSyncBody {
  account_type: AccountKind | "both";
  mode: SyncMode;
  max_pages?: number;
  items_per_page?: number;
  include_inactive?: boolean;
  conflict_strategy?: ConflictStrategy;
  run_async: true;
  timeout_seconds?: number;
}

export interface StartSyncResponse {
  sync_id: string;
  status: "running";
  accounts: AccountKind[];
  mode: SyncMode;
  message: string;
}

export interface SyncHistoryParams {
  page: number;
  pageSize: number;
  status?: SyncStatus;
  account?: AccountKind;
}

const base = "/api/v1/emag/products";

export const syncKeys = {
  all: ["emag-sync"] as const,
  status: () => [...syncKeys.all, "status"] as const,
  statistics: () => [...syncKeys.all, "statistics"] as const,
  histories: () => [...syncKeys.all, "history"] as const,
  history: (params: SyncHistoryParams) => [...syncKeys.histories(), params] as const,
};

export const syncQueries = {
  // No polling: socket events (sync:*) invalidate these keys.
  status: () =>
    queryOptions({
      queryKey: syncKeys.status(),
      queryFn: ({ signal }) => api.get<SyncStatusResponse>(`${base}/status`, { signal }),
    }),
  statistics: () =>
    queryOptions({
      queryKey: syncKeys.statistics(),
      queryFn: ({ signal }) => api.get<SyncStatistics>(`${base}/statistics`, { signal }),
    }),
  history: (params: SyncHistoryParams) =>
    queryOptions({
      queryKey: syncKeys.history(params),
      queryFn: ({ signal }) => api.get<Page<SyncLog>>(`${base}/history`, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
    }),
};

export const syncApi = {
  start: (body: StartSyncBody) => api.post<StartSyncResponse>(`${base}/sync`, body),
  cancel: (id: string) => api.delete<{ id: string; status: "cancelled" }>(`${base}/sync/${encodeURIComponent(id)}`),
  cleanupStuck: (timeoutMinutes: number) =>
    api.post<{ cleaned: number; ids: string[] }>(`${base}/cleanup-stuck-syncs`, undefined, { query: { timeout_minutes: timeoutMinutes } }),
};
