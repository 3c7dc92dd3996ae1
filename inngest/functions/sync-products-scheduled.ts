import { inngest } from "@/inngest/client";
import { scheduledFunction } from "@/lib/jobs/schedules";
import { cleanupStuckSyncsBody, scheduledProductSyncBody } from "@/lib/sync/scheduled";

/** Hourly incremental sync of MAIN and FBE (skipped while a sync of either runs). */
export const syncProductsHourly = inngest.createFunction(scheduledFunction("productsSync"), async ({ step }) => scheduledProductSyncBody(step, "inngest"));

/** Frees accounts held by syncs whose worker died (no heartbeat for 15 minutes). */
export const syncProductsCleanup = inngest.createFunction(scheduledFunction("productsSyncCleanup"), async ({ step }) => cleanupStuckSyncsBody(step, "inngest"));
