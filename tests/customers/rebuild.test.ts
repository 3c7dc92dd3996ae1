// The rebuild equals the incremental upkeep, row for row: a backfill of the simulator's buyer pool
// against a flaky eMAG (20 % of requests fail, pages are retried and arrive out of order, so older
// orders often come after newer ones of the same buyer), edits and status changes after it, then a
// rebuild from nothing must give every customers column (but created_at/updated_at), every key and
// every order's customer_id as the sync left them. Also: far fewer customers than orders, with a
// long tail, and the RFM that SQL computed equals rfmScores over the same base.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { rfmScores, toCents } from "@/lib/customers";
import { customerClock, rebuildCustomers, refreshRfm } from "@/lib/customers/upkeep";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { emagTimestamp } from "@/lib/emag/time";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";
import { customerSnapshot } from "./snapshot";

useIsolatedDatabase();

const ORDERS = { main: 2000, fbe: 1500 };
let sim: EmagSimulator;
let stopClients: () => Promise<void>;
const clock = customerClock.now;

beforeAll(async () => {
  const frozen = new Date();
  customerClock.now = () => frozen;
  sim = await startFastSimulator({ orders: ORDERS, faultRate: 0.2, hangMs: 300 });
  stopClients = useFastSyncClients(sim, { timeoutMs: 3000 });
  await ensureEmagAccounts();
});
afterAll(async () => {
  customerClock.now = clock;
  await waitForOrderSyncs();
  await stopClients();
  await sim.close();
});

const sync = async (input: Parameters<typeof startOrdersSync>[0]) => {
  await startOrdersSync(input, { triggeredBy: "api" });
  await waitForOrderSyncs();
};

