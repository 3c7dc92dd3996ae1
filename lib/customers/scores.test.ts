import { describe, expect, it } from "vitest";
import { customerMetrics } from "./metrics";
import { DEFAULT_LOYALTY, loyaltyScore, riskScore, tierFor, type LoyaltyMetrics, type RiskMetrics } from "./scores";
import { order, rma } from "./test-fixtures";

const now = new Date("2025-07-01T12:00:00Z");

describe("tier", () => {
  it("follows the default thresholds 0 / 1,000 / 5,000 / 20,000 RON", () => {
    expect([0, 999.99, 1000, 4999.99, 5000, 19_999.99, 20_000, 1e6].map((s) => tierFor(s))).toEqual(["bronze", "bronze", "silver", "silver", "gold", "gold", "platinum", "platinum"]);
  });

  it("takes configured thresholds and refuses falling ones", () => {
    const t = { silver: 100, gold: 200, platinum: 300 };
    expect([50, 150, 250, 350].map((s) => tierFor(s, t))).toEqual(["bronze", "silver", "gold", "platinum"]);
    expect(tierFor(150, { silver: 100, gold: 100, platinum: 300 })).toBe("gold");
    expect(() => tierFor(10, { silver: 500, gold: 100, platinum: 300 })).toThrow(/rise/);
    expect(() => tierFor(10, { silver: -1, gold: 100, platinum: 300 })).toThrow();
  });
});

const loyal = (m: Partial<LoyaltyMetrics>): LoyaltyMetrics => ({ purchases: 0, netSpend: 0, daysSinceLastPurchase: null, firstPurchaseAt: null, lastPurchaseAt: null, ...m });

describe("loyalty", () => {
  it("is 0 without purchases and 100 at every cap", () => {
    expect(loyaltyScore(loyal({})).score).toBe(0);
    const top = loyaltyScore(loyal({ purchases: 25, netSpend: 30_000, daysSinceLastPurchase: 0, firstPurchaseAt: new Date("2022-01-01"), lastPurchaseAt: now }));
    expect(top.score).toBe(100);
    expect(Object.values(top.parts).map((p) => p.points)).toEqual([35, 30, 20, 15]);
  });

  it("scores a hand-made regular customer by the documented formula", () => {
    // 4 purchases over 6 months, last one 30 days ago, 1,250 RON.
    const r = loyaltyScore(loyal({ purchases: 4, netSpend: 1250, daysSinceLastPurchase: 30, firstPurchaseAt: new Date("2024-12-03T12:00:00Z"), lastPurchaseAt: new Date("2025-06-01T12:00:00Z") }));
    const f = Math.sqrt(0.4);
    const rec = 1 - 30 / 365;
    const s = Math.sqrt(0.25);
    const t = 180 / 365;
    expect(r.inputs).toEqual({ purchases: 4, netSpend: 1250, daysSinceLastPurchase: 30, activeDays: 180 });
    expect(r.score).toBe(Math.round(100 * (0.35 * f + 0.3 * rec + 0.2 * s + 0.15 * t)));
    expect(r.score).toBe(67); // 22.1 + 27.5 + 10 + 7.4
    expect(r.parts.recency).toEqual({ value: rec, weight: 0.3, points: 27.5 });
  });

  it("gives a single order long ago no tenure and no recency", () => {
    const once = new Date("2022-01-01");
    const r = loyaltyScore(loyal({ purchases: 1, netSpend: 100, daysSinceLastPurchase: 1277, firstPurchaseAt: once, lastPurchaseAt: once }));
    expect(r.parts.tenure.value).toBe(0);
    expect(r.parts.recency.value).toBe(0);
    expect(r.score).toBe(Math.round(100 * (0.35 * Math.sqrt(0.1) + 0.2 * Math.sqrt(100 / 5000))));
  });

  it("takes other weights and caps", () => {
    const r = loyaltyScore(loyal({ purchases: 2, netSpend: 0, daysSinceLastPurchase: 0 }), { ...DEFAULT_LOYALTY, weights: { frequency: 0.5, recency: 0.5, spend: 0, tenure: 0 }, frequencyCap: 2 });
    expect(r.score).toBe(100);
  });
});

const risky = (m: Partial<RiskMetrics>): RiskMetrics => ({ orders: 10, cancelledByCustomer: 0, returned: 0, delivered: 10, fullyReturned: 0, refusedCod: 0, daysSinceLastOrder: 10, ...m });

describe("risk", () => {
  it("is low for a clean customer, with no reasons", () => {
    expect(riskScore(risky({}))).toEqual({ level: "low", points: 0, reasons: [] });
  });

  it("treats one refused COD parcel as medium, two as high", () => {
    expect(riskScore(risky({ refusedCod: 1 }))).toMatchObject({ level: "medium", points: 2, reasons: [{ code: "refused_cod", count: 1 }] });
    expect(riskScore(risky({ refusedCod: 2 }))).toMatchObject({ level: "high", points: 3 });
  });

  it("counts rates only from two cancellations or returns", () => {
    expect(riskScore(risky({ orders: 1, cancelledByCustomer: 1, delivered: 0 })).level).toBe("low");
    expect(riskScore(risky({ orders: 4, cancelledByCustomer: 2, delivered: 2 }))).toMatchObject({ level: "medium", points: 2, reasons: [{ code: "cancellations", rate: 0.5 }] });
    expect(riskScore(risky({ orders: 8, cancelledByCustomer: 2, delivered: 6 }))).toMatchObject({ points: 1, reasons: [{ code: "cancellations", rate: 0.25 }] });
    expect(riskScore(risky({ delivered: 3, fullyReturned: 1, returned: 2 }))).toMatchObject({ points: 2, reasons: [{ code: "returns", rate: 0.5, message: "2 of 4 delivered orders returned (50 %)" }] });
  });

  it("adds inactivity, and sums everything into high", () => {
    expect(riskScore(risky({ daysSinceLastOrder: 400 }))).toMatchObject({ level: "medium", points: 1, reasons: [{ code: "inactive", count: 400 }] });
    const r = riskScore(risky({ orders: 4, cancelledByCustomer: 2, delivered: 2, daysSinceLastOrder: 400 }));
    expect(r.level).toBe("high");
    expect(r.reasons.map((x) => x.code)).toEqual(["cancellations", "inactive"]);
  });

  it("scores a hand-made customer from its orders: a COD parcel refused and a return", () => {
    const buyer = { phones: ["0722123456"] };
    const kept = order("2025-01-10", { paymentModeId: 1, buyer });
    const orders = [kept, order("2025-02-10", { paymentModeId: 1, status: 0, shipped: true, cancellationReasonId: 20, buyer }), order("2025-03-10", { buyer })];
    const m = customerMetrics(orders, [rma(kept, { refundValue: 50 })], { now });
    expect(riskScore(m)).toMatchObject({ level: "medium", points: 2, reasons: [{ code: "refused_cod" }] });
  });
});
