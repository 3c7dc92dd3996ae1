// The side effects of a product sync, one function per step of the job body (lib/sync/job.ts).
// Each reads what it needs from the sync log, so any step can run in any process, again.
import { bulkQuery, syncQuery } from "@/lib/sync/bulk-db";
import { isEmagApiError } from "@/lib/emag/errors";
import { appendSyncError, optionsOf, patchAccountState, readSyncLog, SYNC_TYPE, type Checkpoint } from "@/lib/sync/log-store";
import { syncErrors, syncProducts } from "@/lib/sync/metrics";
import { CHUNK_PAGES, lastPage, readFilter, type AccountKind } from "@/lib/sync/options";
import { abortPagesPastEnd, holdSpeculativePages } from "@/lib/sync/pages";
import { emitProgress } from "@/lib/sync/progress";
import { accounted, guarded, interruptOf, syncClient, type StopReason } from "@/lib/sync/runtime";

export interface SyncPlan {
  stopped?: StopReason;
  accounts: { account: AccountKind; specPages: number }[];
}

// One statement: the log must be running; per account (in the log's order) the stored catalogue
// size gives the pages to request before the count answers, recorded as spec_pages.
// $1 sync id, $2 type, $3 CHUNK_PAGES
const PLAN_SQL = `
WITH l AS (
  SELECT id, accounts, options FROM sync_logs WHERE id = $1::uuid AND type = $2::text AND status = 'running' FOR UPDATE
),
a AS (
  SELECT u.acc, u.n, least($3::int, coalesce((l.options->>'max_pages')::int, $3::int),
      CASE WHEN k.known > 0 THEN ceil(k.known::numeric / (l.options->>'items_per_page')::int)::int ELSE $3::int END) AS spec
  FROM l
  CROSS JOIN LATERAL unnest(l.accounts) WITH ORDINALITY AS u(acc, n)
  CROSS JOIN LATERAL (
    SELECT count(*) AS known FROM emag_products p
    WHERE p.account = u.acc::"AccountKind" AND p.removed_at IS NULL
      AND (coalesce((l.options->>'include_inactive')::boolean, true) OR p.status = 1)
  ) k
),
patched AS (
  UPDATE sync_logs s SET heartbeat_at = now(), checkpoint = s.checkpoint || (
    SELECT jsonb_object_agg(a.acc, coalesce(s.checkpoint -> a.acc, '{}'::jsonb) || jsonb_build_object('spec_pages', a.spec)) FROM a)
  FROM l WHERE s.id = l.id
  RETURNING 1
)
SELECT a.acc AS account, a.spec AS "specPages" FROM a ORDER BY a.n`;

/**
 * Decides how many pages each account requests before eMAG's count answers (the count costs one
 * full latency, 3-4 s live): the size of the stored catalogue, at most one chunk, one on an empty one.
 */
export async function planSync(syncId: string): Promise<SyncPlan> {
  const accounts = await syncQuery<SyncPlan["accounts"][number]>(PLAN_SQL, [syncId, SYNC_TYPE, CHUNK_PAGES]);
  return accounts.length ? { accounts } : { stopped: "stopped", accounts: [] };
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
  const log = await readSyncLog(syncId);
  if (!log || log.status !== "running") return { removed: 0, skipped: "not running" };
  const options = optionsOf(log);
  if (options.mode !== "full") return { removed: 0, skipped: "incremental" };
  const cp = (log.checkpoint as Checkpoint)[account];
  if (!accountComplete(cp)) return { removed: 0, skipped: "incomplete" };
  const readAll = options.include_inactive && (!options.max_pages || cp!.total_pages! * options.items_per_page >= cp!.total_items!);
  if (!readAll) return { removed: 0, skipped: "partial catalogue" };
  // Offers can shift between pages while eMAG's catalogue changes; then some were never seen.
  const [{ seen } = { seen: 0 }] = await syncQuery<{ seen: number }>(
    `SELECT ((SELECT count(*) FROM sync_seen_offers WHERE sync_id = $1::uuid AND account = $2::text::"AccountKind")
      + (SELECT count(*) FROM emag_products WHERE account = $2::text::"AccountKind" AND last_sync_id = $1::uuid))::int AS seen`,
    [syncId, account],
  );
  if (seen < (cp!.total_items ?? 0)) return { removed: 0, skipped: `saw ${seen} of ${cp!.total_items} offers` };
  // The table fills during the sync, faster than autovacuum analyses it; with stale statistics the
  // anti-join below can be planned as a nested loop over a table "known" to be empty.
  await bulkQuery(null, "ANALYZE sync_seen_offers", []);
  // Unnamed, so it is planned now, against the statistics just gathered.
  const [row] = await bulkQuery<{ removed: number }>(null, REMOVE_SQL, [syncId, account]);
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
