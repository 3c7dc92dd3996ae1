// The repricer's price core: hand-made cases, then thousands of seeded random (and degenerate)
// ones, none of which may ever leave [floor, ceiling] ∩ [min_sale_price, max_sale_price].
import { describe, expect, it } from "vitest";
import { boundsOf, changesPrice, repriceTarget, type RepriceInput } from "./price";

const base: RepriceInput = { current: 100, min: 50, max: 200, floor: 60, ceiling: 150, strategy: "buy_button", step: 0.01, bestOfferPrice: 90, ourRank: 3 };

describe("repriceTarget: examples", () => {
  it("buy_button below rank 1: best offer minus the step", () => {
    expect(repriceTarget(base)).toEqual({ price: 89.99, reason: expect.stringContaining("Rank 3"), clamped: false });
  });
  it("buy_button at rank 1 keeps the price and says why", () => {
    const r = repriceTarget({ ...base, ourRank: 1, bestOfferPrice: 100 });
    expect(r.price).toBe(100);
    expect(r.reason).toMatch(/rank 1/);
    expect(changesPrice(100, r.price)).toBe(false);
  });
  it("buy_button at rank 1 outside the bounds moves into them", () => {
    expect(repriceTarget({ ...base, current: 170, ourRank: 1, bestOfferPrice: 170 })).toMatchObject({ price: 150, clamped: true });
  });
  it("clamps to the floor, and to min_sale_price when it is higher", () => {
    expect(repriceTarget({ ...base, bestOfferPrice: 40 })).toMatchObject({ price: 60, clamped: true, reason: expect.stringContaining("floor 60") });
    expect(repriceTarget({ ...base, floor: 10, bestOfferPrice: 40 })).toMatchObject({ price: 50, clamped: true, reason: expect.stringContaining("min_sale_price 50") });
  });
  it("clamps to the ceiling, and to max_sale_price when it is lower", () => {
    expect(repriceTarget({ ...base, current: 300, bestOfferPrice: 280 })).toMatchObject({ price: 150, clamped: true });
    expect(repriceTarget({ ...base, ceiling: null, current: 300, bestOfferPrice: 280 })).toMatchObject({ price: 200, clamped: true });
  });
  it("an empty interval changes nothing and says so", () => {
    expect(repriceTarget({ ...base, floor: 160, ceiling: 150 })).toMatchObject({ price: null, reason: expect.stringContaining("No price fits") });
    expect(repriceTarget({ ...base, floor: 210, ceiling: null })).toMatchObject({ price: null });
  });
  it("smart_deals: the target price, null means no change", () => {
    expect(repriceTarget({ ...base, strategy: "smart_deals", smartDealsPrice: 77.123456 })).toMatchObject({ price: 77.1235, clamped: false });
    expect(repriceTarget({ ...base, strategy: "smart_deals", smartDealsPrice: null })).toMatchObject({ price: null, reason: expect.stringContaining("No Smart Deals") });
    expect(repriceTarget({ ...base, strategy: "smart_deals", smartDealsPrice: 20 })).toMatchObject({ price: 60, clamped: true });
  });
  it("no data, no price: no change", () => {
    expect(repriceTarget({ ...base, ourRank: null })).toMatchObject({ price: null });
    expect(repriceTarget({ ...base, bestOfferPrice: null })).toMatchObject({ price: null });
    expect(repriceTarget({ ...base, current: null })).toMatchObject({ price: null });
    expect(repriceTarget({ ...base, step: 0 })).toMatchObject({ price: null });
  });
  it("rounds to 4 decimals inward when a bound has more", () => {
    expect(boundsOf({ floor: 10.00005, ceiling: 10.00015, min: null, max: null })).toEqual({ lo: 100001, hi: 100001 });
    expect(boundsOf({ floor: 10.00001, ceiling: 10.00009, min: null, max: null })).toBeNull();
    expect(repriceTarget({ ...base, floor: 89.99995, bestOfferPrice: 90, step: 0.01 })).toMatchObject({ price: 90, clamped: true });
  });
});