describe("customers after a flaky backfill", () => {
  let kept: Awaited<ReturnType<typeof customerSnapshot>>;

  it("the sync keeps a customer for every order, through retries, edits and status changes", async () => {
    await sync({ account_type: "both", mode: "backfill", days_back: 180 });
    expect(await db.emagOrder.count()).toBe(ORDERS.main + ORDERS.fbe);
    // eMAG edits some buyers (a new phone, a new email hash) and some orders end: an incremental sync.
    const now = emagTimestamp(Date.now());
    sim.state.accounts.main.orders.slice(0, 40).forEach((o, i) => {
      const c = o.wire.customer as Record<string, unknown>;
      if (i % 2) Object.assign(c, { phone_1: `0799 ${String(100_000 + i).slice(0, 3)} ${String(100_000 + i).slice(3)}`, billing_phone: "" });
      else Object.assign(c, { email: `edited-${i}` });
      o.wire.modified = now;
    });
    for (const o of sim.state.accounts.fbe.orders.slice(-30)) Object.assign(o.wire, { status: 0, modified: now, reason_cancellation: { id: 1, name: "Stoc epuizat" } });
    await sync({ account_type: "both", mode: "incremental" });

    expect(await db.emagOrder.count({ where: { customerId: null } })).toBe(0);
    expect(await db.customer.count({ where: { ordersTotal: 0 } })).toBe(0);
    kept = await customerSnapshot();
    expect(kept.customers.length).toBeGreaterThan(500);
  });

  it("older orders arriving after newer ones renamed their customer to the oldest order's id", async () => {
    const rows = await db.$queryRaw<{ customer_id: string; account: string; id: string; seen: Date }[]>`
      SELECT customer_id, account::text, emag_order_id::text AS id, first_seen_at AS seen FROM emag_orders`;
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(r.customer_id, [...(groups.get(r.customer_id) ?? []), r]);
    let renamed = 0;
    for (const [id, orders] of groups) {
      const founder = orders.find((o) => id.endsWith(`_${o.account}_${o.id.padStart(10, "0")}`));
      expect(founder, id).toBeDefined();
      if (orders.some((o) => o.seen < founder!.seen)) renamed++;
    }
    expect(renamed).toBeGreaterThan(0);
  });

  it("far fewer customers than orders, with a long tail of orders per customer", async () => {
    const perCustomer = (await db.customer.findMany({ select: { ordersTotal: true } })).map((c) => c.ordersTotal).sort((a, b) => b - a);
    const orders = ORDERS.main + ORDERS.fbe;
    expect(perCustomer.reduce((a, b) => a + b, 0)).toBe(orders);
    expect(perCustomer.length).toBeLessThan(orders * 0.7);
    const once = perCustomer.filter((n) => n === 1).length;
    expect(once / perCustomer.length).toBeGreaterThan(0.5); // most buy once
    expect(perCustomer[0]).toBeGreaterThanOrEqual(10); // a few buy a lot
    const top = perCustomer.slice(0, Math.ceil(perCustomer.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / orders).toBeGreaterThan(0.25); // the top 10 % place over a quarter of the orders
    // Buyers on both accounts are one customer.
    expect(await db.customer.count({ where: { AND: [{ accounts: { path: ["main"], gt: 0 } }, { accounts: { path: ["fbe"], gt: 0 } }] } })).toBeGreaterThan(50);
  });

  it("RFM computed in SQL equals rfmScores over the same base", async () => {
    await refreshRfm();
    const rows = await db.customer.findMany({ select: { id: true, purchases: true, lastPurchaseAt: true, netSpend: true, rfmR: true, rfmF: true, rfmM: true, rfmSegment: true } });
    const base = rows.filter((r) => r.purchases > 0).map((r) => ({ customerId: r.id, lastPurchaseAt: r.lastPurchaseAt!, purchases: r.purchases, netSpendCents: toCents(r.netSpend.toNumber()) }));
    expect(base.length).toBeGreaterThan(500);
    const expected = rfmScores(base);
    for (const r of rows) {
      const e = expected.get(r.id);
      expect({ id: r.id, r: r.rfmR, f: r.rfmF, m: r.rfmM, segment: r.rfmSegment }).toEqual({ id: r.id, r: e?.r ?? null, f: e?.f ?? null, m: e?.m ?? null, segment: e?.segment ?? null });
    }
    expect(new Set(rows.map((r) => r.rfmSegment)).size).toBeGreaterThan(5);
  });

  it("a rebuild from nothing gives the same rows, keys and order links as the sync kept", async () => {
    await db.$executeRaw`DELETE FROM customers`; // keys cascade; orders' and returns' customer_id become null
    expect(await db.emagOrder.count({ where: { customerId: { not: null } } })).toBe(0);
    const result = await rebuildCustomers();
    expect(result).toMatchObject({ customers: kept.customers.length, orders: ORDERS.main + ORDERS.fbe });
    const rebuilt = await customerSnapshot();
    expect(rebuilt.orders).toEqual(kept.orders);
    expect(rebuilt.keys).toEqual(kept.keys);
    expect(rebuilt.returns).toEqual(kept.returns);
    expect(rebuilt.customers).toEqual(kept.customers);
  });

  it("a rebuild of a base the sync kept changes nothing", async () => {
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("a rebuild repairs a damaged base: missing, moved and stale keys, moved orders, stale inputs", async () => {
    const [a, b] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM customers ORDER BY orders_total DESC, id COLLATE "C" LIMIT 2`;
    const keyOf = async (id: string) => (await db.$queryRaw<{ key: string }[]>`SELECT key FROM customer_keys WHERE customer_id = ${id} ORDER BY key COLLATE "C" LIMIT 1`)[0]!.key;
    const [keyA, keyB] = [await keyOf(a!.id), await keyOf(b!.id)];
    await db.$executeRaw`DELETE FROM customer_keys WHERE key = ${keyA}`;
    await db.$executeRaw`UPDATE customer_keys SET customer_id = ${a!.id} WHERE key = ${keyB}`;
    await db.$executeRaw`INSERT INTO customer_keys (key, customer_id) VALUES ('email:no-order-has-this', ${a!.id})`;
    await db.$executeRaw`UPDATE emag_orders SET customer_id = ${a!.id} WHERE id = (SELECT id FROM emag_orders WHERE customer_id = ${b!.id} ORDER BY id LIMIT 1)`;
    await db.$executeRaw`UPDATE emag_orders SET customer_input = NULL WHERE id IN (SELECT id FROM emag_orders WHERE customer_id = ${b!.id} ORDER BY id LIMIT 2)`;
    expect(await customerSnapshot()).not.toEqual(kept);
    await rebuildCustomers();
    expect(await customerSnapshot()).toEqual(kept);
  });

  it("orders stored without their buyer subset get it from the rebuild, as the upsert stores it, and the next rebuild rewrites no order", async () => {
    const stored = () => db.$queryRaw<{ id: string; buyer: unknown; refunded: string | null }[]>`
      SELECT id, buyer, refunded_amount::text AS refunded FROM emag_orders ORDER BY id`;
    const before = await stored();
    await db.$executeRaw`UPDATE emag_orders SET buyer = NULL, refunded_amount = NULL WHERE id IN (SELECT id FROM emag_orders ORDER BY id LIMIT 300)`;
    await rebuildCustomers();
    expect(await stored()).toEqual(before);
    expect(await customerSnapshot()).toEqual(kept);
    const versions = () => db.$queryRaw<{ v: string }[]>`SELECT string_agg(xmin::text, ',' ORDER BY id) AS v FROM emag_orders`;
    const rewritten = await versions();
    await rebuildCustomers();
    expect(await versions()).toEqual(rewritten);
  });
});
