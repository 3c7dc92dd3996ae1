import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { ordersSyncOptionsSchema } from "@/lib/orders/schemas";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { syncAccountOrders } from "@/lib/orders/sync";
import { createOrdersSyncLog, endOrdersSyncLog } from "@/lib/orders/sync-log";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  // 20 % of requests fail with 500/502/504 or hang (a hang answers 504 after 300 ms; the client
  // gives up on an attempt after 3 s, generous for a loaded CI machine), so pages need retries.
  sim = await startFastSimulator({ orders: { main: 3000, fbe: 2000 }, faultRate: 0.2, hangMs: 300 });
  stopClients = useFastSyncClients(sim, { timeoutMs: 3000 });
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

describe("order backfill against a flaky eMAG (fault rate 0.2)", () => {
  it("stores each of 5,000 orders exactly once, and a second backfill changes nothing", { timeout: 120_000 }, async () => {
    const started = await startOrdersSync({ account_type: "both", mode: "backfill", days_back: 180 }, { triggeredBy: "api" });
    await waitForOrderSyncs();
    const log = await db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
    expect(log).toMatchObject({ status: "completed", createdCount: 5000 });
    const stats = (await (await fetch(`${sim.controlUrl}/stats`)).json()) as { totals: { faults: number } };
    expect(stats.totals.faults).toBeGreaterThan(0);

    const rows = await db.$queryRaw<{ account: string; n: number; distinct_ids: number }[]>`
      SELECT account::text, count(*)::int AS n, count(DISTINCT emag_order_id)::int AS distinct_ids FROM emag_orders GROUP BY account ORDER BY account`;
    expect(rows).toEqual([
      { account: "fbe", n: 2000, distinct_ids: 2000 },
      { account: "main", n: 3000, distinct_ids: 3000 },
    ]);
    const stored = await db.$queryRaw<{ id: string }[]>`SELECT emag_order_id::text AS id FROM emag_orders WHERE account = 'main'`;
    expect(stored.map((r) => r.id).sort()).toEqual(sim.state.accounts.main.orders.map((o) => String(o.wire.id)).sort());
    const lines = await db.emagOrderLine.count();
    expect(lines).toBe([...sim.state.accounts.main.orders, ...sim.state.accounts.fbe.orders].reduce((s, o) => s + o.wire.products.length, 0));

    const again = await startOrdersSync({ account_type: "both", mode: "backfill", days_back: 180 }, { triggeredBy: "api" });
    await waitForOrderSyncs();
    expect(await db.syncLog.findUniqueOrThrow({ where: { id: again.sync_id } })).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 0, unchangedCount: 5000 });
    expect(await db.emagOrder.count()).toBe(5000);
  });

  it("counters stay true when an account step is retried: re-read orders are not counted twice", async () => {
    const options = ordersSyncOptionsSchema.parse({ account_type: "main", mode: "backfill", days_back: 180 });
    const log = await createOrdersSyncLog(options, { triggeredBy: "api" });
    await db.$executeRaw`DELETE FROM emag_orders WHERE account = 'main' AND emag_order_id IN (
      SELECT emag_order_id FROM emag_orders WHERE account = 'main' ORDER BY emag_order_id LIMIT 40)`;
    // Attempt 1 writes everything and then "fails"; the step's retry reads every page again.
    await syncAccountOrders(log.id, "main", options);
    const retry = await syncAccountOrders(log.id, "main", options);
    expect(retry).toMatchObject({ created: 0, unchanged: 3000 });
    const ended = await endOrdersSyncLog(log.id, [retry]);
    expect(ended).toMatchObject({ status: "completed", createdCount: 40, updatedCount: 0, unchangedCount: 2960 });
  });
});
