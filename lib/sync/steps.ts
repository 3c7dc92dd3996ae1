// The side effects of a product sync, one function per step of the job body (lib/sync/job.ts).
// Each reads what it needs from the sync log, so any step can run in any process, again.
import { db } from "@/lib/db";
import { isEmagApiError } from "@/lib/emag/errors";
import { appendSyncError, optionsOf, patchAccountState, SYNC_TYPE, type Checkpoint } from "@/lib/sync/log-store";
import { syncErrors, syncProducts } from "@/lib/sync/metrics";
import { CHUNK_PAGES, lastPage, readFilter, type AccountKind } from "@/lib/sync/options";
import { abortPagesPastEnd, holdSpeculativePages } from "@/lib/sync/pages";
import { emitProgress } from "@/lib/sync/progress";
import { accounted, guarded, interruptOf, syncClient, type StopReason } from "@/lib/sync/runtime";

export interface SyncPlan {
  stopped?: StopReason;
  accounts: { account: AccountKind; specPages: number }[];
}

/**
 * Decides how many pages each account requests before eMAG's count answers (the count costs one
 * full latency, 3-4 s live): the size of the stored catalogue, at most one chunk, one on an empty one.
 */
export async function planSync(syncId: string): Promise<SyncPlan> {
  const log = await db.syncLog.findFirst({ where: { id: syncId, type: SYNC_TYPE } });
  if (!log || log.status !== "running") return { stopped: "stopped", accounts: [] };
  const options = optionsOf(log);
  const accounts: SyncPlan["accounts"] = [];
  for (const account of log.accounts as AccountKind[]) {
    const known = await db.emagProduct.count({ where: { account, removedAt: null, ...(options.include_inactive ? {} : { status: 1 }) } });
    const pages = known > 0 ? Math.ceil(known / options.items_per_page) : CHUNK_PAGES;
    const specPages = Math.min(CHUNK_PAGES, pages, options.max_pages ?? Infinity);
    await patchAccountState(syncId, account, { spec_pages: specPages });
    accounts.push({ account, specPages });
  }
  return { accounts };
}

export type CountOutcome = { ok: true; lastPage: number; totalItems: number } | { ok: false; stopped?: StopReason };

export async function countAccount(syncId: string, account: AccountKind): Promise<CountOutcome> {
  const release = holdSpeculativePages(syncId, account); // before any await: the first chunk starts with us
  try {
    const res = await guarded(syncId, account, ({ options, signal }) =>
      accounted(syncId, account, async (): Promise<CountOutcome> => {
        try {
          const request = syncClient(account).productOffer.count({ ...readFilter(options), itemsPerPage: options.items_per_page }, { signal });
          release(); // the count now holds the first slot in the account's queue
          const c = await request;
          const last = lastPage(options, Math.ceil(c.noOfItems / options.items_per_page));
          abortPagesPastEnd(syncId, account, last);
          const total = Math.min(c.noOfItems, last * options.items_per_page);
          const p = await patchAccountState(syncId, account, { total_pages: last, total_items: c.noOfItems }, { total_pages: last, total });
          if (p) emitProgress(syncId, account, p, "fetching pages", p.processed);
          return { ok: true, lastPage: last, totalItems: c.noOfItems };
        } catch (err) {
          const stop = interruptOf(err, signal);
          if (stop) return { ok: false, stopped: stop };
          if (!isEmagApiError(err)) throw err;
          syncErrors().inc({ account, type: err.code });
          await patchAccountState(syncId, account, { count_error: err.message });
          await appendSyncError(syncId, account, `product_offer/count: ${err.message}`);
          return { ok: false };
        }
      }),
    );
    return res.stopped ? { ok: false, stopped: res.stopped } : res.value;
  } finally {
    release();
  }
}

const REMOVE_SQL = `
WITH live AS (SELECT id FROM sync_logs WHERE id = $1::uuid AND status = 'running' FOR UPDATE),
gone AS (
  UPDATE emag_products p SET removed_at = now()
  FROM live
  WHERE p.account = $2::text::"AccountKind" AND p.removed_at IS NULL AND p.last_sync_id IS DISTINCT FROM $1::uuid
    AND NOT EXISTS (SELECT 1 FROM sync_seen_offers s
      WHERE s.sync_id = $1::uuid AND s.account = p.account AND s.emag_offer_id = p.emag_offer_id)
  RETURNING 1
),
n AS (SELECT count(*)::int AS removed FROM gone)
UPDATE sync_logs l SET removed_count = l.removed_count + n.removed,
  checkpoint = jsonb_set(l.checkpoint, ARRAY[$2::text, 'removed'], to_jsonb(n.removed))
FROM n WHERE l.id = $1::uuid
RETURNING n.removed`;

/** Pages 1..total_pages all done, none failed, nothing interrupted. */
export function accountComplete(cp: Checkpoint[AccountKind]): boolean {
  if (!cp || cp.count_error || cp.error || cp.interrupted || cp.total_pages === null || cp.failed.length) return false;
  const done = new Set(cp.done);
  for (let p = 1; p <= cp.total_pages; p++) if (!done.has(p)) return false;
  return true;
}

/**
 * Full mode: once every page of the account was written, offers this sync did not see are gone
 * from eMAG and are marked removed. Skipped when anything is missing (a failed page, max_pages,
 * active-only reads), because then "not seen" does not mean "removed".
 */
export async function finalizeAccount(syncId: string, account: AccountKind): Promise<{ removed: number; skipped?: string }> {
  const log = await db.syncLog.findFirst({ where: { id: syncId, type: SYNC_TYPE } });
  if (!log || log.status !== "running") return { removed: 0, skipped: "not running" };
  const options = optionsOf(log);
  if (options.mode !== "full") return { removed: 0, skipped: "incremental" };
  const cp = (log.checkpoint as Checkpoint)[account];
  if (!accountComplete(cp)) return { removed: 0, skipped: "incomplete" };
  const readAll = options.include_inactive && (!options.max_pages || cp!.total_pages! * options.items_per_page >= cp!.total_items!);
  if (!readAll) return { removed: 0, skipped: "partial catalogue" };
  // Offers can shift between pages while eMAG's catalogue changes; then some were never seen.
  const seen = (await db.syncSeenOffer.count({ where: { syncId, account } })) + (await db.emagProduct.count({ where: { account, lastSyncId: syncId } }));
  if (seen < (cp!.total_items ?? 0)) return { removed: 0, skipped: `saw ${seen} of ${cp!.total_items} offers` };
  // The table fills during the sync, faster than autovacuum analyses it; with stale statistics the
  // anti-join below can be planned as a nested loop over a table "known" to be empty.
  await db.$executeRawUnsafe("ANALYZE sync_seen_offers");
  const [row] = await db.$queryRawUnsafe<{ removed: number }[]>(REMOVE_SQL, syncId, account);
  const removed = row?.removed ?? 0;
  if (removed) syncProducts().inc({ account, action: "removed" }, removed);
  return { removed };
}

/** An account whose step failed for good (e.g. the database was unreachable through every retry). */
export async function recordAccountFailure(syncId: string, account: AccountKind, message: string) {
  syncErrors().inc({ account, type: "internal" });
  await patchAccountState(syncId, account, { error: message.slice(0, 500) });
  await appendSyncError(syncId, account, message);
  return { recorded: true };
}
