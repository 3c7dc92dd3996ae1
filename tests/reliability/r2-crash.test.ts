// R2: the server is SIGKILLed in the middle of a full product sync and an order backfill, then
// restarted. What must hold: no duplicates; the interrupted syncs are failed by the restarted
// server's boot recovery (nothing is resumed: re-running is idempotent); the next syncs complete
// with every offer and order stored once. The "server" is tests/reliability/fixtures/server-worker.ts,
// a real child process running the app's sync code and server.ts's boot steps (Next is not needed).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { simControl, simStats } from "@/lib/emag/test-support";
import { env } from "@/lib/env";
import { startFastSimulator, useIsolatedDatabase } from "../sync/support";
import { resultRow, workerFile } from "./support/run-dir";
import { duplicatesSql, fmt } from "./support/sync-clients";

useIsolatedDatabase();

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const row = resultRow("R2", "SIGKILL mid-sync, restart");
let sim: EmagSimulator;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  // 100 ms per request and eMAG's real budget in the first server: a few seconds per sync.
  sim = await startFastSimulator({ products: { main: 1275, fbe: 1271 }, orders: { main: 3000, fbe: 3000 }, latencyMs: 100 });
});
afterAll(async () => {
  row.report();
  for (const c of children) c.kill("SIGKILL");
  await sim?.close();
});

/** Starts a server process; its stdout and stderr (the app's JSON logs) go to the run directory for R7. */
function server(phase: "sync" | "restart") {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures/server-worker.ts"), JSON.stringify({ databaseUrl: env().DATABASE_URL, simUrl: sim.url, phase })], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const log = createWriteStream(workerFile("logs", `r2-${phase}`), { flags: "a" });
  let stderr = "";
  const results: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let buffered = "";
  child.stdout!.on("data", (d: Buffer) => {
    log.write(d);
    buffered += d.toString();
    for (let i = buffered.indexOf("\n"); i >= 0; i = buffered.indexOf("\n")) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      if (line.startsWith("RESULT ")) results.push(JSON.parse(line.slice(7)) as Record<string, unknown>);
      waiters.splice(0).forEach((w) => w());
    }
  });
  child.stderr!.on("data", (d: Buffer) => (log.write(d), (stderr += d.toString())));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => (children.delete(child), log.end(), resolve(code))));
  const nextResult = async (ms: number) => {
    const end = Date.now() + ms;
    const seen = results.length;
    while (results.length === seen) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no result from the ${phase} server (exit ${child.exitCode})\n${stderr.slice(-3000)}`);
      await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 200)));
    }
    return results[seen]!;
  };
  return { child, exited, nextResult };
}

async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not reached within ${ms} ms`);
}

const dupes = async () =>
  (await Promise.all([duplicatesSql.products, duplicatesSql.orders, duplicatesSql.orderLines].map(async (q) => (await db.$queryRawUnsafe<{ n: number }[]>(q))[0]!.n))).reduce((a, b) => a + b, 0);

describe("R2 a server killed mid-sync", () => {
  it("fails the interrupted syncs at the next boot, and the next syncs complete without duplicates", { timeout: 120_000 }, async () => {
    const first = server("sync");
    const started = (await first.nextResult(30_000)) as { products: string; orders: string };
    // SIGKILL (no cleanup runs) once both syncs have written part of their data.
    await until(async () => {
      const [p, o] = await Promise.all([db.emagProduct.count(), db.emagOrder.count()]);
      return p >= 300 && o >= 600;
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
