// buildReport on hand-made orders, lines and sync logs (real PostgreSQL): the period bounds in
// Europe/Bucharest (local midnight, across a DST change), orders and revenue per account against
// the period before (absolute and %), top products, cancellations, sync health and eMAG API usage.
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "@/lib/reports/build";
import { latestPeriodKey, reportPeriods } from "@/lib/reports/period";
import { reportSchema, type Report } from "@/lib/reports/types";
import { insertOrder, seedNovemberDay } from "./support";
import { useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

// 08:00 on Tuesday 3 Nov 2026 in Bucharest (UTC+2): yesterday is 2 Nov.
const NOW = new Date("2026-11-03T06:00:00.000Z");
let daily: Report;

beforeAll(async () => {
  await seedNovemberDay();
  daily = await buildReport("daily", NOW);
});

const acc = (r: Report, a: string) => r.accounts.find((x) => x.account === a)!;

describe("report periods", () => {
  it("daily is yesterday and weekly the 7 days before today, from Bucharest midnight", async () => {
    expect(latestPeriodKey("daily", NOW)).toBe("2026-11-02");
    expect(latestPeriodKey("weekly", NOW)).toBe("2026-10-27");
    // 23:30 UTC on 2 Nov is already 3 Nov in Bucharest.
    expect(latestPeriodKey("daily", new Date("2026-11-02T23:30:00Z"))).toBe("2026-11-02");
    const p = await reportPeriods("daily", NOW);
    expect(p.current).toMatchObject({ key: "2026-11-02", from: new Date("2026-11-01T22:00:00Z"), to: new Date("2026-11-02T22:00:00Z") });
    expect(p.previous).toMatchObject({ key: "2026-11-01", from: new Date("2026-10-31T22:00:00Z"), to: new Date("2026-11-01T22:00:00Z") });
  });

  it("a week across the end of summer time is 7 local days (169 hours)", async () => {
    const p = await reportPeriods("weekly", new Date("2026-10-27T06:00:00Z"));
    expect(p.current.key).toBe("2026-10-20");
    expect(p.current.from).toEqual(new Date("2026-10-19T21:00:00Z")); // UTC+3
    expect(p.current.to).toEqual(new Date("2026-10-26T22:00:00Z")); // UTC+2
    expect(p.previous).toMatchObject({ key: "2026-10-13", from: new Date("2026-10-12T21:00:00Z"), to: new Date("2026-10-19T21:00:00Z") });
    expect(p.current.label).toBe("20 Oct – 26 Oct 2026");
  });
});

describe("buildReport (daily, 2 Nov 2026)", () => {
  it("matches the shared schema", () => {
    expect(reportSchema.parse(daily)).toEqual(daily);
    expect(daily.period).toMatchObject({ key: "2026-11-02", label: "Mon, 2 Nov 2026" });
    expect(daily.previous.key).toBe("2026-11-01");
  });

  it("counts orders and RON revenue per account against the day before", () => {
    expect(acc(daily, "main")).toEqual({
      account: "main",
      current: { orders: 3, revenue: 100, revenue_orders: 1 },
      previous: { orders: 2, revenue: 50, revenue_orders: 1 },
      change: { orders: { abs: 1, pct: 0.5 }, revenue: { abs: 50, pct: 1 } },
    });
    expect(acc(daily, "fbe")).toEqual({
      account: "fbe",
      current: { orders: 2, revenue: 220, revenue_orders: 2 },
      previous: { orders: 0, revenue: 0, revenue_orders: 0 },
      change: { orders: { abs: 2, pct: null }, revenue: { abs: 220, pct: null } },
    });
    expect(acc(daily, "all")).toMatchObject({ current: { orders: 5, revenue: 320 }, previous: { orders: 2, revenue: 50 }, change: { orders: { abs: 3, pct: 1.5 }, revenue: { abs: 270, pct: 5.4 } } });
  });

  it("ranks products by revenue with VAT, leaving out cancelled orders and other days", () => {
    expect(daily.top_products).toEqual([
      { key: "P1", name: "Product P1", part_number_key: "P1", quantity: 3, orders: 2, revenue: 214.2 },
      { key: "P2", name: "Product P2", part_number_key: "P2", quantity: 1, orders: 1, revenue: 11.9 },
    ]);
  });

  it("reports cancellations: count, rate and value", () => {
    expect(daily.cancellations).toEqual([
      { account: "main", orders: 3, cancelled: 1, rate: 1 / 3, value: 50 },
      { account: "fbe", orders: 2, cancelled: 0, rate: 0, value: 0 },
      { account: "all", orders: 5, cancelled: 1, rate: 0.2, value: 50 },
    ]);
  });

  it("summarises the period's sync logs by type and status, with the failures", () => {
    expect(daily.sync.by_type_status).toEqual([
      { type: "orders", status: "failed", count: 1 },
      { type: "products", status: "completed", count: 1 },
      { type: "products", status: "partial", count: 1 },
    ]);
    expect(daily.sync.failures.map((f) => [f.type, f.status, f.accounts, f.errors, f.message])).toEqual([
      ["products", "partial", ["fbe"], 1, "page 3 failed"],
      ["orders", "failed", ["main", "fbe"], 2, "worker stopped"],
    ]);
    expect(daily.sync.failures[1]!.started_at).toBe("2026-11-02T05:00:00.000Z");
  });

  it("reports eMAG API usage per account from the persisted sync logs", () => {
    expect(daily.api_usage).toEqual([
      { account: "main+fbe", syncs: 1, requests: 5, rate_limit_waits: 0, rate_limited: 1, errors: 2 },
      { account: "main", syncs: 1, requests: 10, rate_limit_waits: 2, rate_limited: 0, errors: 0 },
      { account: "fbe", syncs: 1, requests: 7, rate_limit_waits: 0, rate_limited: 0, errors: 1 },
    ]);
  });

  it("an explicit period reports that day; an empty one is all zeros", async () => {
    const prev = await buildReport("daily", NOW, "2026-11-01");
    expect(acc(prev, "main").current).toEqual({ orders: 2, revenue: 50, revenue_orders: 1 });
    const empty = await buildReport("daily", NOW, "2025-01-01");
    expect(acc(empty, "all")).toMatchObject({ current: { orders: 0, revenue: 0 }, change: { orders: { abs: 0, pct: null } } });
    expect(empty.top_products).toEqual([]);
    expect(empty.api_usage.map((u) => [u.account, u.syncs])).toEqual([["main", 0], ["fbe", 0]]);
  });

  it("weekly adds up the 7 days and compares them with the 7 before", async () => {
    await insertOrder({ at: "2026-10-28T09:00:00Z", status: 4, total: 500, account: "fbe" }); // in the week 27 Oct - 2 Nov
    await insertOrder({ at: "2026-10-26T21:00:00Z", status: 4, total: 40, account: "fbe" }); // 26 Oct 23:00 local: the week before
    const weekly = await buildReport("weekly", NOW);
    expect(weekly.period).toMatchObject({ key: "2026-10-27", from: "2026-10-26T22:00:00.000Z", to: "2026-11-02T22:00:00.000Z" });
    expect(acc(weekly, "main").current).toEqual({ orders: 5, revenue: 150, revenue_orders: 2 });
    expect(acc(weekly, "fbe")).toMatchObject({ current: { orders: 3, revenue: 720 }, previous: { orders: 1, revenue: 40 }, change: { revenue: { abs: 680, pct: 17 } } });
  });
});
