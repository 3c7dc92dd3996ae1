// The event rules' decisions on hand-made events, and the eMAG error-rate decision: pure.
import { describe, expect, it } from "vitest";
import { totalsOf } from "./emag-sampler";
import { alertRules, emagErrorSubjects } from "./rules";

describe("sync.failed", () => {
  const match = alertRules["sync.failed"].match;
  const ev = { kind: "products" as const, syncId: "s1", accounts: ["main", "fbe"], error: "HTTP 500" };
  it("alerts on failed and partial syncs, keyed by kind and accounts (in any order)", () => {
    expect(match({ ...ev, status: "failed" }, null)).toEqual([
      { key: "products:fbe+main", title: "Product sync failed (MAIN + FBE)", lines: ["Status: failed", "Sync: s1", "Last error: HTTP 500"], link: "/emag/sync" },
    ]);
    expect(match({ ...ev, kind: "orders", status: "partial", accounts: ["fbe", "main"] }, null)[0]).toMatchObject({ key: "orders:fbe+main", title: "Order sync finished with errors (FBE + MAIN)", link: "/orders" });
  });
  it("ignores completed, cancelled and running syncs", () => {
    for (const status of ["completed", "cancelled", "running"]) expect(match({ ...ev, status }, null)).toEqual([]);
  });
});

describe("sync.stuck", () => {
  const match = alertRules["sync.stuck"].match;
  it("one alert counting the syncs; none for none", () => {
    expect(match({ kind: "products", ids: ["a", "b", "c"] }, null)).toEqual([{ key: "products", count: 3, title: "3 stuck product syncs marked failed", lines: ["Syncs: a, b, c"], link: "/emag/sync" }]);
    expect(match({ kind: "orders", ids: [] }, null)).toEqual([]);
  });
});

describe("order.high_value", () => {
  const match = alertRules["order.high_value"].match;
  const o = (account: string, id: string, total: number) => ({ account, emagOrderId: id, total, currency: "RON", customer: null });
  it("one alert per account, counting its orders at or above the threshold", () => {
    const out = match({ orders: [o("main", "1", 5000), o("main", "2", 4999.99), o("fbe", "3", 12000), o("main", "4", 8000)] }, 5000);
    expect(out.map((s) => [s.key, s.count, s.title])).toEqual([["main", 2, "2 large MAIN orders"], ["fbe", 1, "Large FBE order 3: 12000.00 RON"]]);
    expect(out[0]!.lines).toEqual(["Order 1: 5000.00 RON", "Order 4: 8000.00 RON"]);
  });
  it("nothing below the threshold", () => {
    expect(match({ orders: [o("main", "1", 10)] }, 5000)).toEqual([]);
  });
});

describe("inventory.low_stock", () => {
  const match = alertRules["inventory.low_stock"].match;
  it("counts crossed offers with at most `threshold` units", () => {
    const items = [
      { emag_offer_id: "1", name: "Mouse", available: 0, threshold: 20 },
      { emag_offer_id: "2", name: null, available: 5, threshold: 20 },
      { emag_offer_id: "3", name: "Cable", available: 6, threshold: 20 },
    ];
    const [s, ...rest] = match({ account: "main", items }, 5);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ key: "main", count: 2, title: "2 offers low on stock" });
    expect(match({ account: "main", items: items.slice(2) }, 5)).toEqual([]);
    expect(match({ account: "main", items: items.slice(0, 1) }, 5)[0]!.title).toBe("Low stock: Mouse (0 left)");
  });
});

describe("emag.errors", () => {
  it("alerts at or above the share, and only with enough requests to judge", () => {
    const rows = [
      { account: "main", requests: 100, errors: 20, rate_limited: 12 },
      { account: "fbe", requests: 100, errors: 19, rate_limited: 0 },
      { account: "new", requests: 19, errors: 19, rate_limited: 19 },
    ];
    expect(emagErrorSubjects(rows, 20).map((s) => [s.key, s.count, s.title])).toEqual([["main", 20, "eMAG errors at 20% for MAIN (20 of 100 requests)"]]);
    expect(emagErrorSubjects(rows, 19).map((s) => s.key)).toEqual(["main", "fbe"]);
  });

  it("counts every non-2xx outcome as an error and 429s apart", () => {
    const v = (account: string, status: string, value: number) => ({ labels: { account, status }, value });
    const t = totalsOf([v("main", "200", 50), v("main", "204", 5), v("main", "429", 3), v("main", "timeout", 1), v("main", "api_error", 2), v("fbe", "502", 4)]);
    expect(Object.fromEntries(t)).toEqual({ main: { requests: 61, errors: 6, rate_limited: 3 }, fbe: { requests: 4, errors: 4, rate_limited: 0 } });
  });
});

describe("the registry", () => {
  it("every rule has a sensible default: on, a window, and a default threshold inside its range", () => {
    for (const [id, r] of Object.entries(alertRules)) {
      expect(r.defaultEnabled, id).toBe(true);
      expect(r.windowMinutes, id).toBeGreaterThan(0);
      if (r.threshold) expect(r.threshold.default >= r.threshold.min && r.threshold.default <= r.threshold.max, id).toBe(true);
    }
  });
});
