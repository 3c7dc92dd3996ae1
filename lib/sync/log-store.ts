// sync_logs rows for product syncs: creation under a lock (one running sync per account),
// the SyncLog JSON, and the state changes that end a sync (finish, cancel, stuck cleanup).
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { refuseWhileDraining } from "@/lib/jobs/drain";
import { bulkTransaction, syncQuery } from "@/lib/sync/bulk-db";
import type { SyncLog } from "@/lib/generated/prisma/client";
import { accountsFor, syncOptionsSchema, type AccountKind, type SyncActor, type SyncOptions } from "@/lib/sync/options";
import type { AccountProgress } from "@/lib/sync/page-store";

export const SYNC_TYPE = "products";
/** A running sync whose worker has not written a heartbeat for this long is dead. */
export const STALE_HEARTBEAT_MS = 90_000;
const CREATE_LOCK = 7_240_117; // pg advisory lock serialising "check busy accounts + insert"

/** Per-account resume state: which pages are done or failed, eMAG's totals, account-level errors. */
export interface AccountCheckpoint {
  spec_pages: number;
  total_pages: number | null;
  total_items: number | null;
  done: number[];
  failed: number[];
  count_error?: string;
  /** A step that failed for good (not an eMAG answer). */
  error?: string;
  interrupted?: "timeout" | "cancelled";
  removed?: number;
}
export type Checkpoint = Partial<Record<AccountKind, AccountCheckpoint>>;
export type Progress = Partial<Record<AccountKind, AccountProgress>>;

export const percentOf = (p: Pick<AccountProgress, "processed" | "total">) =>
  p.total === null ? 0 : p.total === 0 ? 100 : Math.min(100, Math.round((p.processed / p.total) * 1000) / 10);

export function serializeSyncLog(log: SyncLog) {
  const progress = log.progress as Progress | null;
  return {
    id: log.id,
    type: log.type,
    accounts: log.accounts,
    mode: log.mode,
    options: log.options,
    status: log.status,
    counters: {
      created: log.createdCount,
      updated: log.updatedCount,
      unchanged: log.unchangedCount,
      removed: log.removedCount,
      failed: log.failedCount,
    },
    conflicts: log.conflictCount,
    pages: log.pages,
    api_requests: log.apiRequests,
    rate_limit_waits: log.rateLimitWaits,
    // Errors about the whole sync (timeout, cancel, cleanup) carry account "all".
    errors: (log.errors as { account: AccountKind | null; message: string; page?: number }[]).map((e) => ({ ...e, account: e.account ?? "all" })),
    // Totals are 0 until eMAG's count has answered.
    progress: progress
      ? Object.fromEntries(
          Object.entries(progress).map(([account, p]) => [
            account,
            { page: p.page, total_pages: p.total_pages ?? 0, processed: p.processed, total: p.total ?? 0, percent: percentOf(p) },
          ]),
        )
      : null,
    triggered_by: log.triggeredBy,
    triggered_by_user_id: log.triggeredByUserId,
    started_at: log.startedAt.toISOString(),
    completed_at: log.completedAt?.toISOString() ?? null,
    duration_ms: log.durationMs,
    heartbeat_at: log.heartbeatAt?.toISOString() ?? null,
  };
}
export type SyncLogJson = ReturnType<typeof serializeSyncLog>;

export const optionsOf = (log: Pick<SyncLog, "options">): SyncOptions => syncOptionsSchema.parse(log.options);

// A product sync's log row exactly as Prisma returns a SyncLog, read on the sync's node-postgres
// pool: every step reads it first, and through Prisma one read costs several ms of client CPU.
// The timestamp(3) columns hold UTC (Prisma's convention), hence AT TIME ZONE 'UTC'.
const SYNC_LOG_SQL = `SELECT id::text AS id, type, accounts, mode, options, status::text AS status,
  created_count AS "createdCount", updated_count AS "updatedCount", unchanged_count AS "unchangedCount",
  removed_count AS "removedCount", failed_count AS "failedCount", pages, api_requests AS "apiRequests",
  rate_limit_waits AS "rateLimitWaits", errors, checkpoint, triggered_by AS "triggeredBy",
  triggered_by_user_id::text AS "triggeredByUserId", started_at AT TIME ZONE 'UTC' AS "startedAt",
  completed_at AT TIME ZONE 'UTC' AS "completedAt", duration_ms AS "durationMs", progress,
  conflict_count AS "conflictCount", heartbeat_at AS "heartbeatAt", cancel_requested_at AS "cancelRequestedAt"
FROM sync_logs WHERE id = $1::uuid AND type = $2::text`;

