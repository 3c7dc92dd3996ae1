// Bodies of the two product-sync schedules (lib/jobs/schedules.ts), shared by Inngest and the
// in-process scheduler.
import { recoverOfferJobs } from "@/lib/offers/runner";
import type { StepRunner } from "@/lib/jobs/step";
import { productSyncBody } from "@/lib/sync/job";
import { cleanupStuckSyncs, startScheduledSync } from "@/lib/sync/service";

/** Hourly: starts an incremental sync of both accounts (skipped while one runs), then runs it. */
export async function scheduledProductSyncBody(step: StepRunner, _source: string) {
  const started = (await step.run("start-scheduled-sync", () => startScheduledSync())) as { syncId: string | null; skipped?: string };
  if (!started.syncId) return started;
  return productSyncBody(step, started.syncId);
}

/** Every 10 minutes: fails running syncs without a heartbeat for 15 minutes, freeing their accounts. */
export async function cleanupStuckSyncsBody(step: StepRunner, _source: string) {
  const syncs = await step.run("cleanup-stuck-syncs", () => cleanupStuckSyncs(15 * 60_000));
  // Offer jobs whose runner died (no heartbeat for a minute) resume in this process.
  const offerJobs = await step.run("resume-offer-jobs", () => recoverOfferJobs());
  return { syncs, offerJobs };
}
