// Re-synced orders change only their own contribution to their customer's stored state
// (customers.agg, metrics.ts replaceOrder), and that gives what a rebuild from all the orders gives,
// column for column: status changes, a new total, a new city on the latest order, a cancelled latest
// purchase (which needs the other orders: recomputed), an order changed locally without the upkeep
// (its customer stale until the re-sync) and an order stored before its inputs were kept.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ORDER_TUPLE, ORDERS_WITH_BUYER } from "@/lib/customers/refresh";
import { customerDetailQuerySchema } from "@/lib/customers/api-types";
import { getCustomerDetail } from "@/lib/customers/queries";
import { observeCustomerStatements, rebuildCustomers, refreshRfm } from "@/lib/customers/upkeep";
import { db } from "@/lib/db";
import { emagTimestamp } from "@/lib/emag/time";
import type { OrderRow } from "@/lib/orders/map";
import { upsertOrders } from "@/lib/orders/store";
import { useIsolatedDatabase } from "../sync/support";
import { freezeCustomerClock } from "./clock";
import { customerSnapshot } from "./snapshot";

useIsolatedDatabase();

freezeCustomerClock();

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const CITIES = ["Cluj-Napoca", "Iași", "Brașov"];
const base = Date.now() - 90 * 86_400_000;

/** Order `g` of buyer `b` (buyers 0-19 order again and again; every 7th is a company). */
function orderRow(g: number, b: number, over: { status?: number; total?: number; city?: string; name?: string; v?: number } = {}): OrderRow {
  const company = b % 7 === 0;
  const status = over.status ?? 4;
  const customer = {
    id: String(500 + b), email: md5(`buyer${b}`), name: over.name ?? (company ? `Firma ${b} SRL` : `Client ${b}`), phone_1: `07${String(b).padStart(8, "0")}`,
    legal_entity: company ? 1 : 0, code: company ? `RO${1000 + b}` : null, company: company ? `Firma ${b} SRL` : null,
  };
  const at = emagTimestamp(base + g * 3_600_000);
  const account = g % 3 === 0 ? "fbe" : "main";
  return {
    account, emag_order_id: String(5_000_000 + g), type: account === "main" ? 3 : 2, status, customer_emag_id: customer.id, customer_name: customer.name,
    customer_email: customer.email, customer_phone: customer.phone_1, customer_company: customer.company, shipping_address: { city: over.city ?? CITIES[b % 3] },
    billing_address: null, payment_mode: null, payment_mode_id: 1 + (g % 3), payment_status: null, delivery_mode: null, locker_id: null, locker_name: null,
    total: over.total ?? 50 + (g % 17) * 10, shipping_tax: null, currency: "RON", vouchers: [], line_count: 0, invoice_url: null,
    cancellation_reason: status === 0 ? { id: 5, name: "x" } : null, observation: null, emag_created: at, emag_modified: at, finalization_date: null,
    raw: { id: 5_000_000 + g, status, customer } as never, content_hash: md5(`${g}:${status}:${over.total}:${over.city}:${over.name}:${over.v}`), lines: [],
  };
}

/**
 * Writes pages of orders, then ends as a sync ends (ids and RFM settled), and counts the full
 * recomputes (the statement that reads all of a customer's orders).
 */
async function write(rows: OrderRow[]): Promise<{ recomputes: number }> {
  let recomputes = 0;
  observeCustomerStatements((sql) => void (sql.includes("t AS MATERIALIZED") && recomputes++));
  try {
    for (let i = 0; i < rows.length; i += 50) await upsertOrders(rows.slice(i, i + 50));
  } finally {
    observeCustomerStatements(undefined);
  }
  await refreshRfm();
  return { recomputes };
}

