// sync_logs rows of order syncs (type "orders"): one running sync per account, counters, end state.
// The sync's returns step (lib/returns/sync.ts) reports here too: its tallies and end live in
// progress.returns, its failures in errors with scope "returns" (the account's orders still count).
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { refuseWhileDraining } from "@/lib/jobs/drain";
import type { Prisma, SyncLog } from "@/lib/generated/prisma/client";
import type { AccountKind } from "@/lib/realtime/events";
import type { OrdersSyncOptions } from "@/lib/orders/schemas";

export const ORDERS_SYNC_TYPE = "orders";
/**
 * A running order sync whose heartbeat is older than this lost its worker; a new start fails it.
 * Generous, for syncs Inngest runs (no heartbeat while a step waits for its retry). In-process
 * workers beat every HEARTBEAT_MS, so a booting instance fails theirs after HEARTBEAT_MS * 3.
 */
export const ORDERS_SYNC_STALE_MS = 10 * 60_000;
const CREATE_LOCK = 7_240_118;

export const accountsOf = (t: "main" | "fbe" | "both"): AccountKind[] => (t === "both" ? ["main", "fbe"] : [t]);

export interface OrdersActor {
  triggeredBy: "user" | "schedule" | "api" | "callback";
  userId?: string | null;
}

const END_SET = `completed_at = timezone('UTC', now()),
  duration_ms = (extract(epoch FROM timezone('UTC', now()) - started_at) * 1000)::int, heartbeat_at = now()`;

/**
 * Fails running order syncs whose heartbeat is older than staleAfterMs (their worker is gone);
 * returns their ids. Judged by heartbeat on the database's clock, never by start time: a long
 * backfill on another instance that still beats is live.
 */
export async function failStaleOrderSyncs(staleAfterMs = ORDERS_SYNC_STALE_MS, client: Pick<typeof db, "$queryRawUnsafe"> = db) {
  const rows = await client.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE sync_logs SET status = 'failed', ${END_SET},
       errors = errors || jsonb_build_array(jsonb_build_object('account', NULL, 'message', 'Interrupted: the worker stopped before finishing'))
     WHERE type = $1 AND status = 'running'
       AND coalesce(heartbeat_at, started_at AT TIME ZONE 'UTC') < now() - make_interval(secs => $2::double precision)
     RETURNING id::text`,
    ORDERS_SYNC_TYPE, staleAfterMs / 1000,
  );
  return rows.map((r) => r.id);
}

/** One heartbeat of a running order sync; false when it is no longer running. */
export async function beatOrderSync(syncId: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ ok: number }[]>(
    `UPDATE sync_logs SET heartbeat_at = now() WHERE id = $1::uuid AND type = $2 AND status = 'running' RETURNING 1 AS ok`,
    syncId, ORDERS_SYNC_TYPE,
  );
  return rows.length > 0;
}

/** Creates a running log; 409 naming the running sync when an account already has one. */
export async function createOrdersSyncLog(options: OrdersSyncOptions, actor: OrdersActor): Promise<SyncLog> {
  refuseWhileDraining("the order sync"); // 503 while this instance shuts down
  const accounts = accountsOf(options.account_type);
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock($1::bigint)) l`, CREATE_LOCK);
    await failStaleOrderSyncs(ORDERS_SYNC_STALE_MS, tx);
    const busy = await tx.syncLog.findFirst({
      where: { type: ORDERS_SYNC_TYPE, status: "running", accounts: { hasSome: accounts } },
      select: { id: true, accounts: true },
    });
    if (busy) {
      const account = accounts.find((a) => busy.accounts.includes(a)) ?? accounts[0]!;
      throw new AppError("conflict", `An order sync is already running for ${account.toUpperCase()}`, { details: { running_sync_id: busy.id, account } });
    }
    return tx.syncLog.create({
      data: {
        type: ORDERS_SYNC_TYPE,
        accounts,
        mode: options.order_ids ? "targeted" : options.mode,
        options: options as unknown as Prisma.InputJsonObject,
        triggeredBy: actor.triggeredBy,
        triggeredByUserId: actor.userId ?? null,
        heartbeatAt: new Date(),
      },
    });
  });
}

export interface AccountOutcome {
  account: AccountKind;
  created: number;
  updated: number;
  unchanged: number;
  pages: number;
  requests: number;
  error?: string;
}

