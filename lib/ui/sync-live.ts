// Live progress of product syncs per account, folded from Socket.IO events (sync:*) and seeded
// from the REST status when the page opens mid-sync. Pure functions: the hook only dispatches.
import type { AccountKind, SyncProgressPayload } from "@/lib/realtime/events";
import type { SyncLog, SyncStatus } from "@/lib/ui/queries/emag-sync";

export interface LiveProgress {
  syncId: string;
  account: AccountKind;
  percent: number;
  processed: number;
  total: number;
  page: number;
  totalPages: number;
  itemsPerSecond: number | null;
  etaSeconds: number | null;
  operation: string | null;
  state: SyncStatus;
  error: string | null;
}

export type LiveState = Partial<Record<AccountKind, LiveProgress>>;

export type LiveAction =
  | { type: "started"; syncId: string; accounts: AccountKind[] }
  | { type: "progress"; payload: SyncProgressPayload }
  | { type: "milestone"; syncId: string; account: AccountKind; percent: number }
  | { type: "finished"; syncId: string; status: SyncStatus; error?: string };

const clampPercent = (p: number) => (Number.isFinite(p) ? Math.max(0, Math.min(100, p)) : 0);

const blank = (syncId: string, account: AccountKind): LiveProgress => ({
  syncId,
  account,
  percent: 0,
  processed: 0,
  total: 0,
  page: 0,
  totalPages: 0,
  itemsPerSecond: null,
  etaSeconds: null,
  operation: null,
  state: "running",
  error: null,
});

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case "started": {
      const next = { ...state };
      for (const account of action.accounts) next[account] = blank(action.syncId, account);
      return next;
    }
    case "progress": {
      const p = action.payload;
      const prev = state[p.account]?.syncId === p.syncId ? state[p.account] : undefined;
      return {
        ...state,
        [p.account]: {
          ...(prev ?? blank(p.syncId, p.account)),
          percent: clampPercent(p.percent),
          processed: p.processed,
          total: p.total,
          page: p.page,
          totalPages: p.totalPages,
          itemsPerSecond: Number.isFinite(p.itemsPerSecond) ? p.itemsPerSecond : null,
          etaSeconds: p.etaSeconds,
          operation: p.operation ?? null,
          // A late progress event must not revive a sync already reported finished.
          state: prev?.state ?? "running",
        },
      };
    }
    case "milestone": {
      const prev = state[action.account];
      if (!prev || prev.syncId !== action.syncId || prev.percent >= action.percent) return state;
      return { ...state, [action.account]: { ...prev, percent: clampPercent(action.percent) } };
    }
    case "finished": {
      let changed = false;
      const next = { ...state };
      for (const [account, prev] of Object.entries(state) as [AccountKind, LiveProgress][]) {
        if (prev.syncId !== action.syncId) continue;
        changed = true;
        // A completed sync read everything it set out to: show it as done even if the last
        // progress event was throttled away.
        const done = action.status === "completed";
        next[account] = {
          ...prev,
          state: action.status,
          error: action.error ?? null,
          percent: done ? 100 : prev.percent,
          processed: done ? Math.max(prev.processed, prev.total) : prev.processed,
          etaSeconds: done ? 0 : null,
        };
      }
      return changed ? next : state;
    }
  }
}

/** The running sync as the REST status reports it, per account. */
export function progressFromLog(log: SyncLog, account: AccountKind): LiveProgress {
  const p = log.progress?.[account];
  return {
    ...blank(log.id, account),
    state: log.status,
    percent: clampPercent(p?.percent ?? 0),
    processed: p?.processed ?? 0,
    total: p?.total ?? 0,
    page: p?.page ?? 0,
    totalPages: p?.total_pages ?? 0,
  };
}

/** Live events win; the REST snapshot fills in when this tab missed them (opened mid-sync). */
export function pickProgress(live: LiveProgress | undefined, current: SyncLog | null | undefined, account: AccountKind): LiveProgress | undefined {
  const restRunning = current && current.status === "running" && current.accounts.includes(account) ? current : null;
  if (!restRunning) return live;
  if (!live || (live.syncId !== restRunning.id && live.state !== "running")) return progressFromLog(restRunning, account);
  return live;
}
