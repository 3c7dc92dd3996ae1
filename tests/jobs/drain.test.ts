// Graceful drain (lib/jobs/shutdown.ts, server.ts on SIGTERM): new syncs get 503, running ones may
// finish within the bound; what is still running then stays "running" with its checkpoint, stops
// heartbeating, and is failed by heartbeat later (as another instance's boot would).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { isHalted, resetDrainForTests, startDraining } from "@/lib/jobs/drain";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { setJobMode } from "@/lib/jobs/mode";
import { drainJobs } from "@/lib/jobs/shutdown";
import { createOfferJob } from "@/lib/offers/jobs";
import { offerJobKinds } from "@/lib/offers/types";
import { requestCallbackSync, startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { HEARTBEAT_MS } from "@/lib/sync/runtime";
import { cleanupStuckSyncs, startProductSync, startScheduledSync } from "@/lib/sync/service";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();
let sim: EmagSimulator;
let stopClients: () => Promise<void>;
beforeAll(async () => {
  setJobMode({ mode: "in-process", reason: "drain test" });
  sim = await startFastSimulator({ products: { main: 3000, fbe: 3000 }, orders: { main: 40, fbe: 40 } });
  stopClients = useFastSyncClients(sim);
});
afterEach(() => resetDrainForTests());
afterAll(async () => {
  await stopClients?.();
  await sim?.close();
});

const code = (p: Promise<unknown>) => p.then(() => "ok", (err: unknown) => (err instanceof AppError ? err.status : String(err)));

describe("graceful drain", () => {
  it("refuses new syncs with 503 while draining", async () => {
    startDraining();
    expect(await code(startProductSync({ account_type: "both", mode: "full" }, { triggeredBy: "user" }))).toBe(503);
    expect(await code(startOrdersSync({ account_type: "both", mode: "incremental" }, { triggeredBy: "user" }))).toBe(503);
    await expect(requestCallbackSync("main", "123")).rejects.toThrow(AppError);
    expect((await startScheduledSync()).syncId).toBeNull();
    expect(await db.syncLog.count()).toBe(0);
    // Offer jobs too: a bulk change sent while this instance stops is refused before anything is written.
    expect(await code(createOfferJob({ kind: offerJobKinds[0], actor: { userId: null, triggeredBy: "user" }, spec: {}, items: [] }))).toBe(503);
    expect(await db.offerJob.count()).toBe(0);
  });

  it("waits for running syncs that finish within the bound", async () => {
    const started = await startOrdersSync({ account_type: "both", mode: "incremental" }, { triggeredBy: "user" });
    const drain = await drainJobs(20_000);
    expect(drain.drained).toBe(true);
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } })).status).toBe("completed");
    // Halted: a step that has not started never starts.
    expect(isHalted()).toBe(true);
    let ran = false;
    const step = inProcessStep("test").run("late", async () => (ran = true));
    expect(await Promise.race([step.then(() => "settled"), new Promise((r) => setTimeout(() => r("pending"), 300))])).toBe("pending");
    expect(ran).toBe(false);
  });

  it("leaves a sync still running at the bound as running, with its checkpoint; it goes stale by heartbeat", { timeout: 60_000 }, async () => {
    // Slow pages (60 of them at 500 ms each, a few lanes at a time): the sync cannot end within the bound.
    await simControl(sim, "config", { latencyMs: 500 });
    const started = await startProductSync({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
    const id = started.body.sync_id;
    // Some pages written, not all: drain from the middle of the sync.
    for (let i = 0; i < 200 && ((await db.syncLog.findUniqueOrThrow({ where: { id } })).pages ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const drain = await drainJobs(500);
    expect(drain.drained).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    const left = await db.syncLog.findUniqueOrThrow({ where: { id } });
    expect(left.status).toBe("running");
    expect(left.pages).toBeGreaterThan(0);
    expect(JSON.stringify(left.checkpoint)).toMatch(/"done":\[\d/);
    // No heartbeat any more: after three beats of silence, recovery (another instance's boot) fails it.
    expect((await cleanupStuckSyncs(HEARTBEAT_MS * 3, "Interrupted (server restarted)")).ids).toEqual([]);
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 3 + 1_000));
    expect((await cleanupStuckSyncs(HEARTBEAT_MS * 3, "Interrupted (server restarted)")).ids).toEqual([id]);
    await simControl(sim, "config", { latencyMs: 0 });
    await waitForOrderSyncs();
  });
});