/** The product sync's log, or null (unknown id, or not a product sync). */
export async function readSyncLog(id: string): Promise<SyncLog | null> {
  const [row] = await syncQuery<SyncLog>(SYNC_LOG_SQL, [id, SYNC_TYPE]);
  return row ?? null;
}

// Steps that start together (the count and the first chunk, the chunk lanes) each read the log
// first: one read in flight per sync is shared, instead of a statement (and often a second pooled
// connection) each. A step is as good with a read started a moment before it as with its own (its
// writes re-check the status under the row lock); code that must see its own earlier write (the
// end of a sync) uses readSyncLog / getSyncLog.
const reading = new Map<string, Promise<SyncLog | null>>();
export function readSyncLogForStep(id: string): Promise<SyncLog | null> {
  let p = reading.get(id);
  if (!p) {
    p = readSyncLog(id).finally(() => reading.delete(id));
    reading.set(id, p);
  }
  return p;
}

export async function getSyncLog(id: string) {
  const log = await readSyncLog(id);
  if (!log) throw new AppError("not_found", "Sync not found");
  return log;
}

// Ends a running log; the WHERE keeps a cancelled or cleaned-up log as it is.
const END_SET = `completed_at = timezone('UTC', now()),
  duration_ms = (extract(epoch FROM timezone('UTC', now()) - started_at) * 1000)::int,
  heartbeat_at = now()`;

/**
 * Creates the log of a new sync. The advisory lock makes "is any of these accounts busy?" and
 * the insert one atomic step, so two concurrent requests cannot both start. A busy log whose
 * worker stopped heartbeating is failed on the spot instead of blocking the account.
 */
export async function createSyncLog(options: SyncOptions, actor: SyncActor): Promise<SyncLog> {
  refuseWhileDraining("the product sync"); // 503 while this instance shuts down
  const accounts = accountsFor(options.account_type);
  const now = new Date();
  const checkpoint: Checkpoint = {};
  const progress: Progress = {};
  for (const a of accounts) {
    checkpoint[a] = { spec_pages: 0, total_pages: null, total_items: null, done: [], failed: [] };
    progress[a] = { page: 0, total_pages: null, processed: 0, total: null, percent: 0, started_at: now.toISOString() };
  }
  // The lock, the check and the insert run as raw statements in one transaction on the sync's
  // node-postgres pool (a handful of sub-millisecond round trips; through Prisma each costs
  // milliseconds of client CPU, and this sits before the first eMAG request of every sync).
  const id = randomUUID();
  await bulkTransaction(async (query) => {
    await query(`SELECT pg_advisory_xact_lock($1::bigint)`, [CREATE_LOCK]);
    await query(
      `UPDATE sync_logs SET status = 'failed', ${END_SET},
         errors = errors || jsonb_build_array(jsonb_build_object('account', NULL, 'message', 'Worker stopped responding (no heartbeat); marked failed when a new sync was requested'))
       WHERE type = $1 AND status = 'running' AND accounts && $2::text[] AND heartbeat_at < now() - make_interval(secs => $3::int)`,
      [SYNC_TYPE, accounts, STALE_HEARTBEAT_MS / 1000],
    );
    const [busy] = await query<{ id: string; accounts: string[] }>(
      `SELECT id::text, accounts FROM sync_logs WHERE type = $1 AND status = 'running' AND accounts && $2::text[] ORDER BY started_at LIMIT 1`,
      [SYNC_TYPE, accounts],
    );
    if (busy) {
      const account = accounts.find((a) => busy.accounts.includes(a)) ?? accounts[0];
      throw new AppError("conflict", `A product sync is already running for ${String(account).toUpperCase()}`, {
        details: { running_sync_id: busy.id, account },
      });
    }
    // started_at is a timestamp without time zone holding UTC (as Prisma writes it).
    await query(
      `INSERT INTO sync_logs (id, type, accounts, mode, options, status, triggered_by, triggered_by_user_id, started_at, heartbeat_at, checkpoint, progress)
       VALUES ($1::uuid, $2, $3::text[], $4, $5::jsonb, 'running', $6, $7::uuid, $8::timestamptz AT TIME ZONE 'UTC', $8::timestamptz, $9::jsonb, $10::jsonb)`,
      [id, SYNC_TYPE, accounts, options.mode, JSON.stringify(options), actor.triggeredBy, actor.userId ?? null, now.toISOString(), JSON.stringify(checkpoint), JSON.stringify(progress)],
    );
  });
  return getSyncLog(id);
}

