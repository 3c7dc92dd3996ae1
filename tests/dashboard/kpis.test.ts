// The dashboard KPIs on hand-made orders, lines and returns (written with SQL): each period against
// the one before (today up to the same time yesterday, across Bucharest midnight; rolling 7 and 30
// days), what revenue leaves out (cancelled, fully returned, foreign currency, future orders),
// return and cancellation rates, repeat buyers (purchases: status 1-4), top products, the account filter, and the route
// (shape, 400, 401, cached until an order write invalidates it).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as kpisRoute } from "@/app/api/v1/dashboard/kpis/route";
import { closeCache, invalidateCache } from "@/lib/cache";
import { computeDashboardKpis } from "@/lib/dashboard/kpis";
import { dashboardKpisSchema, type DashboardKpis, type KpiPeriodKey } from "@/lib/dashboard/kpis-types";
import { db } from "@/lib/db";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

// 15:00 in Bucharest (UTC+3 in June): today began at 2026-06-14T21:00Z.
const NOW = new Date("2026-06-15T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const H = 3_600_000;
const D = 24 * H;

interface SeedOrder {
  at: Date | null;
  status: number;
  total: number;
  account?: "main" | "fbe";
  currency?: string;
  customer?: string;
  seen?: Date;
  lines?: { key: string | null; product?: string; qty: number; price: number; vat?: number; status?: number }[];
  rma?: number;
}

let emagId = 7_000_000;
let rmaId = 800_000;
async function insertOrder(o: SeedOrder) {
  const id = randomUUID();
  const emagOrderId = emagId++;
  await db.$executeRawUnsafe(
    `INSERT INTO emag_orders (id, account, emag_order_id, type, status, total, currency, raw, content_hash, emag_created_at, first_seen_at, customer_id)
     VALUES ($1::uuid, $2::"AccountKind", $3::bigint, 3, $4, $5, $6, '{}'::jsonb, 'seed', $7::timestamptz, $8::timestamptz, $9)`,
    id, o.account ?? "main", emagOrderId, o.status, o.total, o.currency ?? "RON", o.at?.toISOString() ?? null, (o.seen ?? o.at ?? NOW).toISOString(), o.customer ?? null,
  );
  for (const [i, l] of (o.lines ?? []).entries()) {
    await db.$executeRawUnsafe(
      `INSERT INTO emag_order_lines (order_id, line_id, account, emag_order_id, product_id, part_number_key, name, quantity, sale_price, vat_rate, status)
       VALUES ($1::uuid, $2, $3::"AccountKind", $4::bigint, $5, $6, $7, $8, $9, $10, $11)`,
      id, i + 1, o.account ?? "main", emagOrderId, l.product ?? null, l.key, `Product ${l.key ?? l.product}`, l.qty, l.price, l.vat ?? 0.19, l.status ?? 1,
    );
  }
  if (o.rma !== undefined) {
    await db.$executeRawUnsafe(
      `INSERT INTO emag_returns (account, emag_rma_id, emag_order_id, order_id, request_status, raw, content_hash)
       VALUES ($1::"AccountKind", $2::bigint, $3::bigint, $4::uuid, $5, '{}'::jsonb, 'seed')`,
      o.account ?? "main", rmaId++, emagOrderId, id, o.rma,
    );
  }
}

beforeAll(async () => {
  await db.$executeRawUnsafe(`INSERT INTO customers (id) VALUES ('c_a'), ('c_b'), ('c_c'), ('c_d'), ('c_e')`);
  const orders: SeedOrder[] = [
    // Today (from Bucharest midnight to now).
    { at: ago(H), status: 4, total: 100, customer: "c_a", rma: 4, lines: [{ key: "P1", qty: 2, price: 40 }, { key: "P2", qty: 1, price: 10 }, { key: "P4", qty: 1, price: 1000, status: 0 }] },
    { at: new Date("2026-06-14T22:00:00Z"), status: 1, total: 50.5, account: "fbe", customer: "c_b" },
    { at: ago(2 * H), status: 0, total: 999, customer: "c_b", lines: [{ key: "P3", qty: 1, price: 250 }] },
    { at: new Date("2026-06-14T21:00:00Z"), status: 2, total: 10, customer: "c_e" }, // exactly midnight in Bucharest
    { at: null, seen: ago(2 * H), status: 4, total: 9.5 }, // no eMAG date: placed when first seen
    { at: new Date(NOW.getTime() + H), status: 4, total: 5000, customer: "c_e" }, // in the future: nowhere
    // Yesterday: before this time of day (today's comparison), and after it (not compared).
    { at: new Date("2026-06-14T06:00:00Z"), status: 4, total: 80, customer: "c_a" },
    { at: new Date("2026-06-14T15:00:00Z"), status: 4, total: 1000, customer: "c_d", lines: [{ key: null, product: "SKU-2", qty: 3, price: 10 }] },
    // The rest of the last 7 days; the 7 before.
    { at: ago(5 * D), status: 5, total: 300, account: "fbe", customer: "c_b", lines: [{ key: "P3", qty: 1, price: 250 }] },
    { at: ago(3 * D), status: 4, total: 70, currency: "EUR", lines: [{ key: "P1", qty: 5, price: 40 }] },
    { at: ago(10 * D), status: 4, total: 200, account: "fbe", customer: "c_a" },
    { at: new Date(NOW.getTime() - 7 * D - 60_000), status: 4, total: 40 },
    // The rest of the last 30 days (an accepted RMA); the 30 before.
    { at: ago(26 * D), status: 4, total: 500, rma: 3, lines: [{ key: "P3", qty: 1, price: 100 }] },
    { at: ago(45 * D), status: 4, total: 250, customer: "c_d", lines: [{ key: "P1", qty: 9, price: 40 }] },
    { at: ago(44 * D), status: 0, total: 60, customer: "c_c" },
    { at: ago(90 * D), status: 4, total: 1 }, // older than every window
  ];
  for (const o of orders) await insertOrder(o);
});

afterAll(async () => {
  await closeCache();
});

const period = (k: DashboardKpis, key: KpiPeriodKey) => k.periods.find((p) => p.key === key)!;

describe("dashboard KPIs on hand-made data", () => {
  it("compares today with yesterday up to the same time, across Bucharest midnight", async () => {
    const today = period(await computeDashboardKpis({}, NOW), "today");
    expect(today.current).toMatchObject({ from: "2026-06-14T21:00:00.000Z", to: NOW.toISOString(), orders: 5, revenue: 170, revenue_orders: 4, avg_order_value: 42.5, cancelled: 1, delivered: 2 });
    expect(today.previous).toMatchObject({ from: "2026-06-13T21:00:00.000Z", to: "2026-06-14T12:00:00.000Z", orders: 1, revenue: 80, avg_order_value: 80 });
    expect(today.change.revenue).toBeCloseTo(1.125, 10);
    expect(today.change.orders).toBe(4);
    expect(today.change.avg_order_value).toBeCloseTo(-0.46875, 10);
  });

  it("compares rolling 7 and 30 days with the windows before them", async () => {
    const k = await computeDashboardKpis({}, NOW);
    const week = period(k, "7d");
    // Revenue leaves out the cancelled order, the fully returned one and the EUR one; orders count them all.
    expect(week.current).toMatchObject({ orders: 9, revenue: 1250, revenue_orders: 6, cancelled: 1, delivered: 6, returned: 1 });
    expect(week.previous).toMatchObject({ from: ago(14 * D).toISOString(), to: ago(7 * D).toISOString(), orders: 2, revenue: 240 });
    expect(week.change.revenue).toBeCloseTo(1010 / 240, 10);
    const month = period(k, "30d");
    expect(month.current).toMatchObject({ orders: 12, revenue: 1990, revenue_orders: 9, cancelled: 1, delivered: 9, returned: 2 });
    expect(month.previous).toMatchObject({ orders: 2, revenue: 250, revenue_orders: 1, cancelled: 1, delivered: 1, returned: 0 });
    expect(month.change.orders).toBe(5);
  });

  it("gives cancellation and return rates (an accepted RMA counts, a refused one does not) and repeat buyers", async () => {
    const k = await computeDashboardKpis({}, NOW);
    expect(k.cancellation).toEqual({ rate: 1 / 12, count: 1, of: 12, previous_rate: 1 / 2 });
    expect(k.returns).toEqual({ rate: 2 / 9, count: 2, of: 9, previous_rate: 0 });
    // Purchases are orders in status 1-4: a has 3, d 2, b 1 (+1 cancelled, +1 fully returned),
    // e 1 (its second is in the future), c none (only a cancelled order).
    expect(k.repeat_purchase).toEqual({ buyers: 4, repeat_buyers: 2, rate: 0.5 });
  });

  it("ranks products by line revenue over 30 days (kept orders, active lines, RON only)", async () => {
    const k = await computeDashboardKpis({}, NOW);
    expect(k.top_products).toEqual([
      { key: "P3", name: "Product P3", part_number_key: "P3", product_id: null, quantity: 1, orders: 1, revenue: 119 },
      { key: "P1", name: "Product P1", part_number_key: "P1", product_id: null, quantity: 2, orders: 1, revenue: 95.2 },
      { key: "SKU-2", name: "Product SKU-2", part_number_key: null, product_id: "SKU-2", quantity: 3, orders: 1, revenue: 35.7 },
      { key: "P2", name: "Product P2", part_number_key: "P2", product_id: null, quantity: 1, orders: 1, revenue: 11.9 },
    ]);
  });

  it("narrows every figure to one account", async () => {
    const k = await computeDashboardKpis({ account: "fbe" }, NOW);
    expect(k.account).toBe("fbe");
    expect(period(k, "today").current).toMatchObject({ orders: 1, revenue: 50.5 });
    expect(period(k, "7d").current).toMatchObject({ orders: 2, revenue: 50.5, returned: 1 });
    expect(period(k, "7d").previous).toMatchObject({ orders: 1, revenue: 200 });
    expect(k.repeat_purchase).toEqual({ buyers: 2, repeat_buyers: 0, rate: 0 });
    expect(k.top_products).toEqual([]);
  });

  it("has no change where there is nothing to compare with", async () => {
    const k = await computeDashboardKpis({}, new Date("2020-01-01T00:00:00Z"));
    expect(period(k, "30d").current).toMatchObject({ orders: 0, revenue: 0, avg_order_value: null });
    expect(period(k, "30d").change).toEqual({ revenue: null, orders: null, avg_order_value: null });
    expect(k.cancellation.rate).toBeNull();
    expect(k.repeat_purchase).toEqual({ buyers: 0, repeat_buyers: 0, rate: null });
  });
});

describe("GET /api/v1/dashboard/kpis", () => {
  it("answers any role with the shared shape, refuses a bad account (400) and a missing token (401)", async () => {
    const { token } = await userWithToken("viewer");
    const ok = await call(kpisRoute, { path: "/api/v1/dashboard/kpis", token });
    expect(ok.status).toBe(200);
    expect(dashboardKpisSchema.parse(ok.json).periods.map((p) => p.key)).toEqual(["today", "7d", "30d"]);
    const bad = await call(kpisRoute, { path: "/api/v1/dashboard/kpis?account=emag", token });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.details).toEqual([expect.objectContaining({ field: "account" })]);
    expect((await call(kpisRoute, { path: "/api/v1/dashboard/kpis" })).status).toBe(401);
  });

  it("serves the cached figures until an order write invalidates them", async () => {
    const { token } = await userWithToken("manager");
    const get = async () => dashboardKpisSchema.parse((await call(kpisRoute, { path: "/api/v1/dashboard/kpis?account=main", token })).json);
    const before = (await get()).periods[0]!.current.orders;
    await insertOrder({ at: new Date(Date.now() - 60_000), status: 1, total: 12 });
    expect((await get()).periods[0]!.current.orders).toBe(before);
    await invalidateCache("orders");
    expect((await get()).periods[0]!.current.orders).toBe(before + 1);
  });
});
