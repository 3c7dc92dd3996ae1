import { describe, expect, it } from "vitest";
import { customerMetrics } from "./metrics";
import { fmScore, quintileScores, RFM_GRID, RFM_SEGMENTS, rfmInputOf, rfmScores, rfmSegment, type RfmInput } from "./rfm";
import { order } from "./test-fixtures";

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const counts = (scores: number[]) => [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length);

/** The SQL formula, literally: 1 + (5 * (rank() - 1)) / count(*) with rank() = 1 + #strictly smaller. */
const sqlScores = (values: number[]) => values.map((v) => 1 + Math.floor((5 * values.filter((w) => w < v).length) / values.length));

describe("quintile scores", () => {
  it.each([100, 1000, 37, 1003, 5, 7])("give each score ~20 %% of %i distinct values, in value order", (n) => {
    const rand = mulberry32(n);
    const values = Array.from({ length: n }, (_, i) => i * 3 + 1).sort(() => rand() - 0.5);
    const scores = quintileScores(values);
    for (const c of counts(scores)) {
      expect(c).toBeGreaterThanOrEqual(Math.floor(n / 5));
      expect(c).toBeLessThanOrEqual(Math.ceil(n / 5));
    }
    if (n % 5 === 0) expect(counts(scores)).toEqual([n / 5, n / 5, n / 5, n / 5, n / 5]);
    const byValue = values.map((v, i) => [v, scores[i]!] as const).sort((a, b) => a[0] - b[0]);
    byValue.forEach(([, s], i) => i > 0 && expect(s).toBeGreaterThanOrEqual(byValue[i - 1]![1]));
  });

  it("give equal values equal scores (the lowest their rank reaches) and match the SQL formula", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const values = Array.from({ length: 50 + seed * 7 }, () => Math.floor(rand() * 12));
      const scores = quintileScores(values);
      expect(scores).toEqual(sqlScores(values));
      values.forEach((v, i) => values.forEach((w, j) => v === w && expect(scores[i]).toBe(scores[j])));
    }
    // 7 of 10 customers with one order all score 1; the 2-order one is ranked 8th.
    expect(quintileScores([1, 1, 1, 1, 1, 1, 1, 2, 3, 3])).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 5]);
    expect(quintileScores([4, 4, 4])).toEqual([1, 1, 1]);
    expect(quintileScores([])).toEqual([]);
    expect(() => quintileScores([1, Number.NaN])).toThrow();
  });
});

describe("segments", () => {
  it("map the 25 (R, FM) cells onto the ten segments, each reachable", () => {
    const cells = [1, 2, 3, 4, 5].flatMap((r) => [1, 2, 3, 4, 5].map((fm) => rfmSegment(r, fm)));
    expect(new Set(cells)).toEqual(new Set(RFM_SEGMENTS));
    expect(rfmSegment(5, 5)).toBe("champions");
    expect(rfmSegment(1, 5)).toBe("cant_lose_them");
    expect(rfmSegment(1, 1)).toBe("lost");
    expect(rfmSegment(5, 1)).toBe("new");
    expect(Object.keys(RFM_GRID)).toHaveLength(5);
    expect(() => rfmSegment(0, 3)).toThrow();
  });

  it("combine F and M as ceil((F + M) / 2)", () => {
    expect([fmScore(1, 1), fmScore(1, 2), fmScore(2, 2), fmScore(4, 5), fmScore(5, 5), fmScore(1, 5)]).toEqual([1, 2, 2, 5, 5, 3]);
  });

  it("reach every segment through a base whose scores cover the grid", () => {
    // 25 customers: recency level i and frequency = monetary level j, 5 customers per level.
    const base: RfmInput[] = [0, 1, 2, 3, 4].flatMap((i) =>
      [0, 1, 2, 3, 4].map((j) => ({ customerId: `c${i}${j}`, lastPurchaseAt: new Date(Date.UTC(2025, i, 1)), purchases: j + 1, netSpendCents: (j + 1) * 10_000 })),
    );
    const out = rfmScores(base);
    for (const c of base) {
      const i = Number(c.customerId[1]);
      const j = Number(c.customerId[2]);
      expect(out.get(c.customerId)).toEqual({ r: i + 1, f: j + 1, m: j + 1, fm: j + 1, segment: RFM_GRID[(i + 1) as 1][j] });
    }
    expect(new Set([...out.values()].map((x) => x.segment))).toEqual(new Set(RFM_SEGMENTS));
  });
});

describe("hand-made customers land in the expected segment", () => {
  const now = new Date("2025-07-01T12:00:00Z");
  // [id, last purchase, purchases, net spend RON, expected segment]; README works this table out.
  const table = [
    ["champ", "2025-06-30", 20, 9000, "champions"],
    ["newbie", "2025-06-29", 1, 30, "new"],
    ["potential", "2025-06-20", 3, 400, "potential_loyalists"],
    ["promising", "2025-06-01", 1, 40, "promising"],
    ["loyal", "2025-04-15", 8, 3000, "loyal"],
    ["attention", "2025-03-01", 3, 300, "need_attention"],
    ["hibernating", "2024-12-01", 1, 60, "hibernating"],
    ["atRisk", "2024-10-01", 5, 2000, "at_risk"],
    ["cantLose", "2024-06-01", 15, 12_000, "cant_lose_them"],
    ["lost", "2023-05-01", 1, 50, "lost"],
  ] as const;

  it("from their orders, through the metrics", () => {
    const base = table.map(([id, last, n, spend]) => {
      // n orders on consecutive days ending at `last`, the spend spread over them.
      const orders = Array.from({ length: n }, (_, k) => order(new Date(Date.parse(`${last}T12:00:00Z`) - k * 86_400_000).toISOString(), { total: spend / n }));
      return rfmInputOf(id, customerMetrics(orders, [], { now }))!;
    });
    const out = rfmScores(base);
    expect(Object.fromEntries(table.map(([id]) => [id, out.get(id)!.segment]))).toEqual(Object.fromEntries(table.map(([id, , , , seg]) => [id, seg])));
    expect(out.get("champ")).toEqual({ r: 5, f: 5, m: 5, fm: 5, segment: "champions" });
    expect(out.get("lost")).toEqual({ r: 1, f: 1, m: 2, fm: 2, segment: "lost" });
  });

  it("leaves a customer without a purchase out of the base", () => {
    const m = customerMetrics([order("2025-06-01", { status: 0, shipped: false })], [], { now });
    expect(rfmInputOf("x", m)).toBeNull();
  });
});
