// RFM: recency, frequency and monetary scores 1-5 as quintiles over the whole customer base, and
// the segment the (R, FM) pair falls in. SQL will compute the same scores for the whole table, so
// the tie rule is exact integer arithmetic (README "RFM" has the matching SQL).
import type { CustomerMetrics } from "./metrics";

/**
 * Quintile score of each value (same index), higher value -> higher score:
 *   rank  = 1 + (number of values strictly below it)          (SQL rank(): ties share the lowest rank)
 *   score = 1 + floor(5 * (rank - 1) / N)                      (integer division, N = base size)
 * Equal values get equal scores. For N distinct values each score holds N/5 of them (floor/ceil).
 * Not ntile(5) (it splits ties) and not percent_rank (it divides by N - 1).
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("quintileScores: every value must be a finite number");
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const scores = new Array<number>(n);
  let rank = 1;
  order.forEach(({ v, i }, pos) => {
    if (pos > 0 && v !== order[pos - 1]!.v) rank = pos + 1;
    scores[i] = 1 + Math.floor((5 * (rank - 1)) / n);
  });
  return scores;
}

export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new",
  "promising",
  "need_attention",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_LABELS: Record<RfmSegment, string> = {
  champions: "Champions",
  loyal: "Loyal",
  potential_loyalists: "Potential loyalists",
  new: "New",
  promising: "Promising",
  need_attention: "Need attention",
  at_risk: "At risk",
  cant_lose_them: "Can't lose them",
  hibernating: "Hibernating",
  lost: "Lost",
};

/**
 * Rows R = 5..1, columns FM = 1..5. The common R x F grid (Champions 5/4-5, Loyal 3-4/4-5, Potential
 * loyalists 4-5/2-3, New 5/1, Promising 4/1, Need attention 3/3, At risk 1-2/3-4, Can't lose them
 * 1-2/5, Hibernating 1-2/1-2) on FM, with its "About to sleep" (3/1-2) folded into Need attention and
 * its R = 1 Hibernating row named Lost.
 */
export const RFM_GRID: Record<1 | 2 | 3 | 4 | 5, readonly [RfmSegment, RfmSegment, RfmSegment, RfmSegment, RfmSegment]> = {
  5: ["new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
  4: ["promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
  3: ["need_attention", "need_attention", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
  1: ["lost", "lost", "at_risk", "at_risk", "cant_lose_them"],
};

const score = (x: number) => {
  if (!Number.isInteger(x) || x < 1 || x > 5) throw new RangeError(`RFM score must be 1..5, got ${x}`);
  return x as 1 | 2 | 3 | 4 | 5;
};

/** FM = ceil((F + M) / 2): integer `(f + m + 1) / 2`. */
export const fmScore = (f: number, m: number) => Math.floor((score(f) + score(m) + 1) / 2);

export const rfmSegment = (r: number, fm: number): RfmSegment => RFM_GRID[score(r)][score(fm) - 1]!;

/** One customer of the base. Only customers with a purchase belong to it (others have no RFM). */
export interface RfmInput {
  customerId: string;
  /** Recency is ranked on the instant (ms), not on days, so it does not depend on `now`. */
  lastPurchaseAt: Date;
  purchases: number;
  netSpendCents: number;
}

export interface RfmResult {
  r: number;
  f: number;
  m: number;
  fm: number;
  segment: RfmSegment;
}

/** The RFM input of a customer, or null when it has no purchase (then it is outside the base). */
export function rfmInputOf(customerId: string, m: Pick<CustomerMetrics, "purchases" | "lastPurchaseAt" | "netSpendCents">): RfmInput | null {
  return m.purchases > 0 && m.lastPurchaseAt ? { customerId, lastPurchaseAt: m.lastPurchaseAt, purchases: m.purchases, netSpendCents: m.netSpendCents } : null;
}

/** Scores and segment of every customer of the base, by customer id. */
export function rfmScores(base: readonly RfmInput[]): Map<string, RfmResult> {
  const r = quintileScores(base.map((c) => c.lastPurchaseAt.getTime()));
  const f = quintileScores(base.map((c) => c.purchases));
  const m = quintileScores(base.map((c) => c.netSpendCents));
  const out = new Map<string, RfmResult>();
  base.forEach((c, i) => {
    const fm = fmScore(f[i]!, m[i]!);
    out.set(c.customerId, { r: r[i]!, f: f[i]!, m: m[i]!, fm, segment: rfmSegment(r[i]!, fm) });
  });
  return out;
}
