import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { env } from "@/lib/env";
import { createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { recoverInterruptedSyncs, syncProductsNow } from "@/lib/sync/service";
import { simControl, simOfferIds, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
let sim: EmagSimulator;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  // 150 ms per request: slow enough to kill the worker with part of the catalogue written.
  sim = await startFastSimulator({ products: { main: 3000, fbe: 2000 }, latencyMs: 150 });
});
afterAll(async () => {
  worker?.kill("SIGKILL");
  await sim.close();
});

const dupes = async () =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM emag_products GROUP BY account, emag_offer_id HAVING count(*) > 1) d`)[0]!.n;

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not reached in time");
}

describe("a server killed mid-sync", () => {
  it("leaves no duplicates; the stuck log is failed at the next boot; the next sync completes", { timeout: 60_000 }, async () => {
    const log = await createSyncLog(normaliseOptions({ account_type: "both", mode: "full" }), { triggeredBy: "user" });
    worker = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures/sync-worker.ts"), JSON.stringify({ databaseUrl: env().DATABASE_URL, simUrl: sim.url, syncId: log.id })], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    worker.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));

    // Kill it (SIGKILL: no cleanup runs) once several pages of both accounts are written.
    await until(async () => (await db.syncLog.findUniqueOrThrow({ where: { id: log.id } })).pages >= 12, 30_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    worker.kill("SIGKILL");
    await new Promise((r) => worker!.once("exit", r));
    // Postgres still runs what the dead worker had already sent; let that settle.
    await new Promise((r) => setTimeout(r, 500));

    const stuck = await db.syncLog.findUniqueOrThrow({ where: { id: log.id } });
    expect(stuck.status).toBe("running");
    const written = await db.emagProduct.count();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(5000);
    expect(await dupes()).toBe(0);

    // The next boot finds the log's heartbeat stale (aged here instead of waiting 90 s) and fails it.
    await db.$executeRaw`UPDATE sync_logs SET heartbeat_at = now() - interval '5 minutes' WHERE id = ${log.id}::uuid`;
    expect(await recoverInterruptedSyncs()).toEqual({ cleaned: 1, ids: [log.id] });
    const failed = await db.syncLog.findUniqueOrThrow({ where: { id: log.id } });
    expect(failed.status).toBe("failed");
    expect(failed.completedAt).not.toBeNull();
    expect(JSON.stringify(failed.errors)).toMatch(/Interrupted \(server restarted\)/);

    // Re-running is safe: what the dead worker wrote is recognised, the rest is created.
    await simControl(sim, "config", { latencyMs: 0 });
    const stop = useFastSyncClients(sim);
    try {
      const body = await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
      expect(body.status).toBe("completed");
      expect(body.counters.created + body.counters.unchanged).toBe(5000);
      expect(body.counters.unchanged).toBe(written);
    } finally {
      await stop();
    }
    expect(await db.emagProduct.count({ where: { account: "main" } })).toBe(3000);
    expect(await db.emagProduct.count({ where: { account: "fbe" } })).toBe(2000);
    expect(await dupes()).toBe(0);
    const ids = (await db.emagProduct.findMany({ where: { account: "fbe" }, select: { emagOfferId: true } })).map((r) => r.emagOfferId);
    expect(ids.sort()).toEqual(simOfferIds(sim, "fbe").sort());
  });
});
