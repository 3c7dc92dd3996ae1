import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncProducts } from "@/inngest/functions/sync-products";
import { syncProductsCleanup, syncProductsHourly } from "@/inngest/functions/sync-products-scheduled";
import { productsSyncRequested } from "@/inngest/events";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { schedules } from "@/lib/jobs/schedules";
import { createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { syncPages } from "@/lib/sync/pages";
import { syncStepsIdle } from "@/lib/sync/runtime";
import { countAccount, planSync } from "@/lib/sync/steps";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../../tests/sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 250, fbe: 0 } }); // 25 pages of 10: chunks 1-10, 11-20, 21-25
  stopClients = useFastSyncClients(sim);
});
afterAll(async () => {
  await syncStepsIdle(); // @inngest/test may still be finishing a step it started twice
  await stopClients();
  await sim.close();
});

const reads = () => sim.state.stats.requests.main?.["product_offer/read"] ?? 0;
const counts = () => sim.state.stats.requests.main?.["product_offer/count"] ?? 0;
const event = (syncId: string) => ({ name: productsSyncRequested.name, data: { sync_id: syncId, account_type: "main" } });

describe("emag-products-sync function", () => {
  it("is triggered by emag/products.sync-requested, once per sync id; the schedules come from the shared table", () => {
    expect(syncProducts.opts.triggers).toEqual([productsSyncRequested]);
    expect(syncProducts.opts.idempotency).toBe("event.data.sync_id");
    expect(syncProductsHourly.opts.triggers).toEqual([{ cron: schedules.productsSync.cron }]);
    expect(schedules.productsSync.cron).toBe("0 * * * *");
    expect(syncProductsCleanup.opts.triggers).toEqual([{ cron: schedules.productsSyncCleanup.cron }]);
  });

  it("runs a requested sync to completion, one step per chunk of pages", async () => {
    const log = await createSyncLog(normaliseOptions({ account_type: "main", mode: "full", items_per_page: 10 }), { triggeredBy: "user" });
    const t = new InngestTestEngine({ function: syncProducts, events: [event(log.id)] });
    const { result, ctx } = await t.execute();
    await syncStepsIdle();
    expect(result).toMatchObject({ id: log.id, status: "completed", counters: { created: 250, failed: 0 }, pages: 25 });
    const ids = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);
    expect(ids).toEqual(expect.arrayContaining(["plan", "count-main", "pages-main-1-10", "pages-main-11-20", "pages-main-21-25", "finalize-main", "finish"]));
  });

  it("a failing chunk step is retried alone: finished chunks are replayed from state, not fetched again", async () => {
    await db.emagProduct.deleteMany();
    const log = await createSyncLog(normaliseOptions({ account_type: "main", mode: "full", items_per_page: 10 }), { triggeredBy: "user" });
    const memo: Record<string, unknown> = {};
    const real = (id: string, fn: () => Promise<unknown>) => ({ id, handler: async () => (memo[id] = await fn()) });

    // First attempt: chunk 11-20 fails (say the worker lost its database connection). Inngest
    // would retry that step before the function saw the error; @inngest/test does not model
    // retries, so the two steps that only run after a final failure are stubbed in this attempt.
    const first = await new InngestTestEngine({
      function: syncProducts,
      events: [event(log.id)],
      steps: [
        real("plan", () => planSync(log.id)),
        real("count-main", () => countAccount(log.id, "main")),
        real("pages-main-1-10", () => syncPages(log.id, "main", 1, 10)),
        { id: "pages-main-11-20", handler: () => { throw new Error("connection reset"); } },
        real("pages-main-21-25", () => syncPages(log.id, "main", 21, 25)),
        { id: "record-failure-main", handler: () => ({ stubbed: true }) },
        { id: "finish", handler: () => ({ stubbed: true }) },
      ],
    }).execute();
    await syncStepsIdle();
    expect(first.result).toEqual({ stubbed: true });
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: log.id } })).status).toBe("running");
    expect(await db.emagProduct.count()).toBe(150);
    expect(Object.keys(memo).sort()).toEqual(["count-main", "pages-main-1-10", "pages-main-21-25", "plan"]);

    // The retry: Inngest replays the memoised steps and runs only the failed chunk (and what follows).
    const [readsBefore, countsBefore] = [reads(), counts()];
    const memoised = Object.entries(memo).map(([id, value]) => ({ id, handler: () => value }));
    const retry = await new InngestTestEngine({ function: syncProducts, events: [event(log.id)], steps: memoised }).execute();
    expect(retry.result).toMatchObject({ status: "completed", counters: { created: 250, failed: 0 }, pages: 25 });
    expect(reads() - readsBefore).toBe(10); // pages 11-20 only
    expect(counts() - countsBefore).toBe(0);
    expect(await db.emagProduct.count()).toBe(250);
  });

  it("rejects a malformed event (schema validation) before any step runs", async () => {
    const t = new InngestTestEngine({ function: syncProducts, events: [{ name: productsSyncRequested.name, data: { sync_id: "nope" } }] });
    const { error, ctx } = await t.execute();
    expect(String((error as Error).message)).toMatch(/sync_id/);
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
