// Bodies of the order jobs, shared by the Inngest functions and the in-process fallback. Each
// side effect is a named step (retried on its own); one account's or one order's failure is
// recorded and the rest goes on.
import { autoAcknowledgeAccounts } from "@/lib/accounts/settings";
import { raiseAlert } from "@/lib/alerts/raise";
import { AppError } from "@/lib/api/errors";
import { deleteStaleTokens, STALE_TOKEN_DAYS } from "@/lib/auth/tokens";
import { refreshRfm } from "@/lib/customers/upkeep";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { pushAfterOrderSync } from "@/lib/inventory/jobs";
import type { StepRunner } from "@/lib/jobs/step";
import { logger } from "@/lib/logger";
import { deleteOldNotifications, notifySafely } from "@/lib/notifications/service";
import { acknowledgeOrder } from "@/lib/orders/actions";
import { ordersSyncOptionsSchema } from "@/lib/orders/schemas";
import { syncAccountOrders } from "@/lib/orders/sync";
import {
  createOrdersSyncLog, deleteOldSyncLogs, endOrdersSyncLog, serializeOrdersSyncLog, type AccountOutcome, type OrdersSyncLogJson,
  type ReturnsOutcome,
} from "@/lib/orders/sync-log";
import type { AccountKind } from "@/lib/realtime/events";
import { syncAccountReturns } from "@/lib/returns/sync";
import { syncClient } from "@/lib/sync/runtime";

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs one account step; a failure (after the step's retries) becomes the outcome's error. */
async function accountStep(step: StepRunner, id: string, account: AccountKind, fn: () => Promise<AccountOutcome>): Promise<AccountOutcome> {
  try {
    const outcome = (await step.run(id, fn)) as AccountOutcome | null;
    if (!outcome) throw new Error(`the ${id} step ended without a result`);
    return outcome;
  } catch (err) {
    return { account, created: 0, updated: 0, unchanged: 0, pages: 0, requests: 0, error: message(err) };
  }
}

/**
 * Runs a requested order sync whose log exists: the accounts' orders steps, then their returns
 * steps (a returns step runs even if its account's orders failed: returns link to orders whenever
 * both are stored), then "finish". A targeted sync (eMAG's new-order callback) reads no returns.
 * Two parallel groups rather than one chain per account: Inngest flags steps chained inside a
 * parallel branch (NESTING_STEPS). Waiting for the other account's orders costs little: a returns
 * step is ~3 requests per account, on the account's "other resources" budget (3/s).
 */
export async function ordersSyncBody(step: StepRunner, syncId: string): Promise<OrdersSyncLogJson> {
  const plan = (await step.run("load-sync", async () => {
    const log = await db.syncLog.findUniqueOrThrow({ where: { id: syncId } });
    return { accounts: log.accounts as AccountKind[], options: log.options, status: log.status };
  })) as { accounts: AccountKind[]; options: unknown; status: string };
  const options = ordersSyncOptionsSchema.parse(plan.options);
  const outcomes = await Promise.all(
    plan.accounts.map((account) => accountStep(step, `sync-${account}`, account, () => syncAccountOrders(syncId, account, options))),
  );
  const returns: ReturnsOutcome[] = options.order_ids?.length
    ? []
    : await Promise.all(
        plan.accounts.map((account) =>
          accountStep(step, `returns-${account}`, account, () => syncAccountReturns(syncId, account, syncClient(account), options)),
        ),
      );
  // RFM ranks the whole customer base, so it runs once per sync (after its orders and returns), not
  // per page. A failure keeps the previous scores and does not fail the sync; the next one redoes it.
  await step.run("refresh-customer-rfm", async () => {
    try {
      return await refreshRfm();
    } catch (err) {
      logger.warn({ syncId, err: message(err) }, "customer RFM refresh failed");
      return null;
    }
  });
  // Stock the sync's orders moved goes to eMAG now; a failure leaves it to the 1-minute push.
  await step.run("push-inventory", () => pushAfterOrderSync(plan.accounts));
  return (await step.run("finish", async () => {
    const log = await endOrdersSyncLog(syncId, outcomes, returns);
    if (log.endedNow) void raiseAlert("sync.failed", { kind: "orders", syncId, status: log.status, accounts: log.accounts, error: [...outcomes, ...returns].find((o) => o.error)?.error });
    const failed = outcomes.filter((o) => o.error);
    const failedReturns = returns.filter((r) => r.error);
    const names = (list: AccountOutcome[]) => list.map((f) => f.account.toUpperCase()).join(" and ");
    if (log.endedNow && (failed.length || failedReturns.length))
      await notifySafely("orders.read", [{
        type: "sync.failed",
        category: "sync",
        priority: "high",
        title: failed.length ? `Order sync failed for ${names(failed)}` : `Returns sync failed for ${names(failedReturns)}`,
        body: [...failed.map((f) => f.error), ...failedReturns.map((f) => `${f.account.toUpperCase()} returns: ${f.error}`)].join("; ").slice(0, 500),
        link: "/orders",
      }]);
    return serializeOrdersSyncLog(log);
  })) as OrdersSyncLogJson;
}

/** Every 5 minutes: incremental sync of both accounts (skipped while one runs). */
export async function scheduledOrdersSyncBody(step: StepRunner, _source: string) {
  const started = (await step.run("start-orders-sync", async () => {
    try {
      const log = await createOrdersSyncLog(ordersSyncOptionsSchema.parse({ account_type: "both", mode: "incremental" }), { triggeredBy: "schedule" });
      return { syncId: log.id };
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") return { syncId: null, skipped: err.message };
      throw err;
    }
  })) as { syncId: string | null; skipped?: string };
  if (!started.syncId) return started;
  return ordersSyncBody(step, started.syncId);
}

export interface AutoAckResult {
  candidates: number;
  acknowledged: string[];
  failed: { emag_order_id: string; error: string }[];
  disabled?: boolean;
}

/** Every 10 minutes: acknowledges every stored MAIN order still new (type 3, status 1), one step each. */
export async function autoAcknowledgeBody(step: StepRunner, _source: string): Promise<AutoAckResult> {
  // Per account (the row's setting), ORDERS_AUTO_ACKNOWLEDGE as the default.
  const accounts = await autoAcknowledgeAccounts();
  if (!accounts.length) return { candidates: 0, acknowledged: [], failed: [], disabled: true };
  const pending = (await step.run("list-new-orders", async () =>
    (await db.emagOrder.findMany({ where: { type: 3, status: 1, account: { in: accounts } }, select: { id: true, emagOrderId: true }, orderBy: { emagCreatedAt: "asc" }, take: 500 }))
      .map((o) => ({ id: o.id, emag_order_id: o.emagOrderId.toString() })),
  )) as { id: string; emag_order_id: string }[];
  const result: AutoAckResult = { candidates: pending.length, acknowledged: [], failed: [] };
  await Promise.all(
    pending.map(async (o) => {
      try {
        const r = (await step.run(`acknowledge-${o.emag_order_id}`, async () => {
          const { changed } = await acknowledgeOrder(o.id, { label: "auto-acknowledge" });
          return { changed };
        })) as { changed: boolean } | null;
        if (!r) throw new Error("the acknowledge step ended without a result");
        if (r.changed) result.acknowledged.push(o.emag_order_id);
      } catch (err) {
        result.failed.push({ emag_order_id: o.emag_order_id, error: message(err) });
      }
    }),
  );
  if (result.failed.length)
    await step.run("notify-acknowledge-failures", () =>
      notifySafely("orders.read", result.failed.slice(0, 20).map((f) => ({
        type: "order.acknowledge-failed",
        category: "orders" as const,
        priority: "high" as const,
        title: `Could not acknowledge order ${f.emag_order_id}`,
        body: f.error.slice(0, 500),
        link: `/orders?search=${f.emag_order_id}`,
      }))),
    );
  return result;
}

/**
 * Daily: deletes sync logs older than SYNC_LOG_RETENTION_DAYS, read notifications older than 90
 * days, and API tokens that expired or were revoked more than STALE_TOKEN_DAYS ago.
 */
export async function cleanupLogsBody(step: StepRunner, _source: string) {
  const days = env().SYNC_LOG_RETENTION_DAYS;
  const logs = (await step.run("delete-old-sync-logs", () => deleteOldSyncLogs(days))) as number;
  const notifications = (await step.run("delete-old-notifications", () => deleteOldNotifications(90))) as number;
  const tokens = (await step.run("delete-stale-api-tokens", () => deleteStaleTokens(STALE_TOKEN_DAYS))) as number;
  return { retention_days: days, deleted_sync_logs: logs, deleted_notifications: notifications, deleted_api_tokens: tokens };
}

