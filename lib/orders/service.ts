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
import { jobMode } from "@/lib/jobs/mode";
import { schedules } from "@/lib/jobs/schedules";
import { logger } from "@/lib/logger";
import { ordersSyncBody } from "@/lib/orders/jobs";
import { ordersSyncOptionsSchema, type OrdersSyncOptions } from "@/lib/orders/schemas";
import { beatOrderSync, createOrdersSyncLog, type OrdersActor, type OrdersSyncLogJson } from "@/lib/orders/sync-log";
import type { AccountKind } from "@/lib/realtime/events";
import { holdHeartbeat } from "@/lib/sync/runtime";

export const ORDERS_SYNC_FUNCTION_ID = "emag-orders-sync";
/** Retries of a requested order sync: 2 after the first attempt = 3 attempts, like the order schedules. */
export const ORDER_JOB_RETRIES = schedules.ordersSync.retries;

type OrdersGlobal = { __magflowOrderSyncs?: Map<string, Promise<unknown>> };
const background = ((globalThis as OrdersGlobal).__magflowOrderSyncs ??= new Map());

/** Runs an order sync here; its heartbeat stays fresh from the first step to the last (returns, RFM, stock push). */
export async function runOrdersSync(syncId: string): Promise<OrdersSyncLogJson> {
  const release = holdHeartbeat(syncId, () => beatOrderSync(syncId));
  try {
    return await ordersSyncBody(inProcessStep(ORDERS_SYNC_FUNCTION_ID, ORDER_JOB_RETRIES), syncId);
  } finally {
    release();
  }
}

/** Tests and shutdown: resolves when this process's background order syncs have ended. */
export async function waitForOrderSyncs() {
  while (background.size) await Promise.all([...background.values()]);
}

async function dispatch(syncId: string): Promise<"inngest" | "in-process"> {
  if (jobMode().mode !== "in-process") {
    try {
      await inngest.send(ordersSyncRequested.create({ sync_id: syncId }));
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
  const engine = await dispatch(log.id);
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
type Pending = { ids: Set<string>; timer?: NodeJS.Timeout; running?: Promise<void> };
const pending = ((globalThis as { __magflowCallbackQueue?: Map<AccountKind, Pending> }).__magflowCallbackQueue ??= new Map());

async function runTargeted(account: AccountKind, ids: string[]) {
  const options = ordersSyncOptionsSchema.parse({ account_type: account, mode: "incremental", order_ids: ids.slice(0, 100) });
  // A sync already running for the account may have read before this order existed: wait for it.
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const log = await createOrdersSyncLog(options, { triggeredBy: "callback" });
      await dispatch(log.id);
      const p = background.get(log.id);
      if (p) await p;
      return;
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  logger.warn({ account, ids }, "callback sync gave up waiting for a running order sync; the 5-minute sync will pick the orders up");
}

/** Queues a targeted sync of these orders (debounced per account); returns at once. 503 while shutting down (eMAG retries). */
export function requestCallbackSync(account: AccountKind, orderId: string) {
  if (isDraining()) throw new AppError("unavailable", "This instance is shutting down; retry the callback", { headers: { "Retry-After": "5" } });
  const q: Pending = pending.get(account) ?? { ids: new Set<string>() };
  pending.set(account, q);
  q.ids.add(orderId);
  if (q.timer) return;
  q.timer = setTimeout(() => {
    const run = async () => {
      await q.running; // one targeted sync per account at a time; later ids wait for the next one
      const ids = [...q.ids];
      q.ids.clear();
      q.timer = undefined;
      if (ids.length) await runTargeted(account, ids);
    };
    q.running = run().catch((err: unknown) => logger.error({ err, account }, "callback-triggered order sync failed"));
  }, CALLBACK_DEBOUNCE_MS);
}
