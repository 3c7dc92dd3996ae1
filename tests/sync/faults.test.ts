import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { syncProductsNow } from "@/lib/sync/service";
import { simOfferIds, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  // 20 % of requests fail with 500/502/504 or hang; a hang answers 504 after 300 ms here, and the
  // client gives up on an attempt after 1 s, so the run stays short.
  sim = await startFastSimulator({ products: { main: 1800, fbe: 1200 }, faultRate: 0.2, hangMs: 300 });
  stopClients = useFastSyncClients(sim, { timeoutMs: 1000 });
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

describe("product sync against a flaky eMAG (fault rate 0.2)", () => {
  it("completes with every offer stored exactly once", async () => {
    const body = await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "api" });
    expect(body.status).toBe("completed");
    expect(body.counters).toMatchObject({ created: 3000, failed: 0 });
    const faults = (await (await fetch(`${sim.controlUrl}/stats`)).json()) as { totals: { faults: number } };
    expect(faults.totals.faults).toBeGreaterThan(0);
    // Every failed attempt was retried, and the log counts the attempts.
    expect(body.api_requests).toBeGreaterThan(body.pages + 2);

    const rows = await db.$queryRaw<{ account: string; n: number; distinct_ids: number }[]>`
      SELECT account::text, count(*)::int AS n, count(DISTINCT emag_offer_id)::int AS distinct_ids FROM emag_products GROUP BY account ORDER BY account`;
    expect(rows).toEqual([
      { account: "fbe", n: 1200, distinct_ids: 1200 },
      { account: "main", n: 1800, distinct_ids: 1800 },
    ]);
    const main = await db.emagProduct.findMany({ where: { account: "main" }, select: { emagOfferId: true } });
    expect(main.map((r) => r.emagOfferId).sort()).toEqual(simOfferIds(sim, "main").sort());
  });

  it("a re-run over the same faults is safe: nothing new, nothing duplicated", async () => {
    const body = await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "api" });
    expect(body.status).toBe("completed");
    expect(body.counters).toMatchObject({ created: 0, updated: 0, unchanged: 3000, removed: 0, failed: 0 });
    expect(await db.emagProduct.count()).toBe(3000);
  });
});
