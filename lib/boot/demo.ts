// Demo mode: with no eMAG credentials, the built-in eMAG simulator runs in-process and the
// app's MAIN and FBE accounts point at it.
import { resetEmagClients, setEmagSimulatorUrl } from "@/lib/emag/config";
import { simulatorOptionsFromEnv, startEmagSimulator, type EmagSimulator } from "@/lib/emag/simulator";
import { emagDemoMode } from "@/lib/env";
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
