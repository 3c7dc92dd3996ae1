// npm run bench:orders
// Order history backfill against the eMAG simulator (its own process, as eMAG runs elsewhere) at
// 3000-4000 ms latency with eMAG's real order budget (12 req/s + 720/min per account), into a
// throwaway database. Printed next to the physical limit: pages / 12 req/s + one latency.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resetEnvForTests } from "@/lib/env";

resetEnvForTests({ LOG_LEVEL: "silent" });
const LATENCY = "3000-4000";
const MEAN_LATENCY_S = 3.5;
const ORDERS = 5000;

if (process.argv[2] === "--simulator") {
  const { startEmagSimulator } = await import("@/lib/emag/simulator");
  const sim = await startEmagSimulator({ port: 0, products: { main: 200, fbe: 0 }, orders: { main: ORDERS, fbe: 0 }, newOrdersPerMinute: 0, latencyMs: LATENCY });
  console.log(JSON.stringify({ url: sim.url, control: sim.controlUrl }));
  await new Promise(() => {}); // until the parent kills it
}

async function simulatorProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--simulator"], { stdio: ["ignore", "pipe", "inherit"] });
  const info = await new Promise<{ url: string; control: string }>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(JSON.parse(d.toString().trim().split("\n")[0]!) as { url: string; control: string }));
    child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
  });
  return { ...info, stop: () => void child.kill() };
}

const { throwawayDatabase } = await import("./support");
const { migrateDeploy } = await import("@/lib/db/migrate");
const database = await throwawayDatabase();
const sim = await simulatorProcess();
try {
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url });
  const { db } = await import("@/lib/db");
  const { createEmagClient } = await import("@/lib/emag/client");
  const { SIM_CREDENTIALS } = await import("@/lib/emag/test-support");
  const { setSyncClientFactory } = await import("@/lib/sync/runtime");
  const { startOrdersSync, waitForOrderSyncs } = await import("@/lib/orders/service");
  const { ensureEmagAccounts } = await import("@/lib/accounts/ensure");
  await ensureEmagAccounts();
  const client = createEmagClient({ kind: "main", baseUrl: sim.url, ...SIM_CREDENTIALS.main }); // eMAG's real budget
  setSyncClientFactory(() => client);

  const run = async (label: string, input: Parameters<typeof startOrdersSync>[0]) => {
    const t0 = performance.now();
    const { sync_id } = await startOrdersSync(input, { triggeredBy: "api" });
    await waitForOrderSyncs();
    const wallS = (performance.now() - t0) / 1000;
    const log = await db.syncLog.findUniqueOrThrow({ where: { id: sync_id } });
    return { label, wallS, log };
  };

  console.log(`eMAG order sync, MAIN with ${ORDERS.toLocaleString("en")} orders over 120 days; simulator latency ${LATENCY} ms; eMAG order budget 12 req/s\n`);
  const backfill = await run("backfill, 180 days (6 month windows)", { account_type: "main", mode: "backfill", days_back: 180 });
  const stored = await db.emagOrder.count();
  const distinct = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT emag_order_id) AS n FROM emag_orders`)[0]!.n);
  const again = await run("backfill again (all unchanged)", { account_type: "main", mode: "backfill", days_back: 180 });
  await fetch(`${sim.control}/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ account: "main", count: 20 }) });
  const incremental = await run("incremental after 20 new orders", { account_type: "main", mode: "incremental" });

  const pages = Math.ceil(ORDERS / 100);
  const limitS = pages / 12 + MEAN_LATENCY_S;
  const rows = [backfill, again, incremental].map((r) => [
    r.label,
    `${r.wallS.toFixed(1)} s`,
    String(r.log.pages),
    String(r.log.apiRequests),
    `${r.log.createdCount}/${r.log.updatedCount}/${r.log.unchangedCount}`,
    r.log.status,
  ]);
  const header = ["case", "wall", "pages", "requests", "created/updated/unchanged", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(fmt(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(fmt(r));
  console.log(`\nstored: ${stored.toLocaleString("en")} rows, ${distinct.toLocaleString("en")} distinct order ids`);
  console.log(`physical limit for ${ORDERS.toLocaleString("en")} orders: ${pages} pages / 12 req/s + one ${MEAN_LATENCY_S} s latency = ${limitS.toFixed(1)} s`);
  console.log(`goal: backfill of 5,000 orders in <= 15 s (old system: timed out at 300 s): ${backfill.wallS.toFixed(1)} s, ${backfill.wallS <= 15 ? "met" : "NOT met"}`);
  console.log("each month window costs its count and first page together (one latency), then its other pages in parallel at the budget.");
  setSyncClientFactory(undefined);
  await client.close();
} finally {
  sim.stop();
  const { disconnectDb } = await import("@/lib/db");
  const { closeBulkPool } = await import("@/lib/sync/bulk-db");
  await disconnectDb();
  await closeBulkPool();
  await database.drop();
}
