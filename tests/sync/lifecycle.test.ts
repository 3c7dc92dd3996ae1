import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScheduledNow } from "@/inngest/in-process";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { metricsRegistry } from "@/lib/metrics/registry";
import { registerIo, type IoServer } from "@/lib/realtime/emit";
import type { SyncProgressPayload } from "@/lib/realtime/events";
import { createSyncLog } from "@/lib/sync/log-store";
import { userWithToken } from "../helpers/api";
import { normaliseOptions } from "@/lib/sync/options";
import { registerSyncMetrics } from "@/lib/sync/metrics";
import { runProductSync, syncProductsNow } from "@/lib/sync/service";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
const events: [string, Record<string, unknown>][] = [];

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 1000, fbe: 150 } });
  stopClients = useFastSyncClients(sim);
  registerIo({ to: () => ({ emit: (event: string, payload: Record<string, unknown>) => events.push([event, payload]) }) } as unknown as IoServer);
  registerSyncMetrics();
});
afterAll(async () => {
  registerIo(undefined);
  await stopClients();
  await sim.close();
});
beforeEach(() => void events.splice(0));

const named = (name: string) => events.filter(([e]) => e === name).map(([, p]) => p);
const metricValue = async (name: string, labels: Record<string, string> = {}) => {
  const m = (await metricsRegistry().getMetricsAsJSON()).find((x) => x.name === name);
  const v = (m?.values as { labels: Record<string, string>; value: number }[] | undefined)?.find((x) => Object.entries(labels).every(([k, val]) => x.labels[k] === val));
  return v?.value ?? 0;
};

describe("sync lifecycle", () => {
  it("announces start, per-page progress, the 25/50/75/100 % milestones once each, and the end", async () => {
    const body = await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "user" });
    expect(named("sync:started")).toEqual([{ syncId: body.id, accounts: ["main"], mode: "full" }]);
    const progress = named("sync:progress") as unknown as SyncProgressPayload[];
    expect(progress.length).toBeGreaterThanOrEqual(10);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ syncId: body.id, account: "main", page: 10, totalPages: 10, processed: 1000, total: 1000, percent: 100, operation: expect.any(String) });
    expect(last.itemsPerSecond).toBeGreaterThan(0);
    expect(last.etaSeconds).toBe(0);
    expect(named("sync:milestone").map((m) => m.percent)).toEqual([25, 50, 75, 100]);
    expect(named("sync:completed")).toEqual([
      { syncId: body.id, status: "completed", counters: { created: 1000, updated: 0, unchanged: 0, removed: 0, failed: 0, conflicts: 0 } },
    ]);
    expect(await metricValue("emag_sync_products_total", { account: "main", action: "created" })).toBe(1000);
    expect(await metricValue("emag_products_count", { account: "main" })).toBe(1000);
    expect(await metricValue("emag_sync_in_progress")).toBe(0);
  });

  it("stops at its timeout: in-flight requests are abandoned and the run fails as timed out", async () => {
    await simControl(sim, "config", { latencyMs: 1500 });
    const viewer = await userWithToken("viewer");
    try {
      const log = await createSyncLog(normaliseOptions({ account_type: "main", mode: "full", timeout_seconds: 10 }), { triggeredBy: "api" });
      // Pretend it started 9.3 s ago, so the deadline falls while pages are in flight.
      await db.$executeRaw`UPDATE sync_logs SET started_at = started_at - interval '9.3 seconds' WHERE id = ${log.id}::uuid`;
      const timeoutsBefore = await metricValue("emag_sync_timeouts_total");
      const started = Date.now();
      const result = await runProductSync(log.id);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.status).toBe("failed");
      expect(result.pages).toBe(0);
      expect(result.errors.at(-1)?.message).toBe("Timed out after 10 s");
      expect(await metricValue("emag_sync_timeouts_total")).toBe(timeoutsBefore + 1);
      expect(named("sync:failed")).toEqual([{ syncId: log.id, error: "Timed out after 10 s" }]);
      // Staff hear about it on the bell too.
      await expect.poll(() => db.notification.count({ where: { type: "sync.failed", userId: viewer.user.id } })).toBe(1);
    } finally {
      await simControl(sim, "config", { latencyMs: 0 });
    }
  });

  it("the hourly schedule runs an incremental sync of both accounts in-process, and skips while one runs", async () => {
    const result = (await runScheduledNow("productsSync")) as { id: string; status: string; accounts: string[]; mode: string; triggered_by: string };
    expect(result).toMatchObject({ status: "completed", accounts: ["main", "fbe"], mode: "incremental", triggered_by: "schedule" });
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: result.id } })).options).toMatchObject({ conflict_strategy: "newest_wins" });

    const busy = await createSyncLog(normaliseOptions({ account_type: "fbe" }), { triggeredBy: "user" });
    expect(await runScheduledNow("productsSync")).toMatchObject({ syncId: null, skipped: expect.stringMatching(/already running/) });
    await runProductSync(busy.id);
  });
});
