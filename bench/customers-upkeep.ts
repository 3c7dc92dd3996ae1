// npx tsx bench/customers-upkeep.ts [orders = 200000] [buyers = orders / 4] [--backfill N] [--sync] [--keep]
// The cost of customer upkeep, into a throwaway database (simulator orders from one buyer pool,
// both accounts, with the simulator's returns):
// 1. the full rebuild: the oldest orders stored as before the upkeep existed (no customer, no keys),
//    rebuilt from that; then rebuilt again on the base it made;
// 2. order pages of 100 through the real page transaction on that base: the newest 5,000 orders
//    (new orders of a running shop), then 5,000 re-synced with a new status; per page, the whole
//    transaction and the customer upkeep in it, and the upkeep's statements;
// 3. --backfill N: into an empty base, N orders written newest first as a backfill reads them
//    (older orders keep joining existing customers);
// 4. --sync: a 5,000-order MAIN backfill at 3000-4000 ms simulator latency with eMAG's real order
//    budget (bench/orders.ts's simulator process): the share of its wall time spent in page
//    transactions (overlaps counted once) and in the customer upkeep inside them.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resetEnvForTests } from "@/lib/env";

resetEnvForTests({ LOG_LEVEL: "silent" });
const flag = (name: string) => process.argv.indexOf(`--${name}`);
const args = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && !(all[i - 1] === "--backfill"));
const ORDERS = Number(args[0] ?? 200_000);
const BUYERS = Number(args[1] ?? Math.round(ORDERS / 4));
const BACKFILL = flag("backfill") > 0 ? Number(process.argv[flag("backfill") + 1]) : 0;
const NEW_ORDERS = Math.min(5_000, Math.round(ORDERS / 10));
const SEED = 20261201;

const { throwawayDatabase } = await import("./support");
const { migrateDeploy } = await import("@/lib/db/migrate");

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return `mean ${(s.reduce((a, b) => a + b, 0) / (s.length || 1)).toFixed(1)} ms, p50 ${at(0.5).toFixed(1)}, p95 ${at(0.95).toFixed(1)}`;
};

async function generate(orders: number, buyers: number) {
  const { createBuyerPool } = await import("@/lib/emag/simulator/data/buyers");
  const { generateOffer } = await import("@/lib/emag/simulator/data/offers");
  const { generateOrders } = await import("@/lib/emag/simulator/data/orders");
  const { generateRmas } = await import("@/lib/emag/simulator/data/rmas");
  const { orderSchema } = await import("@/lib/emag/schemas/orders");
  const { mapOrder } = await import("@/lib/orders/map");
  const nowMs = Date.now();
  const pool = createBuyerPool(SEED, buyers, nowMs);
  const accounts = (["main", "fbe"] as const).map((kind, i) => {
    const no = i + 1;
    const offers = Array.from({ length: 300 }, (_, k) => generateOffer(SEED, no, k, k, kind === "main" ? 100 : 200_000, nowMs));
    const ids = { nextOrderId: (kind === "main" ? 3_100_000_000 : 3_700_000_000) + 15_229_985, nextLineId: 87_000_000 + no * 5_000_000 };
    const list = generateOrders(SEED, no, Math.round(orders / 2), offers, kind === "main" ? 3 : 2, ids, nowMs, pool);
    return { kind, list, rmas: generateRmas(SEED, no, list, kind === "main" ? 3 : 2, pool.buyers, nowMs) };
  });
  const rows = accounts.flatMap((a) => a.list.map((o) => mapOrder(a.kind, orderSchema.parse(JSON.parse(JSON.stringify(o.wire))))));
  rows.sort((a, b) => (a.emag_created ?? "").localeCompare(b.emag_created ?? "")); // oldest first
  const returns = accounts.flatMap((a) =>
    a.rmas.map((r) => ({
      account: a.kind, emag_rma_id: r.emag_id, emag_order_id: r.order_id, request_status: r.request_status, return_type: r.type,
      refund_value: ((r.products as { refund_value: string }[] | undefined) ?? []).reduce((s, p) => s + Number(p.refund_value), 0).toFixed(2),
    })),
  );
  return { rows, returns };
}

type Rows = Awaited<ReturnType<typeof generate>>["rows"];

