import { inngest } from "@/inngest/client";
import { schedules } from "@/lib/jobs/schedules";
import { cleanupStuckSyncsBody, scheduledProductSyncBody } from "@/lib/sync/scheduled";

/** Hourly incremental sync of MAIN and FBE (skipped while a sync of either runs). */
export const syncProductsHourly = inngest.createFunction(
  { id: schedules.productsSync.id, name: schedules.productsSync.name, triggers: [{ cron: schedules.productsSync.cron }], retries: 3 },
  async ({ step }) => scheduledProductSyncBody(step, "inngest"),
);

/** Frees accounts held by syncs whose worker died (no heartbeat for 15 minutes). */
export const syncProductsCleanup = inngest.createFunction(
  { id: schedules.productsSyncCleanup.id, name: schedules.productsSyncCleanup.name, triggers: [{ cron: schedules.productsSyncCleanup.cron }], retries: 3 },
  async ({ step }) => cleanupStuckSyncsBody(step, "inngest"),
);
