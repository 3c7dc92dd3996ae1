// npm run bench:offers
// A bulk price change of 1,000 MAIN offers while a full product sync of MAIN runs, against the
// eMAG simulator (its own process) at 3000-4000 ms latency with eMAG's real budget (3 req/s per
// account), shared by both through the account's one limiter, as in the app. Printed next to the
// physical limits: 20 offer/save calls / 3 req/s + one latency for the bulk alone, and all calls
// of both / 3 req/s + one latency for the two together.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resetEnvForTests } from "@/lib/env";

resetEnvForTests({ LOG_LEVEL: "silent" });
const { migrateDeploy } = await import("@/lib/db/migrate");

const LATENCY = "3000-4000";
const MEAN_LATENCY_S = 3.5;
const CATALOGUE = 3_000;
const BULK = 1_000;

if (process.argv[2] === "--simulator") {
  const { startEmagSimulator } = await import("@/lib/emag/simulator");
  const sim = await startEmagSimulator({ port: 0, products: { main: CATALOGUE, fbe: 0 }, orders: 0, newOrdersPerMinute: 0, latencyMs: LATENCY });
  console.log(JSON.stringify({ url: sim.url }));
  await new Promise(() => {});
}

async function simulatorProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--simulator"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve((JSON.parse(d.toString().trim().split("\n")[0]!) as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
  });
  return { url, control: `${new URL(url).origin}/__sim`, stop: () => void child.kill() };
}

const { throwawayDatabase } = await import("./support");
const database = await throwawayDatabase();
const sim = await simulatorProcess();
try {
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url });
  const { createEmagClient } = await import("@/lib/emag/client");
  const { SIM_CREDENTIALS } = await import("@/lib/emag/test-support");
  const { setSyncClientFactory } = await import("@/lib/sync/runtime");
  const { syncProductsNow } = await import("@/lib/sync/service");
  const { applyBulk } = await import("@/lib/offers/service");
  const { waitForOfferJobs } = await import("@/lib/offers/runner");
  const { db } = await import("@/lib/db");
  const main = createEmagClient({ kind: "main", baseUrl: sim.url, ...SIM_CREDENTIALS.main });
  setSyncClientFactory(() => main);

  console.log(`offer writes: bulk change of ${BULK.toLocaleString("en")} MAIN offers during a full MAIN product sync (${CATALOGUE.toLocaleString("en")} offers)`);
  console.log(`simulator latency ${LATENCY} ms; eMAG budget 3 req/s per account, one limiter shared by the sync and the writes\n`);
  const seed = await syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "api" });
  console.log(`seed sync: ${seed.status}, ${await db.emagProduct.count()} offers stored`);

  // 1,000 offers with room for +1 % inside their [min, max].
  const picked = await db.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM emag_products
    WHERE account = 'main' AND removed_at IS NULL AND sale_price * 1.011 < max_sale_price AND sale_price > min_sale_price
    ORDER BY emag_offer_id LIMIT ${BULK}::int`;
  if (picked.length < BULK) throw new Error(`only ${picked.length} offers have room for the change`);
  await fetch(`${sim.control}/stats/reset`, { method: "POST" });
  const limitedBefore = main.usage().buckets.default.rateLimitHits;

  const t0 = performance.now();
  let syncEnd = 0;
  const syncRun = syncProductsNow({ account_type: "main", mode: "full" }, { triggeredBy: "api" }).then((r) => ((syncEnd = performance.now()), r));
  const { job } = await applyBulk(
    { selection: { ids: picked.map((p) => p.id) }, operation: { price: { mode: "percent", value: 1, round: "none" } }, exclude_invalid: false },
    { userId: null, triggeredBy: "api" },
    null,
  );
  await waitForOfferJobs();
  const bulkEnd = performance.now();
  const sync = await syncRun;
  const ended = await db.offerJob.findUniqueOrThrow({ where: { id: job.id } });
  const items = await db.offerJobItem.groupBy({ by: ["status"], where: { jobId: job.id }, _count: { _all: true } });
  const stats = (await (await fetch(`${sim.control}/stats`)).json()) as {
    writes: { main: { requests: number; applied: number; perOffer: Record<string, number> } };
    requests: Record<string, Record<string, number>>;
    rateLimited: Record<string, number>;
  };
  const limited = main.usage().buckets.default.rateLimitHits - limitedBefore;
  const calls = Object.entries(stats.requests.main ?? {}).reduce((n, [, v]) => n + v, 0);
  const twice = Object.values(stats.writes.main.perOffer).filter((n) => n > 1).length;
  const bulkS = (bulkEnd - t0) / 1000;
  const syncS = (syncEnd - t0) / 1000;
  const saveCalls = Math.ceil(BULK / 50);
  const bulkLimit = saveCalls / 3 + MEAN_LATENCY_S;
  const bothLimit = calls / 3 + MEAN_LATENCY_S;
  console.log("");
  console.log(`bulk job:        ${ended.status}, ${items.map((i) => `${i._count._all} ${i.status}`).join(", ")}; ${stats.writes.main.requests} offer/save calls`);
  console.log(`                 wall ${bulkS.toFixed(1)} s; physical limit alone ${bulkLimit.toFixed(1)} s (${saveCalls} calls / 3 req/s + ${MEAN_LATENCY_S} s latency)`);
  console.log(`product sync:    ${sync.status}, ${sync.pages} pages; wall ${syncS.toFixed(1)} s`);
  console.log(`both together:   ${Math.max(bulkS, syncS).toFixed(1)} s; physical limit ${bothLimit.toFixed(1)} s (${calls} calls of both on MAIN / 3 req/s + ${MEAN_LATENCY_S} s)`);
  console.log(`429 answers:     ${limited} (client), ${stats.rateLimited.main ?? 0} (simulator)`);
  console.log(`applied twice:   ${twice} offers (simulator write counter); applied once: ${Object.values(stats.writes.main.perOffer).filter((n) => n === 1).length}`);
  const [undone] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM offer_job_items i JOIN emag_products p ON p.id = i.product_id
    WHERE i.job_id = ${job.id}::uuid AND i.status = 'applied' AND round(p.sale_price, 4) <> round((i.changes->>'sale_price')::numeric, 4)`;
  console.log(`undone by sync:  ${undone!.n} offers whose stored price differs from the applied change`);
  const unknown = items.filter((i) => !["applied", "rejected"].includes(i.status)).reduce((n, i) => n + i._count._all, 0);
  console.log(`\ngoals: 0 x 429: ${limited === 0 && !(stats.rateLimited.main ?? 0) ? "met" : "NOT met"}; both finish: ${ended.status !== "running" && sync.status === "completed" ? "met" : "NOT met"}; every item applied or rejected: ${unknown === 0 ? "met" : "NOT met"}`);
  await main.close();
  setSyncClientFactory(undefined);
} finally {
  sim.stop();
  const { disconnectDb } = await import("@/lib/db");
  const { closeBulkPool } = await import("@/lib/sync/bulk-db");
  await disconnectDb();
  await closeBulkPool();
  await database.drop();
}