/** Orders whose stored inputs (customer_input) are not what their row gives. */
const inputsDifferingFromRows = async () =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${ORDERS_WITH_BUYER} WHERE o.customer_input IS DISTINCT FROM ${ORDER_TUPLE}`))[0]!.n;

const orders = Array.from({ length: 400 }, (_, g) => ({ g, b: g % 20 }));

describe("re-synced orders", () => {
  it("status changes and new totals are applied as a difference, and equal a rebuild", async () => {
    expect((await write(orders.map(({ g, b }) => orderRow(g, b, { status: 1 })))).recomputes).toBe(0);
    // The older orders are delivered or get a new total: none held a "latest" value another order would have to give.
    const { recomputes } = await write(orders.slice(0, 300).map(({ g, b }) => orderRow(g, b, g % 5 ? { status: 4 } : { status: 3, total: 999 })));
    expect(recomputes).toBe(0);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("a change only the other orders can settle recomputes the customer, and equals a rebuild", async () => {
    const latest = orders.slice(-20); // each buyer's latest order
    // The latest purchase cancelled, another city on the latest order, a new buyer name.
    const { recomputes } = await write(latest.map(({ g, b }) => orderRow(g, b, b % 2 ? { status: 0 } : { status: 1, city: "Timișoara", name: `Client ${b} Pop` })));
    expect(recomputes).toBeGreaterThan(0);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("an order changed without the upkeep, then re-synced, leaves its customer right", async () => {
    // Local status changes (as the order actions make) and an order whose inputs were never stored.
    await db.$executeRaw`UPDATE emag_orders SET status = 0 WHERE emag_order_id IN (5000010, 5000011, 5000032)`;
    await db.$executeRaw`UPDATE emag_orders SET customer_input = NULL WHERE emag_order_id = 5000012`;
    // Order 12 is recomputed with all of buyer 12's orders, 32 (changed locally) among them; 32 comes later.
    await write([10, 11, 12].map((g) => orderRow(g, g % 20, { status: 5, v: 2 })));
    await write([orderRow(32, 12, { status: 5, v: 2 })]);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("the upsert writes each order's inputs as the stored row gives them, inserted or updated", async () => {
    // Uncommon values: no creation date, finalized, a refund, a total with more decimals than the column, a cancellation reason, an AWB set locally.
    const odd = (g: number, v: number) => {
      const r = orderRow(g, g % 20, { v, status: v === 1 ? 4 : 0, total: 12.34567 });
      const raw = { ...(r.raw as object), refunded_amount: 3.5 } as never;
      return { ...r, raw, emag_created: g % 2 ? null : r.emag_created, finalization_date: r.emag_modified, cancellation_reason: v === 1 ? null : { id: 17, name: "x" } };
    };
    await write([700, 701, 702, 703].map((g) => odd(g, 1)));
    await db.$executeRaw`UPDATE emag_orders SET awb_number = 'AWB-700' WHERE emag_order_id = 5000700`;
    await write([700, 701].map((g) => odd(g, 2)));
    expect(await inputsDifferingFromRows()).toBe(0);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("a write of an order outside the upkeep clears its stored inputs; the upkeep's own writes stand", async () => {
    const input = async (g: number) => (await db.$queryRaw<{ i: unknown }[]>`SELECT customer_input AS i FROM emag_orders WHERE emag_order_id = ${5_000_000 + g}`)[0]!.i;
    expect(await input(40)).not.toBeNull();
    await db.$executeRaw`UPDATE emag_orders SET awb_number = 'AWB-40' WHERE emag_order_id = 5000040`;
    expect(await input(40)).toBeNull();
    await db.$executeRaw`UPDATE emag_orders SET customer_input = '[]'::jsonb WHERE emag_order_id = 5000041`;
    expect(await input(41)).toBeNull();
    // A column the inputs do not read leaves them.
    await db.$executeRaw`UPDATE emag_orders SET observation = 'call first' WHERE emag_order_id = 5000042`;
    expect(await input(42)).not.toBeNull();
    // Marked as the upkeep (tx.ts MARK_UPKEEP), a write stands.
    await db.$transaction([
      db.$queryRaw`SELECT set_config('magflow.customer_upkeep', 'on', true)`,
      db.$executeRaw`UPDATE emag_orders SET customer_input = '[1]'::jsonb WHERE emag_order_id = 5000043`,
    ]);
    expect(await input(43)).toEqual([1]);
    await db.$executeRaw`UPDATE emag_orders SET observation = NULL, customer_input = NULL WHERE emag_order_id = 5000043`;
    // The orders' customers are recomputed from the rows where the inputs are gone, and equal a rebuild.
    await write([40, 41, 43].map((g) => orderRow(g, g % 20, { status: 2, v: 3 })));
    expect(await inputsDifferingFromRows()).toBe(0);
    const kept = await customerSnapshot();
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("the detail explains each kept customer's scores from its state, as of its last change (nothing stored)", async () => {
    const rows = await db.$queryRaw<{ id: string; loyalty: number; risk: string; orders_total: number; stored: unknown }[]>`
      SELECT id, loyalty, risk, orders_total, score_inputs AS stored FROM customers ORDER BY id LIMIT 5`;
    expect(rows.length).toBe(5);
    for (const r of rows) {
      expect(r.stored).toEqual({});
      const d = await getCustomerDetail(r.id, customerDetailQuerySchema.parse({}), { pii: true });
      const si = d.score_inputs as { loyalty: { score: number; inputs: { purchases: number } }; risk: { points: number; reasons: unknown[] }; metrics: Record<string, unknown> };
      expect(si.loyalty.score).toBe(r.loyalty);
      expect(si.loyalty.inputs.purchases).toBeLessThanOrEqual(r.orders_total);
      expect(si.risk.points >= 3 ? "high" : si.risk.points >= 1 ? "medium" : "low").toBe(r.risk);
      expect(Object.keys(si.metrics)).toContain("grossSpend");
    }
  });
});
