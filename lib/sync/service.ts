// Starting, cancelling and cleaning up product syncs: what the API routes and the schedules call.
// Each start someone asked for, each cancel and each stuck sync failed is audited. The sync log is
// written on the sync's own pool (log-store.ts), so its audit entry follows right after the write.
import { AppError } from "@/lib/api/errors";
import { raiseAlert } from "@/lib/alerts/raise";
import { inngest } from "@/inngest/client";
import { productsSyncRequested } from "@/inngest/events";
import { recordAudit, recordAudits, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { isHalted } from "@/lib/jobs/drain";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { jobMode } from "@/lib/jobs/mode";
import { logger } from "@/lib/logger";
import { withMemoryRelease } from "@/lib/system/memory";
import { emit } from "@/lib/realtime/emit";
import { announceEnd } from "@/lib/sync/finish";
import { productSyncBody } from "@/lib/sync/job";
import {
  createSyncLog, endSyncLog, failStaleLogs, forgetSeenOffers, getSyncLog, serializeSyncLog, STALE_HEARTBEAT_MS, type SyncLogJson,
} from "@/lib/sync/log-store";
import { registerSyncMetrics, syncErrors } from "@/lib/sync/metrics";
import { normaliseOptions, type SyncActor, type SyncRequest } from "@/lib/sync/options";
import { abortLocal, syncStepsIdle } from "@/lib/sync/runtime";

export const SYNC_FUNCTION_ID = "emag-products-sync";

type SyncGlobal = { __magflowBackgroundSyncs?: Map<string, Promise<SyncLogJson | undefined>> };
const background = ((globalThis as SyncGlobal).__magflowBackgroundSyncs ??= new Map());

/** Runs a sync to its end in this process; a body that gives up still leaves the log ended. */
export async function runProductSync(syncId: string): Promise<SyncLogJson> {
  try {
    return await withMemoryRelease("product sync", () => productSyncBody(inProcessStep(SYNC_FUNCTION_ID), syncId));
  } catch (err) {
    // Shutdown stopped this process mid-sync: the log stays "running" with its checkpoint, for
    // another instance to fail by heartbeat (a re-run is idempotent).
    if (isHalted()) return serializeSyncLog(await getSyncLog(syncId));
    logger.error({ err, syncId }, "product sync failed");
    return failSync(syncId, err instanceof Error ? err.message : String(err));
  }
}

/** Ends a sync as failed (e.g. from an Inngest onFailure handler). */
export async function failSync(syncId: string, message: string): Promise<SyncLogJson> {
  const ended = await endSyncLog(syncId, "failed", message);
  await forgetSeenOffers();
  if (ended) announceEnd(serializeSyncLog(ended));
  return serializeSyncLog(ended ?? (await getSyncLog(syncId)));
}

function runInBackground(syncId: string) {
  const p = runProductSync(syncId)
    .catch((err: unknown) => void logger.error({ err, syncId }, "background product sync crashed"))
    .finally(() => background.delete(syncId));
  background.set(syncId, p);
}

/** Tests and graceful shutdown: resolves when this process's background syncs have ended. */
export async function waitForBackgroundSyncs() {
  while (background.size) await Promise.all([...background.values()]);
  await syncStepsIdle();
}

/** Inngest when a server is reachable; otherwise (or if sending fails) in this process, in the background. */
async function dispatch(syncId: string, accountType: "main" | "fbe" | "both"): Promise<"inngest" | "in-process"> {
  if (jobMode().mode !== "in-process") {
    try {
      await inngest.send(productsSyncRequested.create({ sync_id: syncId, account_type: accountType }));
      return "inngest";
    } catch (err) {
      logger.warn({ err, syncId }, "could not send the sync event to Inngest; running the sync in-process");
    }
  }
  runInBackground(syncId);
  return "in-process";
}

type RequestedBy = SyncActor & AuditActor;

async function createAndAnnounce(input: Partial<SyncRequest>, actor: RequestedBy) {
  const options = normaliseOptions(input);
  const log = await createSyncLog(options, { triggeredBy: actor.triggeredBy, userId: actor.userId });
  // A log whose audit write failed is never dispatched; it goes stale and the next request fails it.
  await recordAudit(db, {
    actorId: actor.userId ?? null,
    requestId: actor.requestId ?? null,
    action: "product_sync.start",
    entityType: "sync_log",
    entityId: log.id,
    newValues: { type: "products", status: log.status, accounts: log.accounts, mode: options.mode, options, triggered_by: actor.triggeredBy },
  });
  emit("sync:started", { syncId: log.id, accounts: log.accounts as ("main" | "fbe")[], mode: options.mode });
  return { log, options };
}

/** Runs a sync in this process and waits for its end (run_async: false). 409 when an account is busy. */
export async function syncProductsNow(input: Partial<SyncRequest>, actor: RequestedBy): Promise<SyncLogJson & { sync_id: string }> {
  const { log } = await createAndAnnounce(input, actor);
  return { sync_id: log.id, ...(await runProductSync(log.id)) };
}

/** POST /sync: creates the log (409 when an account is busy), then runs it in the background, or waits. */
export async function startProductSync(input: Partial<SyncRequest>, actor: RequestedBy) {
  if (input.run_async === false) return { async: false as const, body: await syncProductsNow(input, actor) };
  const { log, options } = await createAndAnnounce(input, actor);
  const engine = await dispatch(log.id, options.account_type);
  return {
    async: true as const,
    body: {
      sync_id: log.id,
      status: "running" as const,
      accounts: log.accounts,
      mode: options.mode,
      message: `${options.mode === "full" ? "Full" : "Incremental"} sync of ${log.accounts.map((a) => a.toUpperCase()).join(" and ")} started (${engine === "inngest" ? "Inngest" : "in-process"}); follow it on GET /api/v1/emag/products/status or the "sync" channel.`,
    },
  };
}

/** Hourly schedule: incremental sync of both accounts; skipped (not an error) while one runs. */
export async function startScheduledSync(): Promise<{ syncId: string | null; skipped?: string }> {
  try {
    const log = await createSyncLog(normaliseOptions({ account_type: "both", mode: "incremental", conflict_strategy: "newest_wins" }), {
      triggeredBy: "schedule",
    });
    emit("sync:started", { syncId: log.id, accounts: log.accounts as ("main" | "fbe")[], mode: log.mode });
    return { syncId: log.id };
  } catch (err) {
    if (err instanceof AppError && (err.code === "conflict" || err.code === "unavailable")) return { syncId: null, skipped: err.message };
    throw err;
  }
}

/** DELETE /sync/{id}: ends a running sync at once; its workers stop at their next page or heartbeat. */
export async function cancelProductSync(id: string, actor: AuditActor = {}) {
  const log = await getSyncLog(id);
  if (log.status !== "running") throw new AppError("conflict", `Sync ${id} is not running (status: ${log.status})`, { details: { status: log.status } });
  const ended = await endSyncLog(id, "cancelled", "Cancelled by user");
  if (!ended) throw new AppError("conflict", `Sync ${id} is not running`, { details: { status: (await getSyncLog(id)).status } });
  abortLocal(id, "cancelled");
  await forgetSeenOffers();
  announceEnd(serializeSyncLog(ended));
  await recordAudit(db, {
    actorId: actor.userId ?? null,
    requestId: actor.requestId ?? null,
    action: "product_sync.cancel",
    entityType: "sync_log",
    entityId: id,
    oldValues: { status: "running" },
    newValues: { status: "cancelled", ...(actor.userId ? {} : { by: "system" }) },
  });
  return { id, status: "cancelled" as const };
}

/**
 * Fails running syncs whose worker has not written a heartbeat for staleAfterMs. Each one failed is
 * audited: with the user who asked (the cleanup route), or with no actor (boot, schedule).
 */
export async function cleanupStuckSyncs(staleAfterMs: number, reason = "Stuck: no heartbeat", actor: AuditActor = {}) {
  registerSyncMetrics(); // idempotent; the server calls this at boot, so /metrics lists them from the start
  const minutes = Math.round((staleAfterMs / 60_000) * 10) / 10;
  const message = `${reason} for over ${minutes} min; marked failed`;
  const ids = await failStaleLogs(staleAfterMs, message);
  if (ids.length) await forgetSeenOffers();
  if (ids.length) void raiseAlert("sync.stuck", { kind: "products", ids });
  for (const id of ids) {
    abortLocal(id, "stopped");
    syncErrors().inc({ account: "all", type: "stuck" });
    emit("sync:failed", { syncId: id, error: "Sync stopped responding and was marked failed" });
  }
  await recordAudits(
    db,
    ids.map((id) => ({
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: "product_sync.fail_stuck",
      entityType: "sync_log",
      entityId: id,
      oldValues: { status: "running" },
      newValues: { status: "failed", error: message, ...(actor.userId ? {} : { by: "stuck-sync cleanup" }) },
    })),
  );
  if (ids.length) logger.warn({ ids }, "stuck product syncs marked failed");
  return { cleaned: ids.length, ids };
}

/**
 * Server boot: a sync whose worker died with the previous process (crash, kill, deploy) stays
 * "running" with a stale heartbeat; mark it failed so the accounts are free again. Re-running
 * is always safe (upserts by account + offer id), so nothing is resumed automatically.
 */
export async function recoverInterruptedSyncs() {
  return cleanupStuckSyncs(STALE_HEARTBEAT_MS, "Interrupted (server restarted)");
}
