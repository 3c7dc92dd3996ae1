// Shared by the product-sync and product-API tests: a database of the file's own (sync locks and
// row counts must not see other test files running in parallel), and simulator-backed clients.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db";
import { closeBulkPool } from "@/lib/sync/bulk-db";
import { migrateDeploy } from "@/lib/db/migrate";
import { createEmagClient, type EmagClient } from "@/lib/emag/client";
import { resetEmagClients, setEmagSimulatorUrl } from "@/lib/emag/config";
import { startEmagSimulator, type EmagSimulator, type EmagSimulatorOptions } from "@/lib/emag/simulator";
import { FAST_LIMITS, SIM_CREDENTIALS } from "@/lib/emag/test-support";
import { env, resetEnvForTests } from "@/lib/env";
import { setSyncClientFactory } from "@/lib/sync/runtime";
import type { AccountKind } from "@/lib/sync/options";

/** Gives this test file a freshly migrated database of its own. */
export function useIsolatedDatabase() {
  let name = "";
  let serverUrl = "";
  beforeAll(async () => {
    serverUrl = env().DATABASE_URL!;
    name = `magflow_sync_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrateDeploy(url.toString());
    await disconnectDb();
    resetEnvForTests({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await disconnectDb();
    await closeBulkPool();
    resetEnvForTests({ DATABASE_URL: serverUrl });
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
}

/** A simulator with a 10x budget (tests about data, not about eMAG's limit). */
export const startFastSimulator = (opts: EmagSimulatorOptions = {}) =>
  startEmagSimulator({ port: 0, orders: 0, newOrdersPerMinute: 0, latencyMs: 0, limits: FAST_LIMITS, ...opts });

/** Syncs use clients with the same 10x budget; returns a cleanup. */
export function useFastSyncClients(sim: EmagSimulator, opts: { timeoutMs?: number } = {}) {
  const clients: Partial<Record<AccountKind, EmagClient>> = {};
  setSyncClientFactory((kind) =>
    (clients[kind] ??= createEmagClient({
      kind,
      baseUrl: sim.url,
      ...SIM_CREDENTIALS[kind],
      retryMinMs: 20,
      retryMaxMs: 200,
      timeoutMs: opts.timeoutMs ?? 10_000,
      limiter: { budgets: FAST_LIMITS },
    })),
  );
  return async () => {
    setSyncClientFactory(undefined);
    await Promise.all(Object.values(clients).map((c) => c.close()));
  };
}

/** Points the app's own clients (getEmagClient, real eMAG budget) at a simulator. */
export async function useAppClients(sim: EmagSimulator) {
  await resetEmagClients();
  setEmagSimulatorUrl(sim.url);
}

export async function simControl(sim: EmagSimulator, path: string, body: unknown = {}) {
  const res = await fetch(`${sim.controlUrl}/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/** Live offer ids per account, as the simulator holds them. */
export function simOfferIds(sim: EmagSimulator, account: AccountKind): string[] {
  return sim.state.accounts[account].offers.filter((o) => !o.deleted).map((o) => String(o.id));
}
