// Tier, loyalty and risk of one customer from its metrics. Each is a fixed formula (written out
// here and in README) with its reasons returned, so the UI can say why. RFM is in rfm.ts: it ranks
// a customer against the whole base.
import { z } from "zod";
import type { CustomerMetrics } from "./metrics";
import { daysBetween } from "./money";

// ---- Tier -------------------------------------------------------------------------------------

export const TIERS = ["bronze", "silver", "gold", "platinum"] as const;
export type Tier = (typeof TIERS)[number];

/** Net spend (RON) from which a tier starts; bronze is everything below silver, from 0. */
export const tierThresholdsSchema = z
  .object({ silver: z.number().min(0), gold: z.number().min(0), platinum: z.number().min(0) })
  .refine((t) => t.silver <= t.gold && t.gold <= t.platinum, { message: "thresholds must rise: silver <= gold <= platinum" });
export type TierThresholds = z.infer<typeof tierThresholdsSchema>;

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { silver: 1_000, gold: 5_000, platinum: 20_000 };

/** tier = platinum if netSpend >= platinum, gold if >= gold, silver if >= silver, else bronze. */
export function tierFor(netSpend: number, thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS): Tier {
  const t = tierThresholdsSchema.parse(thresholds);
  if (netSpend >= t.platinum) return "platinum";
  if (netSpend >= t.gold) return "gold";
  if (netSpend >= t.silver) return "silver";
  return "bronze";
}

// ---- Loyalty ----------------------------------------------------------------------------------

export interface LoyaltyConfig {
  weights: { frequency: number; recency: number; spend: number; tenure: number };
  /** Purchases, net spend (RON) and active span (days) that earn a full sub-score; days after which recency is 0. */
  frequencyCap: number;
  spendCap: number;
  tenureCapDays: number;
  recencyHorizonDays: number;
}

export const DEFAULT_LOYALTY: LoyaltyConfig = {
  weights: { frequency: 0.35, recency: 0.3, spend: 0.2, tenure: 0.15 },
  frequencyCap: 10,
  spendCap: 5_000,
  tenureCapDays: 365,
  recencyHorizonDays: 365,
};

type LoyaltyPart = "frequency" | "recency" | "spend" | "tenure";
export type LoyaltyMetrics = Pick<CustomerMetrics, "purchases" | "netSpend" | "daysSinceLastPurchase" | "firstPurchaseAt" | "lastPurchaseAt">;

