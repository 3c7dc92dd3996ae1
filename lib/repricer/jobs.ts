// The repricer as job bodies (Inngest and the in-process fallback run the same steps): hourly over
// every account, and after a completed product sync over the accounts it synced.
import { inngest } from "@/inngest/client";
import { repricerRunRequested } from "@/inngest/events";
import { dispatchJob } from "@/lib/jobs/dispatch";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import type { StepRunner } from "@/lib/jobs/step";
import { logger } from "@/lib/logger";
import type { RepricerAccount } from "./api-types";
import { runAccountRules } from "./run";

export const REPRICER_FUNCTION_ID = "emag-repricer-run";

export async function repricerBody(step: StepRunner, accounts: readonly RepricerAccount[], trigger: "schedule" | "product-sync" | "manual") {
  const out: unknown[] = [];
  for (const account of accounts) out.push(await step.run(`reprice-${account}`, () => runAccountRules(account, trigger)));
  return out;
}

/** Hourly (lib/jobs/schedules.ts "repricer"). */
export const scheduledRepricerBody = (step: StepRunner, _source: string) => repricerBody(step, ["main", "fbe"], "schedule");

/**
 * Called when a product sync completed: fresh buy-button ranks, so reprice the synced accounts.
 * Never throws and never holds the sync up (the caller does not await it).
 */
export async function repriceAfterSync(accounts: readonly string[], syncId: string) {
  const mine = accounts.filter((a): a is RepricerAccount => a === "main" || a === "fbe");
  try {
    for (const account of mine)
      await dispatchJob(
        "repricer",
        async () => {
          await inngest.send(repricerRunRequested.create({ account, trigger: "product-sync", sync_id: syncId }));
        },
        () => repricerBody(inProcessStep(REPRICER_FUNCTION_ID, 2), [account], "product-sync"),
      );
  } catch (err) {
    logger.error({ err, syncId }, "could not start the repricer after the product sync");
  }
}
