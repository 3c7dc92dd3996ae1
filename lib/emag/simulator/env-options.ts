// Simulator options from the validated environment (EMAG_SIM_*), for the CLI and for server.ts
// when it starts the simulator in demo mode.
import { env } from "@/lib/env";
import type { EmagSimulatorOptions } from "./server";

export function simulatorOptionsFromEnv(overrides: EmagSimulatorOptions = {}): EmagSimulatorOptions {
  const e = env();
  return {
    port: e.EMAG_SIM_PORT,
    seed: e.EMAG_SIM_SEED,
    products: { main: e.EMAG_SIM_PRODUCTS_MAIN, fbe: e.EMAG_SIM_PRODUCTS_FBE },
    orders: e.EMAG_SIM_ORDERS,
    newOrdersPerMinute: e.EMAG_SIM_NEW_ORDERS_PER_MINUTE,
    latencyMs: e.EMAG_SIM_LATENCY_MS,
    faultRate: e.EMAG_SIM_FAULT_RATE,
    lostWriteRate: e.EMAG_SIM_LOST_WRITE_RATE,
    credentials: {
      main: { username: e.EMAG_SIM_MAIN_USERNAME, password: e.EMAG_SIM_MAIN_PASSWORD },
      fbe: { username: e.EMAG_SIM_FBE_USERNAME, password: e.EMAG_SIM_FBE_PASSWORD },
    },
    ...overrides,
  };
}
