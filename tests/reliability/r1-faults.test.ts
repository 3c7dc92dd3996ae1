// R1: full product and order syncs against an eMAG that fails 20 % of requests (500/502/504 and
// hangs) at eMAG's real limits (3 req/s, 12 req/s for orders), with 429 bursts: every few seconds,
// for a second, a second client on each account (its own budget, not shared: another app instance,
// say) spends the same budget as the syncs, so the gateway refuses what is over and the syncs get
// 429s until they back off. What must hold: every offer and order stored once, counts equal the simulator's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { SIM_LIMITS } from "@/lib/emag/simulator/buckets";
import { simClient, simStats } from "@/lib/emag/test-support";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { syncProductsNow } from "@/lib/sync/service";
import { startFastSimulator, useIsolatedDatabase } from "../sync/support";
import { resultRow } from "./support/run-dir";
import { duplicatesSql, fmt, useSyncClients } from "./support/sync-clients";

useIsolatedDatabase();

const row = resultRow("R1", "product+order syncs at 20% faults + 429 bursts");
let sim: EmagSimulator;
let clients: ReturnType<typeof useSyncClients>;

beforeAll(async () => {
  // The simulator's default catalogue and order history; a hang answers 504 after 300 ms and the
  // client gives up on an attempt after 3 s. Gateway and clients both keep eMAG's real budget.
  sim = await startFastSimulator({ products: { main: 1275, fbe: 1271 }, orders: { main: 3000, fbe: 3000 }, faultRate: 0.2, hangMs: 300, limits: SIM_LIMITS });
  clients = useSyncClients(sim, { timeoutMs: 3000, budgets: "emag" });
});
afterAll(async () => {
  row.report();
  await clients?.stop();
  await sim?.close();
});

/** Bursts of a second, unshared budget on both accounts: `windowMs` of full-rate calls every `everyMs`. */
function burstsOf429(windowMs: number, everyMs: number) {
  const rogues = (["main", "fbe"] as const).map((kind) => simClient(sim, kind, { maxRetries: 0 }));
  let stopped = false;
  let bursts = 0;
  const loop = (async () => {
    while (!stopped) {
      bursts++;
      const until = Date.now() + windowMs;
      const caller = async (call: () => Promise<unknown>) => {
        while (!stopped && Date.now() < until) await call().catch(() => {});
      };
      await Promise.all(
        rogues.flatMap((c) => [
          ...Array.from({ length: 2 }, () => caller(() => c.productOffer.count())),
          ...Array.from({ length: 6 }, () => caller(() => c.order.count())),
        ]),
      );
      const pause = Date.now() + everyMs - windowMs;
      while (!stopped && Date.now() < pause) await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await Promise.all(rogues.map((c) => c.close()));
      return bursts;
    },
  };
}

const dupes = async (sql: string) => (await db.$queryRawUnsafe<{ n: number }[]>(sql))[0]!.n;
const countBy = async (table: "emag_products" | "emag_orders") => {
  const rows = await db.$queryRawUnsafe<{ account: string; n: number }[]>(`SELECT account::text, count(*)::int AS n FROM ${table} GROUP BY account`);
  const of = (a: string) => rows.find((r) => r.account === a)?.n ?? 0;
  return { main: of("main"), fbe: of("fbe") };
};

describe("R1 syncs through faults and 429 bursts", () => {
  it("stores every offer and order exactly once", { timeout: 150_000 }, async () => {
    const bursts = burstsOf429(1000, 3000);
    const runs = Promise.all([
      syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "api" }),
      (async () => {
        const started = await startOrdersSync({ account_type: "both", mode: "backfill", days_back: 180 }, { triggeredBy: "api" });
        await waitForOrderSyncs();
        return db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
      })(),
    ]);
    let burstCount = 0;
    const [products, orders] = await runs.finally(async () => void (burstCount = await bursts.stop()));
    const stats = await simStats(sim);

    const simOffers = { main: stats.accounts.main.offers, fbe: stats.accounts.fbe.offers };
    const simOrders = { main: stats.accounts.main.orders, fbe: stats.accounts.fbe.orders };
    const storedOffers = await countBy("emag_products");
    const storedOrders = await countBy("emag_orders");
    const simLines = [...sim.state.accounts.main.orders, ...sim.state.accounts.fbe.orders].reduce((s, o) => s + o.wire.products.length, 0);
    const storedLines = await db.emagOrderLine.count();
    const d = { products: await dupes(duplicatesSql.products), orders: await dupes(duplicatesSql.orders), lines: await dupes(duplicatesSql.orderLines) };
    const hits = clients.rateLimitHits();

    row.tried(`2 syncs, ${fmt(simOffers.main + simOffers.fbe)} offers, ${fmt(simOrders.main + simOrders.fbe)} orders`);
    row.tried(`${fmt(stats.totals.requests)} requests: ${fmt(stats.totals.faults)} faults, ${burstCount} bursts: ${fmt(stats.totals.rateLimited)} × 429 (${fmt(hits)} to the syncs)`);
    row.check("product sync completed", products.status === "completed", `status ${products.status}`);
    row.check("order sync completed", orders.status === "completed", `status ${orders.status}`);
    row.check("offer counts equal", storedOffers.main === simOffers.main && storedOffers.fbe === simOffers.fbe, `stored ${JSON.stringify(storedOffers)} vs ${JSON.stringify(simOffers)}`);
    row.check("order counts equal", storedOrders.main === simOrders.main && storedOrders.fbe === simOrders.fbe, `stored ${JSON.stringify(storedOrders)} vs ${JSON.stringify(simOrders)}`);
    row.check("order line counts equal", storedLines === simLines, `stored ${storedLines} vs ${simLines}`);
    row.check("0 duplicates", d.products + d.orders + d.lines === 0, JSON.stringify(d));
    // Without these the run proved nothing: the faults and the 429s must really have happened.
    row.check("faults injected", stats.totals.faults > 0, "none");
    row.check("429s reached the syncs", hits > 0, `${stats.totals.rateLimited} × 429 at the simulator, none to the syncs`);
    row.report(`counts equal (${fmt(storedOffers.main + storedOffers.fbe)} offers, ${fmt(storedOrders.main + storedOrders.fbe)} orders, ${fmt(storedLines)} lines), 0 duplicates`);
    expect(row.failures()).toEqual([]);
  });
});
