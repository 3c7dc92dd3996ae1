// Shared by the account tests: an isolated database, a temporary data folder and encryption key,
// the demo simulator the accounts start on, and helpers to read a simulator's request counters.
import { mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { stopAccountSnapshot } from "@/lib/accounts/snapshot";
import { closeBus } from "@/lib/cluster/bus";
import { resetEmagClients, setEmagSimulatorUrl } from "@/lib/emag/config";
import { startEmagSimulator, type EmagSimulator, type EmagSimulatorOptions } from "@/lib/emag/simulator";
import { FAST_LIMITS } from "@/lib/emag/test-support";
import { resetEnvForTests } from "@/lib/env";
import { useIsolatedDatabase } from "../sync/support";

export const startSim = (opts: EmagSimulatorOptions = {}) =>
  startEmagSimulator({ port: 0, orders: 0, newOrdersPerMinute: 0, latencyMs: 0, limits: FAST_LIMITS, ...opts });

/** Requests a simulator answered for an account (from its /__sim/stats control endpoint). */
export async function simRequests(sim: EmagSimulator, account: "main" | "fbe"): Promise<number> {
  const body = (await (await fetch(`${sim.controlUrl}/stats`)).json()) as { requests: Record<string, Record<string, number>> };
  return Object.values(body.requests[account] ?? {}).reduce((a, b) => a + b, 0);
}

export const newKey = () => randomBytes(32).toString("base64");

/** Isolated DB + data folder + key, both accounts on a demo simulator. Returns live handles. */
export function useAccountsEnvironment() {
  useIsolatedDatabase();
  const ctx = { demo: undefined as unknown as EmagSimulator, dataDir: "", key: newKey() };
  beforeAll(async () => {
    ctx.dataDir = await mkdtemp(path.join(os.tmpdir(), "magflow-accounts-"));
    resetEnvForTests({ DATA_DIR: ctx.dataDir, MAGFLOW_ENCRYPTION_KEY: ctx.key, MAGFLOW_ENCRYPTION_KEY_OLD: undefined, EMAG_MAIN_USERNAME: undefined, EMAG_MAIN_PASSWORD: undefined });
    ctx.demo = await startSim({ products: { main: 11, fbe: 7 } });
    setEmagSimulatorUrl(ctx.demo.url);
    await ensureEmagAccounts();
  });
  afterAll(async () => {
    stopAccountSnapshot();
    await resetEmagClients();
    await closeBus();
    await ctx.demo?.close();
    if (ctx.dataDir) await rm(ctx.dataDir, { recursive: true, force: true });
  });
  return ctx;
}
