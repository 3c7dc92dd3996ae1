// Demo mode: with no eMAG credentials, the built-in eMAG simulator runs in-process and the
// app's MAIN and FBE accounts point at it.
import { resetEmagClients, setEmagSimulatorUrl } from "@/lib/emag/config";
import { simulatorOptionsFromEnv, startEmagSimulator, type EmagSimulator } from "@/lib/emag/simulator";
import { emagDemoMode, env } from "@/lib/env";
import { logger } from "@/lib/logger";

type DemoGlobal = { __magflowSimulator?: EmagSimulator };
const g = globalThis as DemoGlobal;

export interface DemoBackends {
  mode: "live" | "demo";
  simulatorUrl?: string;
  stop: () => Promise<void>;
}

/** The in-process simulator, when demo mode runs one (e.g. for its control API in tests). */
export const demoSimulator = () => g.__magflowSimulator;

export async function startDemoBackends(): Promise<DemoBackends> {
  if (!emagDemoMode()) return { mode: "live", stop: async () => resetEmagClients() };
  const external = env().EMAG_SIM_URL;
  if (external) {
    // A simulator shared by several instances (npm run cluster): point at it, start none here.
    setEmagSimulatorUrl(external);
    logger.info({ url: external }, "demo mode: using the eMAG simulator at EMAG_SIM_URL");
    return { mode: "demo", simulatorUrl: external, stop: async () => resetEmagClients() };
  }
  const options = simulatorOptionsFromEnv();
  let sim: EmagSimulator;
  try {
    sim = await startEmagSimulator(options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    // Another process (say, a standalone `npm run emag:sim`) holds the port: take a free one.
    logger.warn({ port: options.port }, "eMAG simulator port busy; using a free port");
    sim = await startEmagSimulator({ ...options, port: 0 });
  }
  g.__magflowSimulator = sim;
  setEmagSimulatorUrl(sim.url);
  logger.info({ url: sim.url, control: sim.controlUrl }, "demo mode: eMAG simulator started in-process");
  return {
    mode: "demo",
    simulatorUrl: sim.url,
    stop: async () => {
      await resetEmagClients();
      await sim.close();
      g.__magflowSimulator = undefined;
    },
  };
}

/**
 * Demo mode's first start fills the catalogue too: one full product sync of both demo accounts,
 * unless a product sync has ever run on this database. A normal sync (the sync page shows its
 * progress); several instances starting at once race for the per-account lock and one wins.
 */
export async function startFirstDemoCatalogSync(): Promise<string | undefined> {
  const { db } = await import("@/lib/db");
  const { SYNC_TYPE } = await import("@/lib/sync/log-store");
  if ((await db.syncLog.count({ where: { type: SYNC_TYPE } })) > 0) return undefined;
  const { startProductSync } = await import("@/lib/sync/service");
  try {
    const started = await startProductSync({ account_type: "both", mode: "full" }, { triggeredBy: "schedule" });
    const syncId = started.async ? started.body.sync_id : undefined;
    logger.info({ syncId }, "demo mode: first product sync of both demo accounts started");
    return syncId;
  } catch (err) {
    logger.info({ err: err instanceof Error ? err.message : String(err) }, "demo mode: first product sync not started (one is running)");
    return undefined;
  }
}