/** What the returns step of one account did (same counters as its orders). */
export type ReturnsOutcome = AccountOutcome;

export type PageCounts = { created: number; updated: number; unchanged: number; pages: number; requests: number };
type Tallies = Partial<Record<AccountKind, PageCounts>>;
/** progress.returns[account]: page tallies while the step runs; at the end, its outcome and `completed`. */
export type ReturnsTally = PageCounts & { completed?: boolean; error?: string };
type ReturnsTallies = Partial<Record<AccountKind, ReturnsTally>>;

/**
 * Adds one page's counts to the log as the page is written: the totals (created and updated are
 * exact even when a step is retried: a row is inserted or rewritten once) and a per-account tally
 * in `progress`, from which the end works out "unchanged" without counting re-read pages twice.
 */
export async function addOrderSyncCounts(syncId: string, account: AccountKind, c: PageCounts) {
  await db.$executeRawUnsafe(
    `UPDATE sync_logs SET created_count = created_count + $3, updated_count = updated_count + $4,
       pages = pages + $5, api_requests = api_requests + $6, heartbeat_at = now(),
       progress = jsonb_set(COALESCE(progress, '{}'::jsonb), ARRAY[$2::text], (
         SELECT jsonb_object_agg(k, COALESCE((progress -> $2::text ->> k)::int, 0) + (($7::jsonb) ->> k)::int)
         FROM jsonb_object_keys($7::jsonb) k))
     WHERE id = $1::uuid`,
    syncId, account, c.created, c.updated, c.pages, c.requests, JSON.stringify(c),
  );
}

/** Adds one returns page to progress.returns[account]; its eMAG requests count in api_requests. */
export async function addReturnsSyncCounts(syncId: string, account: AccountKind, c: PageCounts) {
  await db.$executeRawUnsafe(
    `UPDATE sync_logs SET api_requests = api_requests + $3, heartbeat_at = now(),
       progress = jsonb_set(COALESCE(progress, '{}'::jsonb), '{returns}', COALESCE(progress -> 'returns', '{}'::jsonb) ||
         jsonb_build_object($2::text, (
           SELECT jsonb_object_agg(k, COALESCE((progress -> 'returns' -> $2::text ->> k)::int, 0) + (($4::jsonb) ->> k)::int)
           FROM jsonb_object_keys($4::jsonb) k)))
     WHERE id = $1::uuid`,
    syncId, account, c.requests, JSON.stringify(c),
  );
}

/**
 * Orders an account's sync read that needed no write. The attempt that finished read every order
 * once, but it also sees as unchanged what an earlier, failed attempt of its step already wrote;
 * those were counted as created or updated then. A failed account has only its pages' tallies.
 */
export function unchangedOf(outcome: AccountOutcome, tally: PageCounts | undefined): number {
  if (outcome.error) return tally?.unchanged ?? 0;
  const seen = outcome.created + outcome.updated + outcome.unchanged;
  return Math.max(0, seen - (tally?.created ?? outcome.created) - (tally?.updated ?? outcome.updated));
}

/**
 * Ends a log with the accounts' outcomes: completed, partial (one account's orders or returns
 * failed) or failed (every account's orders failed). failed_count counts failed order steps.
 */
export async function endOrdersSyncLog(syncId: string, outcomes: AccountOutcome[], returns: ReturnsOutcome[] = []) {
  const failed = outcomes.filter((o) => o.error);
  const failedReturns = returns.filter((r) => r.error);
  const status =
    failed.length === outcomes.length && outcomes.length > 0 ? "failed" : failed.length || failedReturns.length ? "partial" : "completed";
  const progress = ((await db.syncLog.findUniqueOrThrow({ where: { id: syncId }, select: { progress: true } })).progress ?? {}) as Tallies & {
    returns?: ReturnsTallies;
  };
  const unchanged = outcomes.reduce((sum, o) => sum + unchangedOf(o, progress[o.account]), 0);
  const returnsEnd: ReturnsTallies = { ...progress.returns };
  for (const r of returns) {
    const t = progress.returns?.[r.account];
    returnsEnd[r.account] = {
      created: t?.created ?? r.created,
      updated: t?.updated ?? r.updated,
      unchanged: unchangedOf(r, t),
      pages: t?.pages ?? r.pages,
      requests: t?.requests ?? r.requests,
      completed: !r.error,
      ...(r.error ? { error: r.error } : {}),
    };
  }
  const errors = [
    ...failed.map((f) => ({ account: f.account, message: f.error })),
    ...failedReturns.map((f) => ({ account: f.account, scope: "returns", message: `Returns: ${f.error}` })),
  ];
  const ended = await db.$executeRawUnsafe(
    `UPDATE sync_logs SET status = $2::text::"SyncStatus", ${END_SET}, failed_count = $3, errors = errors || $4::jsonb,
       unchanged_count = $5, progress = CASE WHEN $6::jsonb = '{}'::jsonb THEN progress
         ELSE jsonb_set(COALESCE(progress, '{}'::jsonb), '{returns}', $6::jsonb) END
     WHERE id = $1::uuid AND status = 'running'`,
    syncId, status, failed.length, JSON.stringify(errors), unchanged, JSON.stringify(returns.length ? returnsEnd : {}),
  );
  // endedNow: this call ended it (a repeated "finish" step must not notify twice).
  return Object.assign(await db.syncLog.findUniqueOrThrow({ where: { id: syncId } }), { endedNow: ended > 0 });
}

