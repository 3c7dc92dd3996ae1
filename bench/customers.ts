// npm run bench:customers [-- --orders 200000 --buyers 50000 --seconds 10 --connections 4 --pages 20 --only rebuild]
// (`--only rebuild`: the two rebuilds only, without the list, summary and upkeep parts.)
// The customers at scale, into a throwaway database (TEST_DATABASE_URL's server, else an embedded
// PostgreSQL): a full rebuild from orders without customers, and again on the base it made; the
// list by net spend per segment under load (autocannon; the list is never cached); the summary
// uncached (computeCustomersSummary) and cached; then the customer upkeep per 100-order page through
// the real page transaction (upsertOrders): new orders of existing buyers, then the same orders
// re-synced with a new status. The upkeep's own, longer bench is bench/customers-upkeep.ts; the
// server's time for each upkeep statement (less disturbed by a busy machine): bench/customers-statements.ts
// on the database `--keep` leaves.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { emagTimestamp } from "@/lib/emag/time";
import { resetEnvForTests } from "@/lib/env";
import type { OrderRow } from "@/lib/orders/map";
const autocannon = createRequire(import.meta.url)("autocannon");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
async function serve(databaseUrl: string) {
  resetEnvForTests({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", API_RATE_LIMIT: "1000000000" });
  const { NextRequest } = await import("next/server");
  const { GET } = await import("@/app/api/v1/customers/route");
  const server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    GET(new NextRequest(new URL(req.url ?? "/", "http://bench.local"), { method: req.method, headers }), { params: Promise.resolve({}) }).then(async (response) => {
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    }).catch((err) => res.writeHead(500).end(String(err)));
  });
  server.keepAliveTimeout = 6e4;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
}
async function generate(orders: number, buyers: number) {
  const { db } = await import("@/lib/db");
  await db.$executeRawUnsafe(`
    INSERT INTO emag_orders (account, emag_order_id, type, status, total, currency, payment_mode_id, shipping_address, raw, content_hash,
      emag_created_at, emag_modified_at, awb_number, cancellation_reason)
    SELECT acct::"AccountKind", 4000000000 + g, CASE acct WHEN 'main' THEN 3 ELSE 2 END, status, total, 'RON', 1 + g % 3,
      jsonb_build_object('city', (ARRAY['Bucure\u0219ti','Cluj-Napoca','Ia\u0219i','Timi\u0219oara','Constan\u021Ba','Bra\u0219ov','Craiova','Gala\u021Bi'])[1 + b % 8]),
      jsonb_build_object('id', (4000000000 + g)::text, 'status', status, 'customer', jsonb_build_object(
        'id', (100000 + b)::text, 'email', md5('buyer' || b), 'name', CASE WHEN b % 20 = 0 THEN 'Firma ' || b || ' SRL' ELSE 'Client ' || b END,
        'phone_1', CASE g % 3 WHEN 0 THEN '07' || lpad(b::text, 8, '0') WHEN 1 THEN '+40 7' || lpad(b::text, 8, '0') ELSE '0040-7' || lpad(b::text, 8, '0') END,
        'legal_entity', CASE WHEN b % 20 = 0 THEN 1 ELSE 0 END, 'code', CASE WHEN b % 20 = 0 THEN 'RO' || (1000000 + b) END,
        'company', CASE WHEN b % 20 = 0 THEN 'Firma ' || b || ' SRL' END, 'shipping_city', 'x')),
      md5(g::text), at, at + interval '2 days', CASE WHEN status IN (3, 4, 5) THEN 'AWB' || g END,
      CASE WHEN status = 0 THEN jsonb_build_object('id', CASE WHEN g % 2 = 0 THEN 1 ELSE 5 END) END
    FROM (
      SELECT g, CASE WHEN g <= ${buyers} THEN g ELSE 1 + floor(${buyers} * power(r_buyer, 2))::int END AS b,
        CASE WHEN r_acct < 0.7 THEN 'main' ELSE 'fbe' END AS acct,
        CASE WHEN r_status < 0.08 THEN 0 WHEN r_status < 0.12 THEN 5 WHEN r_status < 0.20 THEN 1 + g % 3 ELSE 4 END AS status,
        round((20 + power(r_total, 2) * 2000)::numeric, 2) AS total,
        now() - r_at * interval '540 days' AS at
      FROM (SELECT g, random() AS r_buyer, random() AS r_acct, random() AS r_status, random() AS r_total, random() AS r_at
        FROM generate_series(1, ${orders}) g) r
    ) src`);
  await db.$executeRawUnsafe(`
    INSERT INTO emag_returns (account, emag_rma_id, emag_order_id, return_type, return_reason, request_status, refund_value, emag_date, raw, content_hash)
    SELECT account, 9000000 + row_number() OVER (), emag_order_id, 3, 1, (ARRAY[3, 6, 7])[1 + (emag_order_id % 3)::int], round(total / 2, 2),
      emag_created_at + interval '10 days', '{}'::jsonb, 'bench'
    FROM emag_orders WHERE status = 4 AND random() < 0.02`);
  await db.$executeRawUnsafe("VACUUM ANALYZE emag_orders");
  await db.$executeRawUnsafe("VACUUM ANALYZE emag_returns");
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
async function timed(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p95: pct(times, 95), n };
}
const verdict = (value: number, goal: number) => (value < goal ? "ok" : "MISSED");
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/**
 * `n` new orders of the generator's buyers (same buyer draw, ids after its orders) as the order sync
 * maps them, newest last; `resync` gives the same orders with another status.
 */
