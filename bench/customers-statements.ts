// npx tsx bench/customers-statements.ts <database url> [orders = 2000]
// The server's own time for each customer-upkeep statement of an order page, which a busy machine
// disturbs far less than wall times: on a base `npm run bench:customers -- --keep` left, `orders`
// new orders of its buyers are written through the real page transaction (upsertOrders) 100 at a
// time, then re-synced with a new status. Every upkeep statement is first run under EXPLAIN
// (ANALYZE, BUFFERS) inside a savepoint that is rolled back, then for real; the figures are the
// plans' execution times (instrumentation included), per page.
import { createHash } from "node:crypto";
import pg from "pg";
import { emagTimestamp } from "@/lib/emag/time";
import { resetEnvForTests } from "@/lib/env";
import type { OrderRow } from "@/lib/orders/map";

const url = process.argv[2];
if (!url) throw new Error("usage: npx tsx bench/customers-statements.ts <database url> [orders]");
const count = Number(process.argv[3] ?? 2000);
resetEnvForTests({ DATABASE_URL: url, LOG_LEVEL: "silent" });

const server = new Map<string, number>();
const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => Promise<pg.QueryResult>;
// Only the upkeep's statements (lib/orders/store.ts prepares them as "customers-<hash>", and the
// inventory's, which it skips), not the lock.
const explained = (cfg: unknown): cfg is pg.QueryConfig & { name: string } =>
  typeof cfg === "object" && cfg !== null && (cfg as { name?: unknown }).name?.toString().startsWith("customers-") === true &&
  !/^\s*(SELECT pg_advisory|SET )|inventory_settings/.test((cfg as pg.QueryConfig).text);
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const cfg = args[0];
  if (!explained(cfg)) return query.apply(this, args);
  return (async () => {
    await query.call(this, "SAVEPOINT bench_explain");
    const plan = await query.call(this, { text: `EXPLAIN (ANALYZE, BUFFERS) ${cfg.text}`, values: cfg.values });
    await query.call(this, "ROLLBACK TO SAVEPOINT bench_explain");
    const line = plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]!).find((l) => l.startsWith("Execution Time"));
    const key = cfg.text.replace(/\s+/g, " ").trim().slice(0, 70);
    server.set(key, (server.get(key) ?? 0) + Number(line?.match(/[\d.]+/)?.[0] ?? 0));
    return query.call(this, cfg);
  })();
} as typeof pg.Client.prototype.query;

const { pgPool, closePgPool } = await import("@/lib/db/pools");
const { upsertOrders } = await import("@/lib/orders/store");
const { rows: [last] } = await pgPool("sync").query<{ g: string; buyers: string }>(
  `SELECT max(emag_order_id) - 4000000000 AS g, (SELECT count(*) FROM customers) AS buyers FROM emag_orders`);
const start = Number(last!.g);
const buyers = Number(last!.buyers);
const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const CITIES = ["Bucure\u0219ti", "Cluj-Napoca", "Ia\u0219i", "Timi\u0219oara", "Constan\u021Ba", "Bra\u0219ov", "Craiova", "Gala\u021Bi"];

/** New orders of bench/customers.ts's buyers (same draw), as the order sync maps them. */
const fresh: OrderRow[] = Array.from({ length: count }, (_, i) => {
  const g = start + 1 + i;
  const b = 1 + Math.floor(buyers * Math.random() ** 2);
  const company = b % 20 === 0;
  const phone = ["07", "+40 7", "0040-7"][g % 3]! + String(b).padStart(8, "0");
  const customer = { id: String(100000 + b), email: md5(`buyer${b}`), name: company ? `Firma ${b} SRL` : `Client ${b}`, phone_1: phone, legal_entity: company ? 1 : 0, code: company ? `RO${1000000 + b}` : null, company: company ? `Firma ${b} SRL` : null };
  const account = Math.random() < 0.7 ? "main" : "fbe";
  const at = emagTimestamp(Date.now() - (count - i) * 60_000);
  return {
    account, emag_order_id: String(4_000_000_000 + g), type: account === "main" ? 3 : 2, status: 1, customer_emag_id: customer.id, customer_name: customer.name,
    customer_email: customer.email, customer_phone: phone, customer_company: customer.company, shipping_address: { city: CITIES[b % 8] }, billing_address: null,
    payment_mode: null, payment_mode_id: 1 + (g % 3), payment_status: null, delivery_mode: null, locker_id: null, locker_name: null,
    total: Math.round((20 + Math.random() ** 2 * 2000) * 100) / 100, shipping_tax: null, currency: "RON", vouchers: [], line_count: 0, invoice_url: null,
    cancellation_reason: null, observation: null, emag_created: at, emag_modified: at, finalization_date: null, raw: { id: 4_000_000_000 + g, status: 1, customer } as never,
    content_hash: md5(`stmt${g}`), lines: [],
  };
});

async function pages(label: string, rows: OrderRow[]) {
  server.clear();
  for (let i = 0; i < rows.length; i += 100) await upsertOrders(rows.slice(i, i + 100));
  const n = Math.ceil(rows.length / 100);
  const total = [...server.values()].reduce((a, b) => a + b, 0);
  console.log(`${label}: upkeep statements' server time ${(total / n).toFixed(2)} ms per 100-order page (${n} pages)`);
  for (const [sql, ms] of [...server].sort((a, b) => b[1] - a[1])) console.log(`  ${(ms / n).toFixed(2).padStart(6)} ms  ${sql}`);
}
try {
  await pages("new orders", fresh);
  await pages("re-synced with a new status", fresh.map((r) => ({ ...r, status: 2, raw: { ...(r.raw as object), status: 2 } as never, content_hash: `${r.content_hash}-2` })));
} finally {
  await closePgPool("sync");
  await closePgPool("read");
}
