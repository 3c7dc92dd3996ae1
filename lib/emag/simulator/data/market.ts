// Competition on each simulated offer: 0..N other sellers on the same PNK, whose prices are
// derived lazily from a per-offer seeded stream and the market clock (a bucket number), so
// nothing is stored per competitor and 100k offers cost one small object each.
//
// Rules (documented in lib/emag/README.md):
// - number_of_offers = 1 + competitors.
// - best_offer_sale_price = the lowest sale price among all sellers, ours included.
// - buy_button_rank = 1 + the number of competitors priced strictly below us, so a tie goes our
//   way: our price <= the best competitor price holds rank 1. Stock and status do not enter.
// - Competitor prices drift: each competitor either never moves (about a third) or reprices
//   every 1, 2, 3 or 6 buckets (own phase), to base * (1 + J(epoch) - J(epoch at bucket 0)),
//   J in ±5 %. Bucket 0 therefore reproduces the generated figures exactly, and the drift stays
//   bounded around each competitor's base price (no runaway).
// - Forced prices (control API) replace the seeded ones and never drift until cleared.
import { createRng, hashSeed } from "../prng";

export type OfferMarket = {
  /** Seeded stream for this offer's competitors and Smart Deals target. */
  key: number;
  /** Competitors (number_of_offers - 1). */
  count: number;
  /** Our sale price at generation; the competitors' base prices hang off it. */
  anchor: number;
  /** Competitors priced below us at generation (generated buy_button_rank - 1). */
  below: number;
  /** The lowest competitor price at generation when below > 0. */
  best: number;
  /** Set through POST /__sim/competitors: fixed prices, no drift. */
  forced?: number[];
  /** Lazily built base prices (only for offers that were read or written). */
  base?: number[];
};

/** The market figures a read or write exposes. */
export type MarketFigures = { numberOfOffers: number; buyButtonRank: number; bestOfferSalePrice: number };

const round2 = (n: number) => Math.round(n * 100) / 100;
const DRIFT = 0.05;
const PERIODS = [0, 0, 1, 2, 3, 6] as const; // 0 = never reprices

export function noCompetition(key: number, anchor: number): OfferMarket {
  return { key, count: 0, anchor, below: 0, best: 0 };
}

function basePrices(m: OfferMarket): number[] {
  if (m.base) return m.base;
  const rng = createRng(m.key, 1);
  const base = new Array<number>(m.count);
  for (let i = 0; i < m.count; i++) {
    const u = rng.next();
    if (i < m.below) {
      // Below us at generation: the first is the generated best price, the others between it and us.
      const p = i === 0 ? m.best : round2(m.best + (m.anchor - m.best) * u * 0.9);
      base[i] = p < m.anchor ? p : m.best;
    } else {
      base[i] = round2(m.anchor * (1.01 + 0.24 * u)); // strictly above us
    }
  }
  m.base = base;
  return base;
}

function jitter(key: number, i: number, epoch: number): number {
  return (createRng(key, 2, i, epoch).next() * 2 - 1) * DRIFT;
}

/** Competitor prices at a market bucket (bucket 0 = the generated figures). */
export function competitorPrices(m: OfferMarket, bucket: number): number[] {
  if (m.forced) return m.forced;
  const base = basePrices(m);
  if (bucket === 0) return base;
  const out = new Array<number>(base.length);
  for (let i = 0; i < base.length; i++) {
    const h = hashSeed(m.key, 3, i);
    const period = PERIODS[h % PERIODS.length]!;
    if (period === 0) {
      out[i] = base[i]!;
      continue;
    }
    const phase = (h >>> 8) % period; // < period, so bucket 0 is epoch 0
    const epoch = Math.floor((bucket + phase) / period);
    out[i] = epoch === 0 ? base[i]! : Math.max(0.01, round2(base[i]! * (1 + jitter(m.key, i, epoch) - jitter(m.key, i, 0))));
  }
  return out;
}

/** Rank and best price for our price against the competitors (ties go our way). */
export function marketFigures(ourPrice: number, competitors: readonly number[]): MarketFigures {
  let below = 0;
  let best = ourPrice;
  for (const p of competitors) {
    if (p < ourPrice) below++;
    if (p < best) best = p;
  }
  return { numberOfOffers: 1 + competitors.length, buyButtonRank: 1 + below, bestOfferSalePrice: best };
}

/** Share of offers with competitors that have a Smart Deals target, and its discount range. */
const SMART_DEALS_SHARE = 0.4;

/**
 * Smart Deals target (contract §5.11): for about 40 % of the offers that have competitors, 2-8 %
 * below the best competitor price right now (so it drifts with them); null otherwise.
 */
export function smartDealsPrice(m: OfferMarket, bucket: number): number | null {
  const rng = createRng(m.key, 4);
  if (rng.next() >= SMART_DEALS_SHARE) return null;
  const prices = competitorPrices(m, bucket);
  if (!prices.length) return null;
  const discount = 0.02 + rng.next() * 0.06;
  return Math.max(0.01, round2(Math.min(...prices) * (1 - discount)));
}

/**
 * The market clock: bucket = ticks + whole drift periods since origin. With driftMs 0 only
 * explicit ticks (POST /__sim/competitors/tick) move it, which is what deterministic tests want.
 */
export type MarketClock = { originMs: number; ticks: number };

export function marketBucket(clock: MarketClock, driftMs: number, now: number): number {
  return clock.ticks + (driftMs > 0 ? Math.max(0, Math.floor((now - clock.originMs) / driftMs)) : 0);
}

/** Keeps the bucket continuous when the drift period changes at run time. */
export function rebaseClock(clock: MarketClock, oldDriftMs: number, now: number) {
  clock.ticks = marketBucket(clock, oldDriftMs, now);
  clock.originMs = now;
}