/**
 * Where an incremental sync of the account starts: the start of the last sync that succeeded for
 * it (a partial sync counts for the account that did not fail; a failed returns step does not
 * count against the account's orders), or null.
 */
export async function lastSuccessfulStart(account: AccountKind): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<{ started_at: Date }[]>(
    `SELECT started_at FROM sync_logs
     WHERE type = $1 AND status IN ('completed', 'partial') AND $2 = ANY(accounts) AND mode IN ('incremental', 'backfill')
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(errors) e WHERE e->>'account' = $2 AND COALESCE(e->>'scope', 'orders') = 'orders')
     ORDER BY started_at DESC LIMIT 1`,
    ORDERS_SYNC_TYPE, account,
  );
  return rows[0]?.started_at ?? null;
}

/** Where an incremental returns read of the account starts: the last sync whose returns step completed for it. */
export async function lastSuccessfulReturnsStart(account: AccountKind): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<{ started_at: Date }[]>(
    `SELECT started_at FROM sync_logs
     WHERE type = $1 AND progress -> 'returns' -> $2::text ->> 'completed' = 'true'
     ORDER BY started_at DESC LIMIT 1`,
    ORDERS_SYNC_TYPE, account,
  );
  return rows[0]?.started_at ?? null;
}

export function serializeOrdersSyncLog(log: SyncLog) {
  return {
    id: log.id,
    type: log.type,
    accounts: log.accounts,
    mode: log.mode,
    options: log.options,
    status: log.status,
    counters: { created: log.createdCount, updated: log.updatedCount, unchanged: log.unchangedCount, failed: log.failedCount },
    pages: log.pages,
    api_requests: log.apiRequests,
    errors: log.errors,
    /** The returns step per account: { created, updated, unchanged, pages, requests, completed, error? }. */
    returns: ((log.progress as { returns?: ReturnsTallies } | null)?.returns ?? null) as ReturnsTallies | null,
    triggered_by: log.triggeredBy,
    started_at: log.startedAt.toISOString(),
    completed_at: log.completedAt?.toISOString() ?? null,
    duration_ms: log.durationMs,
  };
}
export type OrdersSyncLogJson = ReturnType<typeof serializeOrdersSyncLog>;

/** A read: a "running" log whose heartbeat is past the stale limit is not shown as running (the next start fails it). */
export async function ordersSyncStatus() {
  const [running, recent] = await Promise.all([
    db.syncLog.findFirst({
      where: { type: ORDERS_SYNC_TYPE, status: "running", heartbeatAt: { gt: new Date(Date.now() - ORDERS_SYNC_STALE_MS) } },
      orderBy: { startedAt: "desc" },
    }),
    db.syncLog.findMany({ where: { type: ORDERS_SYNC_TYPE }, orderBy: { startedAt: "desc" }, take: 10 }),
  ]);
  return { is_running: !!running, current_sync: running ? serializeOrdersSyncLog(running) : null, recent_syncs: recent.map(serializeOrdersSyncLog) };
}

/** Daily: deletes ended sync logs (products and orders) older than `days`. */
export async function deleteOldSyncLogs(days: number) {
  const { count } = await db.syncLog.deleteMany({ where: { status: { not: "running" }, startedAt: { lt: new Date(Date.now() - days * 86_400_000) } } });
  return count;
}