function newOrderRows(orders: number, buyers: number, n: number) {
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const g = orders + 1 + i;
    const b = 1 + Math.floor(buyers * Math.random() ** 2);
    const company = b % 20 === 0;
    const phone = ["07", "+40 7", "0040-7"][g % 3]! + String(b).padStart(8, "0");
    const customer = {
      id: String(100000 + b), email: md5(`buyer${b}`), name: company ? `Firma ${b} SRL` : `Client ${b}`, phone_1: phone,
      legal_entity: company ? 1 : 0, code: company ? `RO${1000000 + b}` : null, company: company ? `Firma ${b} SRL` : null, shipping_city: "x",
    };
    const account = Math.random() < 0.7 ? "main" : "fbe";
    const at = emagTimestamp(now - (n - i) * 60_000);
    const status = 1;
    return {
      account, emag_order_id: String(4_000_000_000 + g), type: account === "main" ? 3 : 2, status, customer_emag_id: customer.id,
      customer_name: customer.name, customer_email: customer.email, customer_phone: phone, customer_company: customer.company,
      shipping_address: { city: CITIES[b % 8] }, billing_address: null, payment_mode: null, payment_mode_id: 1 + (g % 3), payment_status: null,
      delivery_mode: null, locker_id: null, locker_name: null, total: Math.round((20 + Math.random() ** 2 * 2000) * 100) / 100, shipping_tax: null,
      currency: "RON", vouchers: [], line_count: 0, invoice_url: null, cancellation_reason: null, observation: null,
      emag_created: at, emag_modified: at, finalization_date: null, raw: { id: 4_000_000_000 + g, status, customer } as never,
      content_hash: md5(`new${g}`), lines: [],
    } satisfies OrderRow;
  });
}
const CITIES = ["Bucure\u0219ti", "Cluj-Napoca", "Ia\u0219i", "Timi\u0219oara", "Constan\u021Ba", "Bra\u0219ov", "Craiova", "Gala\u021Bi"];

