// Recovery by heartbeat, on every instance that runs jobs in-process: work whose worker died (a
// crashed or killed instance) is freed within the heartbeat bound, while live work on any other
// instance, which keeps beating, is never touched. Each pass is a few conditional UPDATEs that
// match nothing in the normal case, so every instance may run it; one UPDATE claims each row,
// so two instances never both fail (or resume) the same sync or job.
import { logger } from "@/lib/logger";
import { isDraining } from "@/lib/jobs/drain";
import { HEARTBEAT_MS } from "@/lib/sync/runtime";

/** Silent for three beats: the worker is gone. */
export const STALE_AFTER_MS = HEARTBEAT_MS * 3;
/** How often each instance looks for dead work. A dead sync is freed within STALE_AFTER_MS + this. */
export const RECOVERY_EVERY_MS = 5_000;

/** An offer job silent this long is resumed on this instance (what boot has always used). */
export const OFFER_JOB_RESUME_MS = 15_000;

/** One pass: product syncs and order syncs without a heartbeat are failed; stale offer jobs resume here. */
export async function recoverDeadWork(reason = "Interrupted: its instance stopped"): Promise<{ syncs: number; orderSyncs: number; offerJobs: number }> {
  const [{ cleanupStuckSyncs }, { failStaleOrderSyncs }, { recoverOfferJobs }] = await Promise.all([
    import("@/lib/sync/service"),
    import("@/lib/orders/sync-log"),
    import("@/lib/offers/runner"),
  ]);
  const syncs = await cleanupStuckSyncs(STALE_AFTER_MS, reason);
  const orderSyncs = await failStaleOrderSyncs(STALE_AFTER_MS);
  if (orderSyncs.length) logger.warn({ ids: orderSyncs }, "order syncs whose instance stopped marked failed");
  const offerJobs = isDraining() ? [] : await recoverOfferJobs(OFFER_JOB_RESUME_MS);
  // Callbacks queued but never drained (their instance died before its timer fired, or mid-sync).
  const { pendingCallbackAccounts, scheduleCallbackDrain } = await import("@/lib/orders/service");
  if (!isDraining()) for (const account of await pendingCallbackAccounts()) scheduleCallbackDrain(account);
  return { syncs: syncs.cleaned, orderSyncs: orderSyncs.length, offerJobs: offerJobs.length };
}

/** Runs recoverDeadWork every RECOVERY_EVERY_MS until the returned stop function is called. */
export function startRecoveryLoop(): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || isDraining()) return;
    running = true;
    recoverDeadWork()
      .catch((err) => logger.error({ err }, "recovery pass failed"))
      .finally(() => (running = false));
  }, RECOVERY_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