export interface LoyaltyResult {
  /** 0-100, integer. */
  score: number;
  inputs: { purchases: number; netSpend: number; daysSinceLastPurchase: number | null; activeDays: number };
  /** Each sub-score (0-1), its weight and the points (0-100 scale, 1 decimal) it contributes. */
  parts: Record<LoyaltyPart, { value: number; weight: number; points: number }>;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * score = round(100 * (wF*F + wR*R + wM*M + wT*T)), weights 0.35 / 0.30 / 0.20 / 0.15, where
 *   F = sqrt(min(1, purchases / 10))
 *   R = max(0, 1 - daysSinceLastPurchase / 365)          (0 without a purchase)
 *   M = sqrt(min(1, netSpend / 5000))
 *   T = min(1, (lastPurchaseAt - firstPurchaseAt) in days / 365)
 * The square roots make the first orders and lei count most. T is the span of buying, not the age of
 * the first order, so a single order long ago earns no tenure.
 */
export function loyaltyScore(m: LoyaltyMetrics, config: LoyaltyConfig = DEFAULT_LOYALTY): LoyaltyResult {
  const activeDays = m.firstPurchaseAt && m.lastPurchaseAt ? daysBetween(m.firstPurchaseAt, m.lastPurchaseAt) : 0;
  const values: Record<LoyaltyPart, number> = {
    frequency: Math.sqrt(clamp01(m.purchases / config.frequencyCap)),
    recency: m.daysSinceLastPurchase === null ? 0 : clamp01(1 - m.daysSinceLastPurchase / config.recencyHorizonDays),
    spend: Math.sqrt(clamp01(m.netSpend / config.spendCap)),
    tenure: clamp01(activeDays / config.tenureCapDays),
  };
  const partNames = Object.keys(values) as LoyaltyPart[];
  const total = partNames.reduce((s, p) => s + config.weights[p] * values[p], 0);
  const parts = Object.fromEntries(
    partNames.map((p) => [p, { value: values[p], weight: config.weights[p], points: Math.round(config.weights[p] * values[p] * 1000) / 10 }]),
  ) as LoyaltyResult["parts"];
  return {
    score: Math.min(100, Math.max(0, Math.round(100 * total))),
    inputs: { purchases: m.purchases, netSpend: m.netSpend, daysSinceLastPurchase: m.daysSinceLastPurchase, activeDays },
    parts,
  };
}

// ---- Risk -------------------------------------------------------------------------------------

export type RiskLevel = "low" | "medium" | "high";
export type RiskReasonCode = "refused_cod" | "cancellations" | "returns" | "inactive";
export interface RiskReason {
  code: RiskReasonCode;
  points: number;
  /** The count (or days) behind it, and the rate where one applies. */
  count: number;
  rate: number | null;
  message: string;
}

export interface RiskConfig {
  /** A rate only counts from this many cancelled / returned orders (one out-of-stock cancel is no signal). */
  minCount: number;
  rateMedium: number;
  rateHigh: number;
  inactiveDays: number;
}
export const DEFAULT_RISK: RiskConfig = { minCount: 2, rateMedium: 0.25, rateHigh: 0.5, inactiveDays: 365 };

export type RiskMetrics = Pick<CustomerMetrics, "orders" | "cancelledByCustomer" | "returned" | "delivered" | "fullyReturned" | "refusedCod" | "daysSinceLastOrder">;

const pct = (r: number) => `${Math.round(r * 100)} %`;

/**
 * Points, summed; high from 3, medium from 1, else low:
 *   refused COD: 1 -> 2 points, 2 or more -> 3
 *   cancellation rate = cancelledByCustomer / orders, when cancelledByCustomer >= 2: >= 50 % -> 2, >= 25 % -> 1
 *   return rate = returned / (delivered + fullyReturned), when returned >= 2: >= 50 % -> 2, >= 25 % -> 1
 *   inactive: daysSinceLastOrder >= 365 -> 1
 */
export function riskScore(m: RiskMetrics, config: RiskConfig = DEFAULT_RISK): { level: RiskLevel; points: number; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  const ratePoints = (count: number, rate: number) => (count < config.minCount ? 0 : rate >= config.rateHigh ? 2 : rate >= config.rateMedium ? 1 : 0);
  if (m.refusedCod > 0) {
    reasons.push({ code: "refused_cod", points: m.refusedCod >= 2 ? 3 : 2, count: m.refusedCod, rate: null, message: `${m.refusedCod} cash-on-delivery parcel(s) not taken` });
  }
  const cancelRate = m.orders > 0 ? m.cancelledByCustomer / m.orders : 0;
  const cancelPoints = ratePoints(m.cancelledByCustomer, cancelRate);
  if (cancelPoints > 0) {
    reasons.push({ code: "cancellations", points: cancelPoints, count: m.cancelledByCustomer, rate: cancelRate, message: `${m.cancelledByCustomer} of ${m.orders} orders cancelled (${pct(cancelRate)})` });
  }
  const shipped = m.delivered + m.fullyReturned;
  const returnRate = shipped > 0 ? m.returned / shipped : 0;
  const returnPoints = ratePoints(m.returned, returnRate);
  if (returnPoints > 0) {
    reasons.push({ code: "returns", points: returnPoints, count: m.returned, rate: returnRate, message: `${m.returned} of ${shipped} delivered orders returned (${pct(returnRate)})` });
  }
  if (m.daysSinceLastOrder !== null && m.daysSinceLastOrder >= config.inactiveDays) {
    reasons.push({ code: "inactive", points: 1, count: m.daysSinceLastOrder, rate: null, message: `no order for ${m.daysSinceLastOrder} days` });
  }
  const points = reasons.reduce((s, r) => s + r.points, 0);
  return { level: points >= 3 ? "high" : points >= 1 ? "medium" : "low", points, reasons };
}
