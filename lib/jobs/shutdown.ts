// Graceful shutdown of background work (server.ts on SIGTERM), after the scheduler has stopped:
// refuse new syncs and jobs (503), let the running in-process ones finish within a bound, then stop
// the rest where they are. Their logs stay "running" with their checkpoint and stop heartbeating,
// so another instance fails or resumes them by heartbeat (a product sync re-run is idempotent;
// offer jobs resume from their items).
import { haltJobs, startDraining, waitForTrackedRuns } from "@/lib/jobs/drain";
import { waitForDispatchedJobs } from "@/lib/jobs/dispatch";
import { abortAllLocal, stopHeartbeats } from "@/lib/sync/runtime";

export async function drainJobs(boundMs: number): Promise<{ drained: boolean; ms: number }> {
  startDraining();
  const started = Date.now();
  const [{ waitForBackgroundSyncs }, { waitForOrderSyncs }, { waitForOfferJobs }] = await Promise.all([
    import("@/lib/sync/service"),
    import("@/lib/orders/service"),
    import("@/lib/offers/runner"),
  ]);
  const all = Promise.all([waitForTrackedRuns(), waitForBackgroundSyncs(), waitForOrderSyncs(), waitForOfferJobs(), waitForDispatchedJobs()]).then(
    () => true,
    () => true,
  );
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs)));
  const drained = await Promise.race([all, bound]);
  clearTimeout(timer);
  // No step starts from here on; in-flight eMAG reads of product syncs are aborted (nothing is
  // written for an interrupted page), and no heartbeat is written any more.
  haltJobs();
  if (!drained) abortAllLocal("stopped");
  stopHeartbeats();
  return { drained, ms: Date.now() - started };
}
