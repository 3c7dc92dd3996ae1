// The last step: decides the final status from the checkpoint, ends the log (unless it was
// cancelled or cleaned up meanwhile), records metrics and tells the browser.
import { raiseAlert } from "@/lib/alerts/raise";
import { invalidateCache } from "@/lib/cache";
import { notifySafely } from "@/lib/notifications/service";
import { emit } from "@/lib/realtime/emit";
import { repriceAfterSync } from "@/lib/repricer/jobs";
import { endSyncLog, forgetSeenOffers, getSyncLog, optionsOf, serializeSyncLog, type Checkpoint, type SyncLogJson } from "@/lib/sync/log-store";
import { syncDuration, syncErrors, syncTimeouts } from "@/lib/sync/metrics";
import type { AccountKind } from "@/lib/sync/options";
import { forgetProgress } from "@/lib/sync/progress";
import { accountComplete } from "@/lib/sync/steps";

type FinalStatus = "completed" | "partial" | "failed";

export function finalStatus(cp: Checkpoint, accounts: AccountKind[], deadlinePassed: boolean): { status: FinalStatus; timedOut: boolean } {
  const complete = accounts.map((a) => accountComplete(cp[a]));
  const timedOut = accounts.some((a) => cp[a]?.interrupted === "timeout") || (deadlinePassed && complete.includes(false));
  if (timedOut) return { status: "failed", timedOut };
  if (complete.every(Boolean)) return { status: "completed", timedOut };
  const wroteNothing = (a: AccountKind) => !!cp[a]?.count_error || (cp[a]?.done.length ?? 0) === 0;
  return { status: accounts.every(wroteNothing) ? "failed" : "partial", timedOut };
}

/** Tells the browser how a sync ended; a failed or partial one also becomes a notification. */
export function announceEnd(log: SyncLogJson) {
  const counters = { ...log.counters, conflicts: log.conflicts };
  if (log.status === "failed") emit("sync:failed", { syncId: log.id, error: log.errors.at(-1)?.message ?? "Sync failed" });
  else emit("sync:completed", { syncId: log.id, status: log.status, counters });
  forgetProgress(log.id);
  void raiseAlert("sync.failed", { kind: "products", syncId: log.id, status: log.status, accounts: log.accounts, error: log.errors.at(-1)?.message });
  if (log.status === "failed" || log.status === "partial")
    void notifySafely("products.read", [{
      type: "sync.failed",
      category: "sync",
      priority: "high",
      title: `Product sync ${log.status === "failed" ? "failed" : "finished with errors"} (${log.accounts.map((a) => a.toUpperCase()).join(" + ")})`,
      body: (log.errors.at(-1)?.message ?? "See the sync history for details").slice(0, 500),
      link: "/emag/sync",
    }]);
}

export async function finishSync(syncId: string): Promise<SyncLogJson> {
  const log = await getSyncLog(syncId);
  if (log.status !== "running") {
    await forgetSeenOffers();
    forgetProgress(syncId);
    return serializeSyncLog(log);
  }
  const options = optionsOf(log);
  const deadlinePassed = Date.now() >= log.startedAt.getTime() + options.timeout_seconds * 1000;
  const { status, timedOut } = finalStatus(log.checkpoint as Checkpoint, log.accounts as AccountKind[], deadlinePassed);
  if (timedOut) {
    syncTimeouts().inc();
    for (const account of log.accounts) syncErrors().inc({ account, type: "timeout" });
  }
  const ended = await endSyncLog(syncId, status, timedOut ? `Timed out after ${options.timeout_seconds} s` : undefined);
  await forgetSeenOffers();
  await invalidateCache("products"); // even a partial or failed sync may have written pages
  const final = serializeSyncLog(ended ?? (await getSyncLog(syncId)));
  if (ended) {
    syncDuration().observe({ mode: options.mode, status: final.status }, (final.duration_ms ?? 0) / 1000);
    announceEnd(final);
    if (final.status === "completed") void repriceAfterSync(final.accounts, final.id); // fresh buy-button ranks; never awaited
  }
  return final;
}
