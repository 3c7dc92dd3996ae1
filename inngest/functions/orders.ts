import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { ordersSyncRequested, ordersSyncRequestedSchema } from "@/inngest/events";
import { scheduledFunction } from "@/lib/jobs/schedules";
import { autoAcknowledgeBody, cleanupLogsBody, ordersSyncBody, scheduledOrdersSyncBody } from "@/lib/orders/jobs";
import { ORDER_JOB_RETRIES, ORDERS_SYNC_FUNCTION_ID } from "@/lib/orders/service";

/**
 * A requested order sync (API "sync now", eMAG callbacks). Its log exists already, created under
 * the one-sync-per-account lock; idempotency on sync_id means a re-sent event never runs twice.
 * One step per account: a failing account is retried alone and never stops the other.
 */
export const syncOrders = inngest.createFunction(
  {
    id: ORDERS_SYNC_FUNCTION_ID,
    name: "eMAG order sync",
    triggers: [ordersSyncRequested],
    idempotency: "event.data.sync_id",
    // One order sync per account at a time on every instance (its steps run one after another, so a
    // limit of 1 per key is a limit of one run). The per-account lock in sync_logs stays the guarantee
    // across account_type "both" and a single account.
    concurrency: [{ key: "event.data.account_type", limit: 1 }],
    retries: ORDER_JOB_RETRIES,
  },
  async ({ event, step }) => {
    const parsed = ordersSyncRequestedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`Invalid emag/orders.sync-requested payload: ${parsed.error.message}`);
    return ordersSyncBody(step, parsed.data.sync_id);
  },
);

/** Every 5 minutes: incremental sync of MAIN and FBE. */
export const syncOrdersScheduled = inngest.createFunction(scheduledFunction("ordersSync"), async ({ step }) => scheduledOrdersSyncBody(step, "inngest"));

/** Every 10 minutes: acknowledge new MAIN orders, one step per order. */
export const autoAcknowledgeOrders = inngest.createFunction(scheduledFunction("ordersAutoAcknowledge"), async ({ step }) => autoAcknowledgeBody(step, "inngest"));

/** Daily: delete old sync logs (and old read notifications, and stale API tokens). */
export const cleanupSyncLogs = inngest.createFunction(scheduledFunction("syncLogCleanup"), async ({ step }) => cleanupLogsBody(step, "inngest"));