/** mulberry32: a small seeded PRNG, so every failure is reproducible from its case number. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCase(r: () => number): RepriceInput {
  const price = () => {
    const k = r();
    if (k < 0.05) return null;
    if (k < 0.08) return 0;
    if (k < 0.1) return -r() * 10;
    if (k < 0.12) return Number.NaN;
    if (k < 0.2) return Math.round(r() * 1000) / 100; // cents
    if (k < 0.25) return 1e-5 + r() * 1e-3; // below eMAG's unit
    return r() * (r() < 0.1 ? 1e6 : 500) + (r() < 0.3 ? r() * 1e-6 : 0); // odd decimals
  };
  const strategy = r() < 0.5 ? "buy_button" : "smart_deals";
  return {
    current: price(),
    min: price(),
    max: price(),
    floor: price(),
    ceiling: price(),
    strategy,
    step: r() < 0.1 ? [0, -1, Number.NaN, 1e-6][Math.floor(r() * 4)]! : Math.round(r() * 500) / 100 + 0.0001,
    bestOfferPrice: price(),
    ourRank: r() < 0.1 ? null : 1 + Math.floor(r() * 5),
    smartDealsPrice: price(),
  };
}

const ok = (n: number | null): n is number => typeof n === "number" && Number.isFinite(n);

describe("repriceTarget: property", () => {
  it("never leaves [floor, ceiling] ∩ [min, max], stays at 4 decimals and > 0 (20,000 seeded cases)", () => {
    const r = rng(20261201);
    let priced = 0;
    for (let n = 0; n < 20_000; n++) {
      const c = randomCase(r);
      const out = repriceTarget(c);
      expect(typeof out.reason, `case ${n}`).toBe("string");
      if (out.price === null) {
        // Nothing to send is always allowed; but with a target and room inside the bounds, a price must come out.
        const bounds = boundsOf(c);
        const hasTarget = c.strategy === "smart_deals" ? ok(c.smartDealsPrice ?? null) : ok(c.ourRank ?? null) && c.step > 0 && (c.ourRank! <= 1 || ok(c.bestOfferPrice ?? null));
        if (bounds && hasTarget && ok(c.current)) throw new Error(`case ${n}: no price although ${JSON.stringify(c)} has a target and bounds`);
        continue;
      }
      priced++;
      const p = out.price;
      const fail = `case ${n}: ${JSON.stringify(c)} -> ${p}`;
      expect(Number.isFinite(p), fail).toBe(true);
      expect(p, fail).toBeGreaterThan(0);
      for (const lo of [c.floor, c.min]) if (ok(lo)) expect(p, fail).toBeGreaterThanOrEqual(lo);
      for (const hi of [c.ceiling, c.max]) if (ok(hi)) expect(p, fail).toBeLessThanOrEqual(hi);
      expect(Math.abs(Math.round(p * 10_000) / 10_000 - p), fail).toBeLessThan(1e-9);
    }
    expect(priced).toBeGreaterThan(2_000); // the generator must reach the interesting cases
  });

  it("inside the bounds, the strategy's price is kept (rounded) and not flagged as clamped", () => {
    const r = rng(7);
    for (let n = 0; n < 5_000; n++) {
      const floor = 1 + Math.round(r() * 10_000) / 100;
      const ceiling = floor + Math.round(r() * 10_000) / 100;
      const best = floor + 0.02 + r() * (ceiling - floor);
      const step = 0.01;
      const out = repriceTarget({ current: best + 1, min: null, max: null, floor, ceiling, strategy: "buy_button", step, bestOfferPrice: best, ourRank: 2 });
      const target = Math.round((best - step) * 10_000) / 10_000;
      if (target >= floor && target <= ceiling) expect(out, `case ${n}`).toMatchObject({ price: target, clamped: false });
      else expect(out.clamped, `case ${n}`).toBe(true);
    }
  });
});
