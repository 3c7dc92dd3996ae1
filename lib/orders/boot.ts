// Order-related boot steps (server.ts): each account's callback secret, the demo simulator's
// callback URLs, freeing order syncs that died with the previous process, and a first sync.
import { AppError } from "@/lib/api/errors";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { logger } from "@/lib/logger";
import { callbackToken, callbackUrlFor, startOrdersSync } from "@/lib/orders/service";
import { failStaleOrderSyncs } from "@/lib/orders/sync-log";

export async function bootOrders(opts: { simulator?: EmagSimulator; port: number; inProcess: boolean }) {
  for (const kind of ["main", "fbe"] as const) {
    const token = await callbackToken(kind);
    // The simulator calls the app the way eMAG would, on the loopback address it can always reach.
    opts.simulator?.setCallbackUrl(kind, callbackUrlFor(kind, token, `http://127.0.0.1:${opts.port}`));
  }
  if (opts.inProcess) {
    // In-process order syncs of the previous process are gone with it.
    const failed = await failStaleOrderSyncs(0);
    if (failed.length) logger.warn({ ids: failed }, "order syncs interrupted by the restart marked failed");
  }
  try {
    const started = await startOrdersSync({ account_type: "both", mode: "incremental" }, { triggeredBy: "schedule" });
    logger.info({ syncId: started.sync_id, engine: started.engine }, "first order sync started");
  } catch (err) {
    if (!(err instanceof AppError && err.code === "conflict")) logger.error({ err }, "could not start the first order sync");
  }
}
