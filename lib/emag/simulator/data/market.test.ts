// The competition model on its own: generated figures are bucket 0, ties go our way, drift is
// deterministic and bounded, Smart Deals targets sit below the best competitor.
import { describe, expect, it } from "vitest";
import { competitorPrices, marketBucket, marketFigures, rebaseClock, smartDealsPrice } from "./market";
import { generateOffer, refreshMarket } from "./offers";

const NOW = Date.UTC(2025, 10, 3, 9, 0, 0);
const offers = (n: number, seed = 42) => Array.from({ length: n }, (_, i) => generateOffer(seed, 1, i, i, 100, NOW));

describe("competition model", () => {
  it("reproduces the generated number_of_offers, buy_button_rank and best price at bucket 0", () => {
    const all = offers(5000);
    const generated = all.map((o) => [o.numberOfOffers, o.buyButtonRank, o.bestOfferSalePrice]);
    expect(all.map((o) => refreshMarket(o, 0)).map((o) => [o.numberOfOffers, o.buyButtonRank, o.bestOfferSalePrice])).toEqual(generated);
    expect(new Set(all.map((o) => o.buyButtonRank)).size).toBeGreaterThan(3);
    expect(all.some((o) => o.numberOfOffers === 1)).toBe(true);
  });

  it("ranks by price with ties in our favour", () => {
    expect(marketFigures(49, [50, 60])).toEqual({ numberOfOffers: 3, buyButtonRank: 1, bestOfferSalePrice: 49 });
    expect(marketFigures(50, [50, 60])).toEqual({ numberOfOffers: 3, buyButtonRank: 1, bestOfferSalePrice: 50 });
    expect(marketFigures(55, [50, 60])).toEqual({ numberOfOffers: 3, buyButtonRank: 2, bestOfferSalePrice: 50 });
    expect(marketFigures(70, [60, 50])).toEqual({ numberOfOffers: 3, buyButtonRank: 3, bestOfferSalePrice: 50 });
    expect(marketFigures(70, [])).toEqual({ numberOfOffers: 1, buyButtonRank: 1, bestOfferSalePrice: 70 });
  });

  it("drifts a few competitor prices per bucket, deterministically and within ±10 % of the base", () => {
    const [a, b] = [offers(300), offers(300)];
    const withCompetitors = a.filter((o) => o.market.count > 0);
    let moved = 0;
    let total = 0;
    for (const bucket of [1, 2, 7, 50]) {
      for (const o of withCompetitors) {
        const base = competitorPrices(o.market, 0);
        const now = competitorPrices(o.market, bucket);
        expect(now).toEqual(competitorPrices(b[a.indexOf(o)]!.market, bucket)); // same seed, same prices
        now.forEach((p, i) => {
          total++;
          if (p !== base[i]) moved++;
          expect(Math.abs(p / base[i]! - 1)).toBeLessThanOrEqual(0.1001);
        });
      }
    }
    // Some move, many do not (a third never reprice, others only every few buckets).
    expect(moved / total).toBeGreaterThan(0.2);
    expect(moved / total).toBeLessThan(0.8);
    // Consecutive buckets: only a share of the competitors moves at each step.
    const steps = withCompetitors.flatMap((o) => {
      const x = competitorPrices(o.market, 10);
      return competitorPrices(o.market, 11).map((p, i) => p !== x[i]);
    });
    const share = steps.filter(Boolean).length / steps.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.7);
  });

  it("forced prices replace the seeded ones and do not drift", () => {
    const [o] = offers(1);
    o!.market.forced = [10, 20];
    expect(competitorPrices(o!.market, 0)).toEqual([10, 20]);
    expect(competitorPrices(o!.market, 99)).toEqual([10, 20]);
  });

  it("gives about 40 % of the offers with competitors a Smart Deals target below the best competitor", () => {
    const all = offers(2000).filter((o) => o.market.count > 0);
    const targets = all.map((o) => [o, smartDealsPrice(o.market, 0)] as const);
    const share = targets.filter(([, t]) => t !== null).length / all.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    for (const [o, t] of targets) {
      if (t === null) continue;
      const best = Math.min(...competitorPrices(o.market, 0));
      expect(t).toBeLessThan(best);
      expect(t).toBeGreaterThanOrEqual(Math.floor(best * 0.92 * 100) / 100);
    }
    expect(offers(500).filter((o) => o.market.count === 0).every((o) => smartDealsPrice(o.market, 3) === null)).toBe(true);
  });

  it("keeps the bucket continuous when the drift period changes", () => {
    const clock = { originMs: NOW, ticks: 2 };
    expect(marketBucket(clock, 0, NOW + 3_600_000)).toBe(2);
    expect(marketBucket(clock, 600_000, NOW + 3_600_000)).toBe(8);
    rebaseClock(clock, 600_000, NOW + 3_600_000);
    expect(marketBucket(clock, 0, NOW + 9_999_999)).toBe(8);
  });
});
