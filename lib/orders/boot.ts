// Order-related boot steps (server.ts): each account's callback secret, the demo simulator's
// callback URLs, freeing order syncs whose worker died, and a first sync.
import { AppError } from "@/lib/api/errors";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { logger } from "@/lib/logger";
import { callbackToken, callbackUrlFor, startOrdersSync } from "@/lib/orders/service";
import { failStaleOrderSyncs } from "@/lib/orders/sync-log";
import { HEARTBEAT_MS } from "@/lib/sync/runtime";

/** In-process order syncs beat every HEARTBEAT_MS: silent for three beats, the worker is gone. */
const BOOT_STALE_MS = HEARTBEAT_MS * 3;

/**
 * Resolves once the callback URLs are set; `firstSync` settles when the first order sync has been
 * started (or skipped). A sync killed just before this restart still looks alive for a few
 * seconds: if one holds an account, the start is retried once after the heartbeat bound.
 */
export async function bootOrders(opts: { simulator?: EmagSimulator; port: number; inProcess: boolean }): Promise<{ firstSync: Promise<void> }> {
  for (const kind of ["main", "fbe"] as const) {
    const token = await callbackToken(kind);
    // The simulator calls the app the way eMAG would, on the loopback address it can always reach.
    opts.simulator?.setCallbackUrl(kind, callbackUrlFor(kind, token, `http://127.0.0.1:${opts.port}`));
  }
  // Order syncs whose worker died (this instance's previous process, or another instance) have a
  // stale heartbeat; a live one on another instance does not, and is left alone.
  const recover = async () => {
    if (!opts.inProcess) return;
    const failed = await failStaleOrderSyncs(BOOT_STALE_MS);
    if (failed.length) logger.warn({ ids: failed }, "order syncs interrupted by a restart marked failed");
  };
  const start = async (): Promise<"started" | "busy"> => {
    try {
      const started = await startOrdersSync({ account_type: "both", mode: "incremental" }, { triggeredBy: "schedule" });
      logger.info({ syncId: started.sync_id, engine: started.engine }, "first order sync started");
      return "started";
    } catch (err) {
      if (err instanceof AppError && (err.code === "conflict" || err.code === "unavailable")) return "busy";
      logger.error({ err }, "could not start the first order sync");
      return "started";
    }
  };
  await recover().catch((err) => logger.error({ err }, "order sync recovery failed"));
  if ((await start()) === "started" || !opts.inProcess) return { firstSync: Promise.resolve() };
  const firstSync = new Promise<void>((resolve) =>
    setTimeout(() => {
      void recover()
        .then(start)
        .then((r) => r === "busy" && logger.info("an order sync is running (another instance); the 5-minute schedule takes over"))
        .catch((err) => logger.error({ err }, "order sync recovery failed"))
        .finally(resolve);
    }, HEARTBEAT_MS * 4).unref(),
  );
  return { firstSync };
}
