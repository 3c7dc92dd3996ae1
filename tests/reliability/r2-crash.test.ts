// R2: the server is SIGKILLed in the middle of a full product sync and an order backfill, then
// restarted. What must hold: no duplicates; the interrupted syncs are failed by the restarted
// server's boot recovery (nothing is resumed: re-running is idempotent); the next syncs complete
// with every offer and order stored once. The "server" is tests/reliability/fixtures/server-worker.ts,
// a real child process running the app's sync code and server.ts's boot steps (Next is not needed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { simControl, simStats } from "@/lib/emag/test-support";
import { env } from "@/lib/env";
import { startFastSimulator, useIsolatedDatabase } from "../sync/support";
import { resultRow } from "./support/run-dir";
import { duplicatesSql, fmt } from "./support/sync-clients";
import { killWorkers, spawnWorker, until } from "./support/worker";

useIsolatedDatabase();

const row = resultRow("R2", "SIGKILL mid-sync, restart");
let sim: EmagSimulator;

beforeAll(async () => {
  // 100 ms per request and eMAG's real budget in the first server: a few seconds per sync.
  sim = await startFastSimulator({ products: { main: 1275, fbe: 1271 }, orders: { main: 3000, fbe: 3000 }, latencyMs: 100 });
});
afterAll(async () => {
  row.report();
  killWorkers();
  await sim?.close();
});

const server = (phase: "sync" | "restart") => spawnWorker("server-worker.ts", `r2-${phase}`, { databaseUrl: env().DATABASE_URL, simUrl: sim.url, phase });

const dupes = async () =>
  (await Promise.all([duplicatesSql.products, duplicatesSql.orders, duplicatesSql.orderLines].map(async (q) => (await db.$queryRawUnsafe<{ n: number }[]>(q))[0]!.n))).reduce((a, b) => a + b, 0);

describe("R2 a server killed mid-sync", () => {
  it("fails the interrupted syncs at the next boot, and the next syncs complete without duplicates", { timeout: 120_000 }, async () => {
    const first = server("sync");
    const started = (await first.nextResult(30_000)) as { products: string; orders: string };
    // SIGKILL (no cleanup runs) once both syncs have written part of their data.
    await until(async () => {
      const [p, o] = await Promise.all([db.emagProduct.count(), db.emagOrder.count()]);
      // Both have written something, or the product sync is past half-way (on a loaded machine the
      // order backfill starts late): either way the kill lands before either sync is done.
      return (p >= 300 && o >= 600) || p >= 1200;
    }, 60_000, "both syncs writing");
    first.child.kill("SIGKILL");
    await first.exited;
    await new Promise((r) => setTimeout(r, 300)); // statements the dead process had already sent

    const simOffers = (await simStats(sim)).accounts;
    const totals = { offers: simOffers.main.offers + simOffers.fbe.offers, orders: simOffers.main.orders + simOffers.fbe.orders };
    const written = { offers: await db.emagProduct.count(), orders: await db.emagOrder.count() };
    const stuck = await db.syncLog.findMany({ where: { id: { in: [started.products, started.orders] } }, select: { id: true, status: true } });
    row.tried(`1 kill with ${fmt(written.offers)}/${fmt(totals.offers)} offers and ${fmt(written.orders)}/${fmt(totals.orders)} orders written`);
    row.check("killed mid-sync", written.offers < totals.offers && written.orders < totals.orders, `written ${JSON.stringify(written)} of ${JSON.stringify(totals)}`);
    row.check("syncs left running by the kill", stuck.every((s) => s.status === "running"), JSON.stringify(stuck));
    const dupesAfterKill = await dupes();
    row.check("0 duplicates after the kill", dupesAfterKill === 0, `${dupesAfterKill}`);

    await simControl(sim, "config", { latencyMs: 0 });
    const second = server("restart");
    const outcome = (await second.nextResult(90_000)) as {
      passes: string[][];
      product: { status: string; counters: { created: number; unchanged: number } };
      orders: { status: string; created: number; unchanged: number } | null;
    };
    await second.exited;
    row.tried("1 restart (boot recovery + next product and order syncs)");

    const killed = await db.syncLog.findMany({ where: { id: { in: [started.products, started.orders] } } });
    const byId = Object.fromEntries(killed.map((l) => [l.id, l]));
    const productLog = byId[started.products];
    const orderLog = byId[started.orders];
    row.check("interrupted product sync failed at boot", productLog?.status === "failed" && /Interrupted \(server restarted\)/.test(JSON.stringify(productLog.errors)),
      `${productLog?.status} ${JSON.stringify(productLog?.errors)}`);
    row.check("recovered by the boot's cleanupStuckSyncs", outcome.passes.flat().includes(started.products), JSON.stringify(outcome.passes));
    row.check("interrupted order sync failed at boot", orderLog?.status === "failed", `${orderLog?.status}`);
    row.check("next product sync completed", outcome.product.status === "completed", outcome.product.status);
    row.check("next order sync completed", outcome.orders?.status === "completed", `${outcome.orders?.status}`);

    const stored = { offers: await db.emagProduct.count(), orders: await db.emagOrder.count() };
    const after = await dupes();
    row.check("counts equal", stored.offers === totals.offers && stored.orders === totals.orders, `stored ${JSON.stringify(stored)} vs ${JSON.stringify(totals)}`);
    row.check("0 duplicates after the restart", after === 0, `${after}`);
    row.check("what the dead server wrote was kept", outcome.product.counters.unchanged >= written.offers && outcome.product.counters.created + outcome.product.counters.unchanged === totals.offers,
      JSON.stringify(outcome.product.counters));
    row.report(`interrupted syncs failed at boot, next syncs completed, counts equal, 0 duplicates`);
    expect(row.failures()).toEqual([]);
  });
});
