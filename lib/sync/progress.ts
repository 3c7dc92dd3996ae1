// Live progress on the Socket.IO "sync" channel: one sync:progress per written page, plus at most
// one per second per sync from the ticker while pages are in flight; sync:milestone when an
// account crosses 25/50/75/100 %. Payloads are built from the progress the database returned,
// so they stay right when several processes work on one sync.
import { emit } from "@/lib/realtime/emit";
import type { SyncProgressPayload } from "@/lib/realtime/events";
import type { AccountKind } from "@/lib/sync/options";
import type { AccountProgress } from "@/lib/sync/page-store";
import { percentOf } from "@/lib/sync/log-store";

const MILESTONES = [25, 50, 75, 100] as const;
const TICK_MS = 1000;

const lastEmitAt = new Map<string, number>();
const latest = new Map<string, { account: AccountKind; progress: AccountProgress; operation: string }>();

export function progressPayload(syncId: string, account: AccountKind, p: AccountProgress, operation: string, now = Date.now()): SyncProgressPayload {
  const elapsed = Math.max(0.001, (now - Date.parse(p.started_at)) / 1000);
  const itemsPerSecond = Math.round((p.processed / elapsed) * 10) / 10;
  const remaining = p.total === null ? null : Math.max(0, p.total - p.processed);
  return {
    syncId,
    account,
    page: p.page,
    totalPages: p.total_pages ?? 0,
    processed: p.processed,
    total: p.total ?? 0,
    percent: percentOf(p),
    itemsPerSecond,
    etaSeconds: remaining === null || itemsPerSecond === 0 ? null : Math.round(remaining / itemsPerSecond),
    operation,
  };
}

/** Milestones crossed between processedBefore and the new progress (each is crossed once: the DB serialises pages). */
export function emitMilestones(syncId: string, account: AccountKind, processedBefore: number, p: AccountProgress) {
  if (p.total === null) return;
  const before = processedBefore <= 0 ? -1 : percentOf({ processed: processedBefore, total: p.total });
  const after = percentOf(p);
  for (const m of MILESTONES) if (before < m && after >= m) emit("sync:milestone", { syncId, account, percent: m });
}

/** After a page (or a count): always emitted. */
export function emitProgress(syncId: string, account: AccountKind, p: AccountProgress, operation: string, itemsJustAdded = 0) {
  latest.set(`${syncId}:${account}`, { account, progress: p, operation });
  lastEmitAt.set(syncId, Date.now());
  emit("sync:progress", progressPayload(syncId, account, p, operation));
  emitMilestones(syncId, account, p.processed - itemsJustAdded, p);
}

/** Ticker: refreshes rate and ETA while waiting for pages, never more than once a second per sync. */
export function tickProgress(syncId: string, account: AccountKind) {
  const now = Date.now();
  const last = latest.get(`${syncId}:${account}`);
  if (!last || now - (lastEmitAt.get(syncId) ?? 0) < TICK_MS) return;
  lastEmitAt.set(syncId, now);
  emit("sync:progress", progressPayload(syncId, account, last.progress, last.operation, now));
}

export function forgetProgress(syncId: string) {
  lastEmitAt.delete(syncId);
  for (const key of latest.keys()) if (key.startsWith(`${syncId}:`)) latest.delete(key);
}
