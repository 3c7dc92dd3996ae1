// Starting order syncs: from the API, the schedule and eMAG's callbacks. Inngest runs them when a
// server is reachable; otherwise they run here, in the background, with the same step bodies.
import { timingSafeEqual, createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { inngest } from "@/inngest/client";
import { ordersSyncRequested } from "@/inngest/events";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/env";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { isDraining } from "@/lib/jobs/drain";
import { instanceId } from "@/lib/jobs/lease";
import { jobMode } from "@/lib/jobs/mode";
import { schedules } from "@/lib/jobs/schedules";
import { logger } from "@/lib/logger";
import { ordersSyncBody } from "@/lib/orders/jobs";
import { ordersSyncOptionsSchema, type OrdersSyncOptions } from "@/lib/orders/schemas";
import { beatOrderSync, createOrdersSyncLog, type OrdersActor, type OrdersSyncLogJson } from "@/lib/orders/sync-log";
import type { AccountKind } from "@/lib/realtime/events";
import { holdHeartbeat } from "@/lib/sync/runtime";
import { withMemoryRelease } from "@/lib/system/memory";

export const ORDERS_SYNC_FUNCTION_ID = "emag-orders-sync";
/** Retries of a requested order sync: 2 after the first attempt = 3 attempts, like the order schedules. */
export const ORDER_JOB_RETRIES = schedules.ordersSync.retries;

type OrdersGlobal = { __magflowOrderSyncs?: Map<string, Promise<unknown>> };
const background = ((globalThis as OrdersGlobal).__magflowOrderSyncs ??= new Map());

/** Runs an order sync here; its heartbeat stays fresh from the first step to the last (returns, RFM, stock push). */
export async function runOrdersSync(syncId: string): Promise<OrdersSyncLogJson> {
  const release = holdHeartbeat(syncId, () => beatOrderSync(syncId));
  try {
    return await withMemoryRelease("order sync", () => ordersSyncBody(inProcessStep(ORDERS_SYNC_FUNCTION_ID, ORDER_JOB_RETRIES), syncId));
  } finally {
    release();
  }
}

/** Tests and shutdown: resolves when this process's background order syncs have ended. */
export async function waitForOrderSyncs() {
  while (background.size) await Promise.all([...background.values()]);
}

async function dispatch(syncId: string, accountType?: "main" | "fbe" | "both"): Promise<"inngest" | "in-process"> {
  if (jobMode().mode !== "in-process") {
    try {
      await inngest.send(ordersSyncRequested.create({ sync_id: syncId, account_type: accountType }));
      return "inngest";
    } catch (err) {
      logger.warn({ err, syncId }, "could not send the order sync event to Inngest; running it in-process");
    }
  }
  const p = runOrdersSync(syncId)
    .catch((err: unknown) => logger.error({ err, syncId }, "background order sync crashed"))
    .finally(() => background.delete(syncId));
  background.set(syncId, p);
  return "in-process";
}

/**
 * POST /orders/sync: 409 when an account is busy, else 202 with the sync id. A start someone asked
 * for (a user or an API client) is audited; automatic ones (schedule, callbacks) are recorded by
 * their sync log's triggered_by alone.
 */
export async function startOrdersSync(input: Partial<OrdersSyncOptions>, actor: OrdersActor & AuditActor) {
  const options = ordersSyncOptionsSchema.parse(input);
  const log = await createOrdersSyncLog(options, { triggeredBy: actor.triggeredBy, userId: actor.userId });
  // After the log's own transaction (sync-log.ts owns it), before the sync is dispatched.
  if (actor.triggeredBy === "user" || actor.triggeredBy === "api")
    await recordAudit(db, {
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: "order_sync.start",
      entityType: "sync_log",
      entityId: log.id,
      newValues: { type: "orders", status: log.status, accounts: log.accounts, mode: log.mode, options, triggered_by: actor.triggeredBy },
    });
  const engine = await dispatch(log.id, options.account_type);
  return { sync_id: log.id, status: "running" as const, accounts: log.accounts, mode: log.mode, engine };
}

// --- eMAG's new-order callback -----------------------------------------------------------------

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** The account's callback secret, created on first use. */
export async function callbackToken(account: AccountKind): Promise<string> {
  const row = await db.emagAccount.findUnique({ where: { kind: account }, select: { callbackToken: true } });
  if (row?.callbackToken) return row.callbackToken;
  const token = randomBytes(24).toString("base64url");
  await db.emagAccount.updateMany({ where: { kind: account, callbackToken: null }, data: { callbackToken: token } });
  return (await db.emagAccount.findUnique({ where: { kind: account }, select: { callbackToken: true } }))?.callbackToken ?? token;
}

/** The URL to paste into eMAG's seller settings (it carries the account's secret). */
export const callbackUrlFor = (account: AccountKind, token: string, base = publicBaseUrl()) =>
  `${base}/api/v1/emag/callbacks/${account}/order?token=${encodeURIComponent(token)}`;

/** Constant-time comparison of the presented token with the account's (hashes make lengths equal). */
export async function verifyCallbackToken(account: AccountKind, presented: string | undefined): Promise<boolean> {
  const row = await db.emagAccount.findUnique({ where: { kind: account }, select: { callbackToken: true } });
  const expected = row?.callbackToken;
  if (!expected || !presented) return false;
  return timingSafeEqual(sha256(expected), sha256(presented));
}

/** Callbacks arriving within this window are synced together. */
export const CALLBACK_DEBOUNCE_MS = 250;
/** A claim on queued callbacks older than this is taken over (its instance died mid-sync). */
export const CALLBACK_CLAIM_MS = 120_000;
/** The most order ids one targeted sync carries (ordersSyncOptionsSchema). */
const CALLBACK_BATCH = 100;

// The queue is the order_callbacks table, shared by every instance: a callback landing on any
// instance is recorded there at once (so it survives a crash), and a short local timer then drains
// the account's queue. Draining claims rows in one UPDATE … SKIP LOCKED, so callbacks that landed
// on several instances within the window go into one targeted sync, on whichever instance claimed
// them, and no order is synced twice for one burst.
type Drain = { timer?: NodeJS.Timeout; running?: Promise<void> };
const drains = ((globalThis as { __magflowCallbackDrains?: Map<AccountKind, Drain> }).__magflowCallbackDrains ??= new Map());

/** Claims up to CALLBACK_BATCH queued callbacks of the account for this instance; returns their order ids. */
async function claimCallbacks(account: AccountKind): Promise<string[]> {
  const rows = await db.$queryRaw<{ emag_order_id: string }[]>`
    UPDATE order_callbacks SET claimed_by = ${instanceId()}, claimed_at = now()
    WHERE (account, emag_order_id) IN (
      SELECT account, emag_order_id FROM order_callbacks
      WHERE account = ${account}::"AccountKind"
        AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => ${CALLBACK_CLAIM_MS / 1000}))
      ORDER BY received_at LIMIT ${CALLBACK_BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING emag_order_id`;
  return rows.map((r) => r.emag_order_id);
}

async function runTargeted(account: AccountKind, ids: string[]): Promise<boolean> {
  const options = ordersSyncOptionsSchema.parse({ account_type: account, mode: "incremental", order_ids: ids });
  // A sync already running for the account may have read before this order existed: wait for it.
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const log = await createOrdersSyncLog(options, { triggeredBy: "callback" });
      await dispatch(log.id, options.account_type);
      const p = background.get(log.id);
      if (p) await p;
      return true;
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      if (isDraining()) return false;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  logger.warn({ account, ids }, "callback sync gave up waiting for a running order sync; the 5-minute sync will pick the orders up");
  return false;
}

/**
 * Syncs the account's queued callbacks, a batch at a time, until its queue is empty (or what is
 * left is claimed elsewhere). A batch whose sync started is removed from the queue; one that could
 * not start is released for the next drain (or the 5-minute sync, which reads every new order anyway).
 */
export async function drainCallbacks(account: AccountKind): Promise<number> {
  let synced = 0;
  for (;;) {
    if (isDraining()) return synced;
    const ids = await claimCallbacks(account);
    if (!ids.length) return synced;
    let started = false;
    try {
      started = await runTargeted(account, ids);
    } finally {
      if (started) await db.orderCallback.deleteMany({ where: { account, emagOrderId: { in: ids }, claimedBy: instanceId() } });
      else await db.orderCallback.updateMany({ where: { account, emagOrderId: { in: ids }, claimedBy: instanceId() }, data: { claimedBy: null, claimedAt: null } });
    }
    if (!started) return synced;
    synced += ids.length;
  }
}

/** Starts a drain of the account's queue after the debounce window, unless one is already due here. */
export function scheduleCallbackDrain(account: AccountKind, delayMs = CALLBACK_DEBOUNCE_MS) {
  const d: Drain = drains.get(account) ?? {};
  drains.set(account, d);
  if (d.timer) return;
  d.timer = setTimeout(() => {
    const run = async () => {
      await d.running; // one drain per account at a time here; callbacks queued meanwhile go in the next
      d.timer = undefined;
      await drainCallbacks(account);
    };
    d.running = run().catch((err: unknown) => logger.error({ err, account }, "callback-triggered order sync failed"));
  }, delayMs);
}

/** Accounts with queued callbacks that nobody holds (unclaimed for a while, or claimed by a dead instance). */
export async function pendingCallbackAccounts(): Promise<AccountKind[]> {
  const rows = await db.$queryRaw<{ account: AccountKind }[]>`
    SELECT DISTINCT account FROM order_callbacks
    WHERE (claimed_at IS NULL AND received_at < now() - interval '5 seconds')
       OR claimed_at < now() - make_interval(secs => ${CALLBACK_CLAIM_MS / 1000})`;
  return rows.map((r) => r.account);
}

/** Tests and shutdown: resolves when this process's callback drains have ended. */
export async function waitForCallbackDrains() {
  for (const d of drains.values()) await d.running;
}

/** Queues a targeted sync of this order (coalesced per account across instances); 503 while shutting down (eMAG retries). */
export async function requestCallbackSync(account: AccountKind, orderId: string) {
  if (isDraining()) throw new AppError("unavailable", "This instance is shutting down; retry the callback", { headers: { "Retry-After": "5" } });
  // Already queued (a repeated callback, or one that landed on another instance): one sync covers both.
  await db.$executeRaw`INSERT INTO order_callbacks (account, emag_order_id) VALUES (${account}::"AccountKind", ${orderId}) ON CONFLICT DO NOTHING`;
  scheduleCallbackDrain(account);
}