/** Atomically merges into one account's checkpoint (and optionally its progress) while running. */
export async function patchAccountState(
  syncId: string,
  account: AccountKind,
  checkpoint: Partial<AccountCheckpoint>,
  progress: Partial<AccountProgress> = {},
) {
  const rows = await syncQuery<{ progress: AccountProgress }>(
    `UPDATE sync_logs SET heartbeat_at = now(),
       checkpoint = jsonb_set(checkpoint, ARRAY[$2::text], (checkpoint -> $2::text) || $3::jsonb),
       progress = jsonb_set(progress, ARRAY[$2::text], (progress -> $2::text) || $4::jsonb)
     WHERE id = $1::uuid AND status = 'running'
     RETURNING progress -> $2::text AS progress`,
    [syncId, account, JSON.stringify(checkpoint), JSON.stringify(progress)],
  );
  return rows[0]?.progress ?? null;
}

export async function appendSyncError(syncId: string, account: AccountKind | null, message: string, extra: { failed?: number } = {}) {
  await syncQuery(
    `UPDATE sync_logs SET failed_count = failed_count + $4::int, heartbeat_at = now(),
       errors = CASE WHEN jsonb_array_length(errors) < 200
         THEN errors || jsonb_build_array(jsonb_build_object('account', $2::text, 'message', $3::text)) ELSE errors END
     WHERE id = $1::uuid AND status = 'running'`,
    [syncId, account, message.slice(0, 500), extra.failed ?? 0],
  );
}

export async function addRequestCounts(syncId: string, requests: number, waits: number) {
  if (requests === 0 && waits === 0) return;
  await syncQuery(
    `UPDATE sync_logs SET api_requests = api_requests + $2::int, rate_limit_waits = rate_limit_waits + $3::int WHERE id = $1::uuid`,
    [syncId, requests, waits],
  );
}

/** Heartbeat; false when the log is no longer running (cancelled, failed by cleanup, finished). */
export async function beat(syncId: string): Promise<boolean> {
  const rows = await syncQuery(`UPDATE sync_logs SET heartbeat_at = now() WHERE id = $1::uuid AND status = 'running' RETURNING 1`, [syncId]);
  return rows.length > 0;
}

/** The seen-offers bookkeeping of ended syncs is dropped (the running ones still need theirs). */
export async function forgetSeenOffers() {
  await syncQuery(
    `DELETE FROM sync_seen_offers s WHERE NOT EXISTS (SELECT 1 FROM sync_logs l WHERE l.id = s.sync_id AND l.status = 'running')`,
  );
}

/** Sets the final status of a running log; null when it had already ended (e.g. cancelled). */
export async function endSyncLog(syncId: string, status: "completed" | "partial" | "failed" | "cancelled", error?: string) {
  const rows = await syncQuery<{ id: string }>(
    `UPDATE sync_logs SET status = $2::text::"SyncStatus", ${END_SET},
       cancel_requested_at = CASE WHEN $2::text = 'cancelled' THEN now() ELSE cancel_requested_at END,
       errors = CASE WHEN $3::text IS NULL THEN errors ELSE errors || jsonb_build_array(jsonb_build_object('account', NULL, 'message', $3::text)) END
     WHERE id = $1::uuid AND status = 'running' RETURNING id::text`,
    [syncId, status, error ?? null],
  );
  return rows.length ? getSyncLog(syncId) : null;
}

/**
 * Fails running logs whose heartbeat is older than staleAfterMs; returns their ids. "Silent" is
 * measured on the database's clock (heartbeat_at = now() at each beat), never an instance's: a
 * live worker beats every HEARTBEAT_MS (lib/sync/runtime.ts), also between its steps.
 */
export async function failStaleLogs(staleAfterMs: number, message: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE sync_logs SET status = 'failed', ${END_SET},
       errors = errors || jsonb_build_array(jsonb_build_object('account', NULL, 'message', $3::text))
     WHERE type = $1 AND status = 'running'
       AND coalesce(heartbeat_at, started_at AT TIME ZONE 'UTC') < now() - make_interval(secs => $2::double precision)
     RETURNING id::text`,
    SYNC_TYPE, staleAfterMs / 1000, message,
  );
  return rows.map((r) => r.id);
}
