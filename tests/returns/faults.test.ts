import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { ordersSyncOptionsSchema } from "@/lib/orders/schemas";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { createOrdersSyncLog, endOrdersSyncLog } from "@/lib/orders/sync-log";
import { syncAccountReturns } from "@/lib/returns/sync";
import { syncClient } from "@/lib/sync/runtime";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  // 20 % of requests fail with 500/502/504 or hang (a hang answers 504 after 300 ms; the client
  // gives up on an attempt after 3 s), so rma reads need retries, and steps may be retried whole.
  sim = await startFastSimulator({ orders: { main: 3000, fbe: 3000 }, faultRate: 0.2, hangMs: 300 });
  stopClients = useFastSyncClients(sim, { timeoutMs: 3000 });
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

type Tally = { created: number; updated: number; completed: boolean };
const rmaRequests = (kind: "main" | "fbe") => (sim.state.stats.requests[kind]?.["rma/read"] ?? 0) + (sim.state.stats.requests[kind]?.["rma/count"] ?? 0);

async function syncAndCheck() {
  const started = await startOrdersSync({ account_type: "both" }, { triggeredBy: "api" });
  await waitForOrderSyncs();
  const log = await db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
  expect(log.status).toBe("completed");
  const rows = await db.$queryRaw<{ account: "main" | "fbe"; n: number; distinct_ids: number }[]>`
    SELECT account::text AS account, count(*)::int AS n, count(DISTINCT emag_rma_id)::int AS distinct_ids FROM emag_returns GROUP BY 1 ORDER BY 1`;
  const tallies = (log.progress as { returns: Record<"main" | "fbe", Tally> }).returns;
  for (const r of rows) {
    const expected = sim.state.accounts[r.account].rmas.length;
    expect(r).toEqual({ account: r.account, n: expected, distinct_ids: expected });
    // Counters stay exact across client retries and step retries: each return created once.
    expect(tallies[r.account]).toMatchObject({ created: expected, updated: 0, completed: true });
  }
  expect(rows.map((r) => r.account)).toEqual(["fbe", "main"]);
  const unlinked = await db.emagReturn.count({ where: { orderId: null } });
  expect(unlinked).toBe(0);
}

describe("returns sync against a flaky eMAG (fault rate 0.2)", () => {
  it("stores each return exactly once, with exact counters, whatever the faults hit", async () => {
    await syncAndCheck();
    // Make sure the rma reads themselves were faulted at least once: a clean read costs 1 count + 2 pages
    // per account, so more requests than that mean retries. Each round starts the returns from scratch.
    let retried = false;
    for (let round = 0; round < 4 && !retried; round++) {
      await db.$executeRaw`DELETE FROM emag_returns`;
      await db.$executeRaw`UPDATE sync_logs SET progress = progress - 'returns'`; // the next read is a first one again
      sim.state.stats.requests = {};
      await syncAndCheck();
      retried = rmaRequests("main") > 3 || rmaRequests("fbe") > 3;
    }
    expect(retried).toBe(true);
    expect(Object.values(sim.state.stats.faults).reduce((s, f) => s + Object.values(f).reduce((a, b) => a + b, 0), 0)).toBeGreaterThan(0);
  }, 240_000);

  it("counters stay true when a returns step is retried: re-read returns are not counted twice", async () => {
    const options = ordersSyncOptionsSchema.parse({ account_type: "main", mode: "backfill" });
    const log = await createOrdersSyncLog(options, { triggeredBy: "api" });
    await db.$executeRaw`DELETE FROM emag_returns WHERE account = 'main' AND emag_rma_id IN (
      SELECT emag_rma_id FROM emag_returns WHERE account = 'main' ORDER BY emag_rma_id LIMIT 40)`;
    const total = sim.state.accounts.main.rmas.length;
    // Attempt 1 writes everything and then "fails"; the step's retry reads every page again.
    await syncAccountReturns(log.id, "main", syncClient("main"), options);
    const retry = await syncAccountReturns(log.id, "main", syncClient("main"), options);
    expect(retry).toMatchObject({ created: 0, updated: 0, unchanged: total });
    const orders = { account: "main" as const, created: 0, updated: 0, unchanged: 0, pages: 0, requests: 0 };
    const ended = await endOrdersSyncLog(log.id, [orders], [retry]);
    expect(ended.status).toBe("completed");
    expect((ended.progress as { returns: { main: unknown } }).returns.main).toMatchObject({ created: 40, updated: 0, unchanged: total - 40, completed: true });
    expect(await db.emagReturn.count({ where: { account: "main" } })).toBe(total);
  }, 60_000);
});
