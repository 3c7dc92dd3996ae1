// npm run bench:api [-- --offers 100000 --seconds 15 --connections 32 --handpicked]
// GET /api/v1/emag/products/products with 100,000 offers stored: a filtered, searched page of 50,
// through the real route handler (bearer-token auth included) served by a small node:http server
// in a child process, loaded by autocannon from this one. Goals (issue 12): p95 < 25 ms at 4
// connections, >= 500 req/s at 32, the route within 15 % of the raw-SQL floor, and two-letter
// searches without a cliff.
// Next to each route figure, the raw-SQL floor: the same statements (lib/products/sql.ts) sent
// straight through a node-postgres pool with the read pool's settings, at the same concurrency, in
// the same run, from this process (no HTTP, no auth, no JSON parsing of the request).
// Runs on a throwaway database (TEST_DATABASE_URL's server, else an embedded PostgreSQL).
import { spawn } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { resetEnvForTests } from "@/lib/env";

// autocannon ships no type declarations; this is the slice used here.
type Cannon = ((opts: Record<string, unknown>) => Promise<CannonResult> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void });
type CannonResult = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number; duration: number };
const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;

const productSortsCycle = ["name", "sale_price", "general_stock", "last_synced_at", "part_number"] as const;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Child mode: the route handler behind node:http; prints its port. */
async function serve(databaseUrl: string) {
  // One token sends hundreds of requests a second: lift its per-user budget (lib/api/rate-limit.ts)
  // so the bench measures the route, not 429s. The limiter still runs (its cost is in the figures).
  resetEnvForTests({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", API_RATE_LIMIT: "1000000000" });
  const { NextRequest } = await import("next/server");
  const { GET: list } = await import("@/app/api/v1/emag/products/products/route");
  const { withAuth } = await import("@/lib/api/handler");
  // The floor: the same authentication (bearer token + permission) and nothing else.
  const authOnly = withAuth(async () => Response.json({ ok: true }), { permission: "products.read" });
  const server = http.createServer((req, res) => {
    const GET = req.url?.startsWith("/auth-only") ? authOnly : list;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new NextRequest(new URL(req.url ?? "/", "http://bench.local"), { method: req.method, headers });
    GET(request, { params: Promise.resolve({}) })
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
}


/** Stores `count` simulated offers (60 % MAIN, 40 % FBE) through the sync's own page statement. */
async function load(count: number) {
  const { createSimState } = await import("@/lib/emag/simulator/state");
  const { offerToWire } = await import("@/lib/emag/simulator/data/offers");
  const { productOfferSchema } = await import("@/lib/emag/schemas/offers");
  const { pagePayload } = await import("@/lib/sync/offer-row");
  const { writePage } = await import("@/lib/sync/page-store");
  const { createSyncLog, endSyncLog } = await import("@/lib/sync/log-store");
  const { normaliseOptions } = await import("@/lib/sync/options");
  const { db } = await import("@/lib/db");
  const main = Math.round(count * 0.6);
  const state = createSimState({ seed: 42, products: { main, fbe: count - main }, orders: { main: 0, fbe: 0 } });
  const log = await createSyncLog(normaliseOptions({ account_type: "both", mode: "full" }), { triggeredBy: "api" });
  for (const account of ["main", "fbe"] as const) {
    const acct = state.accounts[account];
    for (let i = 0, page = 1; i < acct.offers.length; i += 1000, page++) {
      const payload = pagePayload(acct.offers.slice(i, i + 1000).map((o) => productOfferSchema.parse(offerToWire(o, acct.warehouseId))));
      await writePage({ syncId: log.id, account, page, payload, strategy: "emag_priority", full: true, readAt: new Date() });
    }
  }
  await endSyncLog(log.id, "completed");
  await db.$executeRawUnsafe("VACUUM ANALYZE emag_products");
  return state;
}

async function main() {
  const offers = arg("offers", 100_000);
  const seconds = arg("seconds", 15);
  const connections = arg("connections", 32);
  resetEnvForTests({ LOG_LEVEL: "silent" });
  const { throwawayDatabase } = await import("./support");
  const database = await throwawayDatabase();
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(database.url);
  resetEnvForTests({ DATABASE_URL: database.url });
  let child: ReturnType<typeof spawn> | undefined;
  try {
    const t = Date.now();
    const state = await load(offers);
    console.log(`loaded ${offers.toLocaleString("en")} offers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const { createUser } = await import("@/lib/users/service");
    const { issueToken } = await import("@/lib/auth/tokens");
    const user = await createUser({ email: "bench@example.com", name: "Bench", password: "bench-password-1", role: "viewer" }, null);
    const { token } = await issueToken(user.id, { name: "bench", kind: "api" });

    child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "api.ts"), "--serve", database.url], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.once("data", (d: Buffer) => resolve((JSON.parse(d.toString().trim().split("\n")[0]!) as { port: number }).port));
      child!.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    });

    // Realistic list views: an account, a status, a search term, some filters, a sort; 50 a page.
    // Ten hand-picked views, plus 290 generated from the stored catalogue (seeded, so every run
    // sends the same mix): a brand, a product noun, an attribute, a part-number prefix, a PNK or an
    // EAN of a random offer, with a random account, status, sort, order, price/stock filter and page
    // 1-3, so the load is not one hot URL (or ten) that PostgreSQL keeps answering from warm pages.
    const sample = state.accounts.main.offers[1234]!;
    const handPicked = [
      "account=main&status=active&search=Samsung&sort=name",
      "account=main&status=active&search=Laptop&sort=sale_price&order=desc",
      "account=fbe&status=active&search=Bosch&stock_min=1&sort=general_stock&order=desc",
      "account=main&search=128GB&price_min=500&price_max=3000&sort=name",
      "account=fbe&status=active&search=Philips&sort=last_synced_at&order=desc",
      "account=main&status=active&search=Pro%20Max&sort=part_number",
      `account=main&search=${encodeURIComponent(sample.partNumber.slice(0, 6))}&sort=name`,
      `account=main&search=${sample.pnk}`,
      "account=fbe&status=inactive&search=Xiaomi&sort=name",
      "account=main&status=active&search=JBL&validation_status=9&sort=sale_price",
    ];
    const { createRng } = await import("@/lib/emag/simulator/prng");
    const rng = createRng(7, 31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
    const generated = Array.from({ length: 290 }, () => {
      const account = pick(["main", "fbe"] as const);
      const o = pick(state.accounts[account].offers);
      const words = o.name.split(/[\s,]+/).filter((w) => w.length >= 3);
      const term = pick([o.brand, o.brand, o.name.split(" ")[0]!, pick(words), o.partNumber.slice(0, 6), o.pnk, o.ean[0]!]);
      const q = new URLSearchParams({ account, search: term, sort: pick(["name", "sale_price", "general_stock", "last_synced_at", "part_number"]) });
      if (rng.next() < 0.7) q.set("status", pick(["active", "active", "active", "inactive"]));
      if (rng.next() < 0.5) q.set("order", "desc");
      if (rng.next() < 0.2) q.set("price_min", String(pick([100, 500, 1000])));
      if (rng.next() < 0.2) q.set("stock_min", "1");
      if (rng.next() < 0.3) q.set("page", String(pick([2, 3])));
      return q.toString();
    });
    // --handpicked: only the ten hand-picked views (the mix of the figures before 2026-11-23).
    const queries = (process.argv.includes("--handpicked") ? handPicked : [...handPicked, ...generated]).map((q) => ({ method: "GET" as const, path: `/api/v1/emag/products/products?${q}&pageSize=50` }));
    const headers = { authorization: `Bearer ${token}` };
    const url = `http://127.0.0.1:${port}`;

    for (const r of queries.slice(0, 3)) {
      const res = await fetch(url + r.path, { headers });
      const body = (await res.json()) as { total: number; data: unknown[] };
      if (res.status !== 200) throw new Error(`warm-up ${r.path}: HTTP ${res.status}`);
      console.log(`  ${r.path.split("?")[1]} -> ${body.total} matches, ${body.data.length} on the page`);
    }
    await autocannon({ url, connections, duration: 3, headers, requests: queries }); // warm-up
    const measure = async (c: number, requests: { method: "GET"; path: string }[], secs = seconds) => {
      const times: number[] = [];
      const run = autocannon({ url, connections: c, duration: secs, headers, requests });
      run.on("response", (_c, _s, _b, ms) => times.push(ms));
      const result = await run;
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
      return { p50: pct(50), p95: pct(95), p99: pct(99), rps: times.length / result.duration, n: times.length, bad: result.non2xx + result.errors + result.timeouts };
    };
    const fmt = (r: Awaited<ReturnType<typeof measure>>) =>
      `p50 ${r.p50.toFixed(1)} ms   p95 ${r.p95.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   ${r.rps.toFixed(0)} req/s   (${r.n} requests, ${r.bad} errors/non-2xx)`;

    // The raw-SQL floor: each route query's statement, built by the same code from the same parsed
    // query, sent through pg by `c` concurrent callers that cycle through the list as autocannon does.
    const { listProductsQuerySchema } = await import("@/lib/products/schemas");
    const { productListSql } = await import("@/lib/products/sql");
    const { pgStatement } = await import("@/lib/products/read-db");
    const { createPgPool } = await import("@/lib/db/pools");
    const statementOf = (p: string) => {
      const q = listProductsQuerySchema.parse(Object.fromEntries(new URL(p, url).searchParams));
      return pgStatement(productListSql(q), Boolean(q.search)); // as lib/products/service.ts sends it
    };
    const rawPool = createPgPool("read", database.url);
    const measureSql = async (c: number, paths: string[], secs = seconds) => {
      const statements = paths.map(statementOf);
      const times: number[] = [];
      let bad = 0;
      const end = performance.now() + secs * 1000;
      await Promise.all(Array.from({ length: c }, async (_, w) => {
        for (let i = w; performance.now() < end; i++) {
          const t = performance.now();
          try {
            const r = await rawPool.query<{ body: string }>(statements[i % statements.length]!);
            if (!r.rows[0]?.body) bad++;
          } catch {
            bad++;
          }
          times.push(performance.now() - t);
        }
      }));
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
      return { p50: pct(50), p95: pct(95), p99: pct(99), rps: times.length / secs, n: times.length, bad };
    };
    // Searches shorter than three characters (no trigram to look up): brands and tokens users type.
    const short = ["HP", "LG", "5G", "TV"].flatMap((term, i) => (["main", "fbe"] as const).map((account, j) =>
      `/api/v1/emag/products/products?account=${account}&search=${term}${(i + j) % 2 ? "&status=active" : ""}&sort=${productSortsCycle[(i + j) % 5]}&pageSize=50`));
    const paths = queries.map((q) => q.path);
    const gapOf = (route: { p95: number; rps: number }, raw: { p95: number; rps: number }) =>
      `route/raw: p95 x${(route.p95 / raw.p95).toFixed(2)}, throughput ${((route.rps / raw.rps) * 100).toFixed(0)} %`;

    const main = await measure(connections, queries);
    const mainRaw = await measureSql(connections, paths);
    const four = await measure(4, queries, 10);
    const fourRaw = await measureSql(4, paths, 10);
    const single = await measure(1, queries, 5);
    const singleRaw = await measureSql(1, paths, 5);
    const shortRoute = await measure(4, short.map((path) => ({ method: "GET" as const, path })), 5);
    const shortRaw = await measureSql(4, short, 5);
    const floor = await measure(connections, [{ method: "GET", path: "/auth-only" }], 5);
    await rawPool.end();
    console.log(`\nGET /api/v1/emag/products/products, filtered + searched, 50 a page, ${offers.toLocaleString("en")} offers stored, ${queries.length} distinct queries`);
    console.log(`  ${connections} connections, ${seconds} s:  ${fmt(main)}   goal: >= 500 req/s`);
    console.log(`    raw-SQL floor, ${connections} callers:  ${fmt(mainRaw)}   ${gapOf(main, mainRaw)}`);
    console.log(`  4 connections, 10 s:  ${fmt(four)}   goal: p95 < 25 ms`);
    console.log(`    raw-SQL floor, 4 callers:  ${fmt(fourRaw)}   ${gapOf(four, fourRaw)}`);
    console.log(`  1 connection, 5 s:   ${fmt(single)}`);
    console.log(`    raw-SQL floor, 1 caller:   ${fmt(singleRaw)}   ${gapOf(single, singleRaw)}`);
    console.log(`  two-letter searches (${short.length} queries: HP, LG, 5G, TV), 4 connections, 5 s:  ${fmt(shortRoute)}`);
    console.log(`    raw-SQL floor, 4 callers:  ${fmt(shortRaw)}`);
    console.log(`  floor, authentication alone (same token check, empty handler), ${connections} connections: ${fmt(floor)}`);
    console.log(`  (${os.cpus().length} CPU cores shared by PostgreSQL, the server process and autocannon)`);
  } finally {
    child?.kill();
    const { disconnectDb } = await import("@/lib/db");
    const { closeBulkPool } = await import("@/lib/sync/bulk-db");
    await disconnectDb();
    await closeBulkPool();
    await database.drop();
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3]!);
else await main();