/** Orders as stored before the upkeep existed (no customer, no keys), in bulk; and the returns. */
async function storeBase(rows: Rows, returns: Awaited<ReturnType<typeof generate>>["returns"]) {
  const { pgPool } = await import("@/lib/db/pools");
  const { buyerSubset } = await import("@/lib/customers/upkeep");
  for (let i = 0; i < rows.length; i += 5_000) {
    const batch = rows.slice(i, i + 5_000).map(({ lines: _l, ...r }) => r);
    await pgPool("sync").query(
      `INSERT INTO emag_orders (account, emag_order_id, type, status, customer_name, customer_phone, shipping_address, billing_address,
         payment_mode_id, total, currency, cancellation_reason, emag_created_at, finalized_at, raw, content_hash, identity_created_at, buyer)
       SELECT x.account, x.emag_order_id, x.type, x.status, x.customer_name, x.customer_phone, x.shipping_address, x.billing_address,
         x.payment_mode_id, x.total, x.currency, x.cancellation_reason, x.emag_created::timestamp AT TIME ZONE 'Europe/Bucharest',
         x.finalization_date::timestamp AT TIME ZONE 'Europe/Bucharest', x.raw, x.content_hash,
         x.emag_created::timestamp AT TIME ZONE 'Europe/Bucharest', ${buyerSubset("(x.raw->'customer')")}
       FROM jsonb_to_recordset($1::jsonb) AS x(account "AccountKind", emag_order_id bigint, type int, status int, customer_name text,
         customer_phone text, shipping_address jsonb, billing_address jsonb, payment_mode_id int, total numeric, currency text,
         cancellation_reason jsonb, emag_created text, finalization_date text, raw jsonb, content_hash text)`,
      [JSON.stringify(batch)],
    );
  }
  await pgPool("sync").query(
    `INSERT INTO emag_returns (account, emag_rma_id, emag_order_id, request_status, return_type, refund_value, raw, content_hash)
     SELECT x.account, x.emag_rma_id, x.emag_order_id, x.request_status, x.return_type, x.refund_value, '{}', 'bench'
     FROM jsonb_to_recordset($1::jsonb) AS x(account "AccountKind", emag_rma_id bigint, emag_order_id bigint, request_status int, return_type int, refund_value numeric)`,
    [JSON.stringify(returns)],
  );
  await pgPool("sync").query("VACUUM ANALYZE emag_orders");
}

/** Writes rows through the real page transaction, 100 at a time; prints per-page figures. */
async function pages(label: string, rows: Rows) {
  const { observeOrderPages, upsertOrders } = await import("@/lib/orders/store");
  const { observeCustomerStatements } = await import("@/lib/customers/upkeep");
  const seen: { ms: number; upkeepMs: number }[] = [];
  const statements = new Map<string, { n: number; ms: number }>();
  observeOrderPages((p) => seen.push(p));
  observeCustomerStatements((sql, ms) => {
    const key = sql.replace(/\s+/g, " ").trim().slice(0, 70);
    const s = statements.get(key) ?? { n: 0, ms: 0 };
    statements.set(key, { n: s.n + 1, ms: s.ms + ms });
  });
  const t = performance.now();
  for (let i = 0; i < rows.length; i += 100) await upsertOrders(rows.slice(i, i + 100));
  observeOrderPages(undefined);
  observeCustomerStatements(undefined);
  console.log(`\n${label}: ${seen.length} pages of 100 in ${((performance.now() - t) / 1000).toFixed(1)} s, one at a time`);
  console.log(`  page transaction        ${stats(seen.map((p) => p.ms))}`);
  console.log(`  customer upkeep in it   ${stats(seen.map((p) => p.upkeepMs))}`);
  const stmtMs = [...statements.values()].reduce((a, s) => a + s.ms, 0) / seen.length;
  console.log(`  of which its statements ${stmtMs.toFixed(1)} ms per page (client-side time, mean per call below)`);
  for (const [sql, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 7))
    console.log(`    ${(s.ms / s.n).toFixed(2).padStart(7)} ms x ${String(s.n).padStart(4)}  ${sql}`);
}

async function closeAll() {
  const { disconnectDb } = await import("@/lib/db");
  const { closePgPool } = await import("@/lib/db/pools");
  await disconnectDb();
  await closePgPool("sync");
}

const database = await throwawayDatabase();
try {
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url });
  const { db } = await import("@/lib/db");
  const { pgPool } = await import("@/lib/db/pools");
  const { rebuildCustomers, refreshRfm } = await import("@/lib/customers/upkeep");

  let t = performance.now();
  const { rows, returns } = await generate(ORDERS, BUYERS);
  console.log(`customer upkeep bench: ${rows.length.toLocaleString("en")} orders (MAIN + FBE) from a pool of ${BUYERS.toLocaleString("en")} buyers, ${returns.length.toLocaleString("en")} returns; generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const base = rows.slice(0, rows.length - NEW_ORDERS);
  t = performance.now();
  await storeBase(base, returns);
  console.log(`stored ${base.length.toLocaleString("en")} orders as before the upkeep (no customers) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  const rebuild = async (label: string) => {
    const r = await rebuildCustomers();
    console.log(`rebuild, ${label}: ${(r.ms / 1000).toFixed(2)} s, ${r.customers.toLocaleString("en")} customers from ${r.orders.toLocaleString("en")} orders; phases (ms) ${JSON.stringify(r.phases)}`);
  };
  await rebuild("from orders without customers or stored keys");
  await rebuild("again, on the base it made");
  const rfm = await refreshRfm();
  console.log(`refreshRfm alone: ${rfm.ms} ms for ${rfm.customers.toLocaleString("en")} customers in the base`);

  await pages("new orders on that base", rows.slice(base.length));
  const resync = rows.slice(base.length).map((r) => ({ ...r, status: r.status === 4 ? 5 : 4, content_hash: `${r.content_hash}-resync` }));
  await pages("the same orders re-synced with a new status", resync);
  console.log(`customers now: ${(await db.customer.count()).toLocaleString("en")}`);

  if (BACKFILL) {
    await pgPool("sync").query("TRUNCATE emag_orders, customers, customer_keys, emag_returns CASCADE");
    await pages(`backfill into an empty base, ${BACKFILL.toLocaleString("en")} orders newest first`, rows.slice(-BACKFILL).reverse());
  }
  await closeAll();
  if (flag("sync") > 0) await syncShare();
} finally {
  if (flag("keep") > 0) console.log(`kept the database: ${database.url}`);
  else await database.drop();
}

