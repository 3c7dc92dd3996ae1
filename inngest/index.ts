import { alertsCheck, deliverAlert } from "@/inngest/functions/alerts";
import { checkHealth, checkHealthBody } from "@/inngest/functions/check-health";
import { pushInventoryScheduled } from "@/inngest/functions/inventory";
import { autoAcknowledgeOrders, cleanupSyncLogs, syncOrders, syncOrdersScheduled } from "@/inngest/functions/orders";
import { runOfferJob } from "@/inngest/functions/offer-jobs";
import { reportsDaily, reportsWeekly } from "@/inngest/functions/reports";
import { repricerAfterSync, repricerHourly } from "@/inngest/functions/repricer";
import { syncProducts } from "@/inngest/functions/sync-products";
import { syncProductsCleanup, syncProductsHourly } from "@/inngest/functions/sync-products-scheduled";
import { alertsCheckBody } from "@/lib/alerts/check";
import { inventoryPushBody } from "@/lib/inventory/jobs";
import type { StepRunner } from "@/lib/jobs/step";
import type { ScheduleKey } from "@/lib/jobs/schedules";
import { autoAcknowledgeBody, cleanupLogsBody, scheduledOrdersSyncBody } from "@/lib/orders/jobs";
import { dailyReportBody, weeklyReportBody } from "@/lib/reports/jobs";
import { scheduledRepricerBody } from "@/lib/repricer/jobs";
import { cleanupStuckSyncsBody, scheduledProductSyncBody } from "@/lib/sync/scheduled";

export { inngest } from "@/inngest/client";

/** Every Inngest function, served at /api/inngest. */
export const functions = [
  checkHealth, syncProducts, syncProductsHourly, syncProductsCleanup, syncOrders, syncOrdersScheduled, autoAcknowledgeOrders, cleanupSyncLogs, runOfferJob,
  repricerHourly, repricerAfterSync, pushInventoryScheduled, reportsDaily, reportsWeekly,
  deliverAlert, alertsCheck,
];

/** Bodies of scheduled functions, for the in-process fallback (keyed like lib/jobs/schedules). */
export const scheduledBodies: Record<ScheduleKey, (step: StepRunner, source: string) => Promise<unknown>> = {
  healthCheck: checkHealthBody,
  productsSync: scheduledProductSyncBody,
  productsSyncCleanup: cleanupStuckSyncsBody,
  ordersSync: scheduledOrdersSyncBody,
  ordersAutoAcknowledge: autoAcknowledgeBody,
  syncLogCleanup: cleanupLogsBody,
  repricer: scheduledRepricerBody,
  inventoryPush: inventoryPushBody,
  alertsCheck: alertsCheckBody,
  reportsDaily: dailyReportBody,
  reportsWeekly: weeklyReportBody,
};