/** Writes rows through the real page transaction, 100 at a time, one page after another. */
async function upkeepPages(rows: OrderRow[]) {
  const { observeOrderPages, upsertOrders } = await import("@/lib/orders/store");
  const { observeCustomerStatements } = await import("@/lib/customers/upkeep");
  const pages: { ms: number; upkeepMs: number; statementsMs: number }[] = [];
  let statementsMs = 0;
  observeCustomerStatements((_sql, ms) => void (statementsMs += ms));
  observeOrderPages((p) => {
    pages.push({ ms: p.ms, upkeepMs: p.upkeepMs, statementsMs });
    statementsMs = 0;
  });
  try {
    for (let i = 0; i < rows.length; i += 100) await upsertOrders(rows.slice(i, i + 100));
  } finally {
    observeOrderPages(undefined);
    observeCustomerStatements(undefined);
  }
  const of = (pick: (p: (typeof pages)[number]) => number) => pages.map(pick);
  return { pages: pages.length, page: of((p) => p.ms), upkeep: of((p) => p.upkeepMs), statements: of((p) => p.statementsMs) };
}
async function main() {
  const orders = arg("orders", 2e5);
  const buyers = arg("buyers", 5e4);
  const seconds = arg("seconds", 10);
  const connections = arg("connections", 4);
  const only = process.argv.indexOf("--only");
  const onlyRebuild = only > 0 && process.argv[only + 1] === "rebuild";
  resetEnvForTests({ LOG_LEVEL: "silent" });
  const { throwawayDatabase } = await import("./support");
  const database = await throwawayDatabase();
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url, LOG_LEVEL: "silent" });
  let child: ChildProcess | undefined;
  try {
    const { db } = await import("@/lib/db");
    let t = performance.now();
    await generate(orders, buyers);
    console.log(`generated ${orders.toLocaleString("en")} orders of ${buyers.toLocaleString("en")} buyers in ${((performance.now() - t) / 1e3).toFixed(1)} s`);
    const { rebuildCustomers } = await import("@/lib/customers/upkeep");
    t = performance.now();
    const rebuild = await rebuildCustomers();
    const rebuildS = (performance.now() - t) / 1e3;
    console.log(`rebuild from orders without customers: ${rebuildS.toFixed(1)} s; phases (ms) ${JSON.stringify(rebuild.phases)}`);
    t = performance.now();
    const again = await rebuildCustomers();
    const keptS = (performance.now() - t) / 1e3;
    console.log(`rebuild again, on the base it made: ${keptS.toFixed(1)} s; phases (ms) ${JSON.stringify(again.phases)}`);
    if (onlyRebuild) {
      console.log(`  load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
      return;
    }
    // As autovacuum would after a rebuild: fresh statistics and visibility map (index-only scans).
    await db.$executeRawUnsafe("VACUUM ANALYZE customers");
    await db.$executeRawUnsafe("VACUUM ANALYZE emag_orders");
    const segments = await db.$queryRawUnsafe<{ rfm_segment: string; n: number }[]>(`SELECT rfm_segment, count(*)::int AS n FROM customers WHERE rfm_segment IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`);
    console.log(`rebuild: ${rebuild.customers.toLocaleString("en")} customers from ${rebuild.orders.toLocaleString("en")} orders; segments ${segments.map((s) => `${s.rfm_segment} ${s.n}`).join(", ")}`);
    const { createUser } = await import("@/lib/users/service");
    const { issueToken } = await import("@/lib/auth/tokens");
    const user = await createUser({ email: "bench@example.com", name: "Bench", password: "bench-password-1", role: "viewer" }, null);
    const { token } = await issueToken(user.id, { name: "bench", kind: "api" });
    child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", database.url], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.once("data", (d: Buffer) => resolve((JSON.parse(d.toString().trim().split("\n")[0]!) as { port: number }).port));
      child!.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${token}` };
    const requests = segments.flatMap((s) => [1, 2, 3].map((page) => ({ method: "GET", path: `/api/v1/customers?segment=${s.rfm_segment}&sort=net_spend&order=desc&page=${page}&pageSize=20` })));
    const probe = await fetch(url + requests[0]!.path, { headers });
    if (probe.status !== 200) throw new Error(`list probe: HTTP ${probe.status} ${await probe.text()}`);
    await autocannon({ url, connections, duration: 2, headers, requests });
    const times: number[] = [];
    const run = autocannon({ url, connections, duration: seconds, headers, requests });
    run.on("response", (_c: unknown, _s: unknown, _b: unknown, ms: number) => times.push(ms));
    const result = await run;
    const list = { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), rps: times.length / result.duration, bad: result.non2xx + result.errors + result.timeouts };
    const { computeCustomersSummary, customersSummary } = await import("@/lib/customers/summary");
    const { invalidateCache, cacheStats } = await import("@/lib/cache");
    await computeCustomersSummary();
    const uncached = await timed(15, computeCustomersSummary);
    await invalidateCache("customers");
    await customersSummary({ pii: true });
    const cachedRead = await timed(500, () => customersSummary({ pii: true }));
    const backend = (await cacheStats()).backend;
    // Last, so its writes do not disturb the reads above: order pages with their customer upkeep.
    const pageCount = arg("pages", 20);
    const fresh = newOrderRows(orders, buyers, pageCount * 100);
    const added = await upkeepPages(fresh);
    const resynced = await upkeepPages(fresh.map((r) => ({ ...r, status: 2, raw: { ...(r.raw as object), status: 2 } as never, content_hash: `${r.content_hash}-2` })));
    const row = (label: string, value: string, goal: string, ok: string) => console.log(`  ${label.padEnd(58)} ${value.padStart(22)}   goal ${goal.padEnd(9)} ${ok}`);
    console.log(`\nCustomers, ${rebuild.customers.toLocaleString("en")} customers / ${rebuild.orders.toLocaleString("en")} orders (${os.cpus().length} CPU cores shared by PostgreSQL, the server and the load)`);
    // Wall times on a shared machine: the load average says how much else ran meanwhile.
    console.log(`  load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
    row("full rebuild (rebuildCustomers)", `${rebuildS.toFixed(1)} s`, "< 10 s", verdict(rebuildS, 10));
    row(`list by net spend, one segment, ${connections} connections, p95`, `${list.p95.toFixed(1)} ms`, "< 50 ms", verdict(list.p95, 50));
    console.log(`    (p50 ${list.p50.toFixed(1)} ms, p99 ${list.p99.toFixed(1)} ms, ${list.rps.toFixed(0)} req/s, ${times.length} requests, ${list.bad} errors/non-2xx, ${requests.length} distinct URLs)`);
    row("summary uncached, p95 of 15", `${uncached.p95.toFixed(1)} ms`, "< 300 ms", verdict(uncached.p95, 300));
    console.log(`    (p50 ${uncached.p50.toFixed(1)} ms)`);
    row(`summary cached (${backend}), p95 of 500`, `${cachedRead.p95.toFixed(2)} ms`, "< 5 ms", verdict(cachedRead.p95, 5));
    console.log(`    (p50 ${cachedRead.p50.toFixed(2)} ms)`);
    row("full rebuild again, on the base it made", `${keptS.toFixed(1)} s`, "< 10 s", verdict(keptS, 10));
    for (const [label, u] of [["new orders", added], ["re-synced orders", resynced]] as const) {
      row(`upkeep per 100-order page, ${label}, mean of ${u.pages}`, `${mean(u.upkeep).toFixed(1)} ms`, "<= 10 ms", verdict(mean(u.upkeep), 10.05));
      console.log(`    (p50 ${pct(u.upkeep, 50).toFixed(1)} ms, p95 ${pct(u.upkeep, 95).toFixed(1)} ms; its statements' round trips ${mean(u.statements).toFixed(1)} ms; the whole page transaction ${mean(u.page).toFixed(1)} ms)`);
    }
  } finally {
    child?.kill();
    const { disconnectDb } = await import("@/lib/db");
    const { closeBulkPool } = await import("@/lib/sync/bulk-db");
    const { closePgPool } = await import("@/lib/db/pools");
    const { closeCache } = await import("@/lib/cache");
    await disconnectDb();
    await closeBulkPool();
    await closePgPool("read");
    await closePgPool("sync");
    await closeCache();
    if (process.argv.includes("--keep")) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}
if (process.argv[2] === "--serve") await serve(process.argv[3]!);
else await main();