async function syncShare() {
  const fresh = await throwawayDatabase();
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./orders.ts", import.meta.url)), "--simulator"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const sim = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout!.once("data", (d: Buffer) => resolve(JSON.parse(d.toString().trim().split("\n")[0]!) as { url: string }));
      child.once("exit", (code) => reject(new Error(`simulator exited (${code})`)));
    });
    await migrateDeploy(fresh.url);
    resetEnvForTests({ DATABASE_URL: fresh.url });
    const { db } = await import("@/lib/db");
    const { createEmagClient } = await import("@/lib/emag/client");
    const { SIM_CREDENTIALS } = await import("@/lib/emag/test-support");
    const { setSyncClientFactory } = await import("@/lib/sync/runtime");
    const { startOrdersSync, waitForOrderSyncs } = await import("@/lib/orders/service");
    const { ensureEmagAccounts } = await import("@/lib/accounts/ensure");
    const { observeOrderPages } = await import("@/lib/orders/store");
    const { observeCustomerStatements } = await import("@/lib/customers/upkeep");
    let lockWait = 0;
    observeCustomerStatements((sql, ms) => void (sql.includes("pg_advisory_xact_lock") && (lockWait += ms)));
    await ensureEmagAccounts();
    const client = createEmagClient({ kind: "main", baseUrl: sim.url, ...SIM_CREDENTIALS.main });
    setSyncClientFactory(() => client);
    const spans: [number, number, number][] = [];
    let connectWait = 0;
    observeOrderPages((p) => (spans.push([performance.now() - p.ms + p.connectMs, performance.now(), p.upkeepMs]), (connectWait += p.connectMs)));
    const t0 = performance.now();
    const { sync_id } = await startOrdersSync({ account_type: "main", mode: "backfill", days_back: 180 }, { triggeredBy: "api" });
    await waitForOrderSyncs();
    const wall = performance.now() - t0;
    observeOrderPages(undefined);
    observeCustomerStatements(undefined);
    let busy = 0;
    let end = 0;
    for (const [s, e] of spans.sort((a, b) => a[0] - b[0])) {
      if (e > end) busy += e - Math.max(s, end);
      end = Math.max(end, e);
    }
    const upkeep = spans.reduce((a, s) => a + s[2], 0);
    const log = await db.syncLog.findUniqueOrThrow({ where: { id: sync_id } });
    const ordersWall = Math.max(...spans.map((x) => x[1])) - t0; // the sync goes on with returns and RFM
    console.log(`\nMAIN backfill, ${log.createdCount.toLocaleString("en")} orders at 3000-4000 ms latency and 12 req/s: ${spans.length} pages, the last written after ${(ordersWall / 1000).toFixed(1)} s (whole sync with returns and RFM: ${(wall / 1000).toFixed(1)} s)`);
    const pageMs = spans.reduce((a, x) => a + (x[1] - x[0]), 0);
    console.log(`  page transactions in flight (overlaps once): ${(busy / 1000).toFixed(2)} s = ${((100 * busy) / ordersWall).toFixed(1)} % of the orders' wall`);
    const work = pageMs - lockWait;
    console.log(`  page transactions summed: ${(pageMs / 1000).toFixed(2)} s (after ${(connectWait / 1000).toFixed(2)} s waiting for pooled connections), of which waiting for the customer lock ${(lockWait / 1000).toFixed(2)} s`);
    console.log(`  statements' time: ${(work / 1000).toFixed(2)} s = ${((100 * work) / ordersWall).toFixed(1)} % of the orders' wall; customer upkeep ${((upkeep - lockWait) / 1000).toFixed(2)} s = ${((100 * (upkeep - lockWait)) / ordersWall).toFixed(1)} %, the rest ${((work - upkeep + lockWait) / 1000).toFixed(2)} s = ${((100 * (work - upkeep + lockWait)) / ordersWall).toFixed(1)} %`);
    setSyncClientFactory(undefined);
    await client.close();
    await closeAll();
  } finally {
    child.kill();
    await fresh.drop();
  }
}
