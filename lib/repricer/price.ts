// The repricer's pure core: one offer's target sale price for a rule, always inside the bounds the
// rule and eMAG allow ([max(floor, min_sale_price), min(ceiling, max_sale_price)]), at eMAG's 4
// decimals. No I/O: run.ts feeds it the stored offer (and the Smart Deals price it fetched).
export const repricerStrategies = ["buy_button", "smart_deals"] as const;
export type RepricerStrategy = (typeof repricerStrategies)[number];

export interface RepriceInput {
  /** Our current sale price (ex VAT); null when the offer has none. */
  current: number | null;
  /** eMAG's min_sale_price / max_sale_price of the offer. */
  min: number | null;
  max: number | null;
  /** The rule's bounds. */
  floor: number | null;
  ceiling: number | null;
  strategy: RepricerStrategy;
  /** buy_button: how far below the best competitor to go. */
  step: number;
  /** buy_button: eMAG's best_offer_sale_price (the lowest price of all sellers, ours included). */
  bestOfferPrice?: number | null;
  /** buy_button: eMAG's buy_button_rank (1 = we hold the buy button). */
  ourRank?: number | null;
  /** smart_deals: the Smart Deals target price, or null when eMAG has none. */
  smartDealsPrice?: number | null;
}

export interface RepriceResult {
  /** The price to hold (may equal the current one), or null: leave the offer alone. */
  price: number | null;
  reason: string;
  /** The strategy's price fell outside the bounds and was moved to the nearest one. */
  clamped: boolean;
}

/** Prices travel in units of 0.0001 (eMAG's 4 decimals). */
const UNIT = 10_000;
const finite = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);
const fmt = (n: number) => String(Math.round(n * UNIT) / UNIT);

/**
 * The bounds as whole units: the smallest unit >= every lower bound and the largest unit <= every
 * upper bound, so a price built from them never leaves the real interval, whatever the decimals.
 */
export function boundsOf(i: Pick<RepriceInput, "min" | "max" | "floor" | "ceiling">): { lo: number; hi: number } | null {
  const lows = [i.floor, i.min].filter(finite);
  const highs = [i.ceiling, i.max].filter(finite);
  const lo = Math.max(1 / UNIT, ...lows); // eMAG takes only prices > 0
  const hi = highs.length ? Math.min(...highs) : Number.MAX_SAFE_INTEGER / UNIT;
  let loU = Math.ceil(lo * UNIT - 1e-7);
  if (loU / UNIT < lo) loU++;
  let hiU = Math.floor(hi * UNIT + 1e-7);
  if (hiU / UNIT > hi) hiU--;
  return loU <= hiU ? { lo: loU, hi: hiU } : null;
}

function wanted(i: RepriceInput): { price: number | null; reason: string } {
  if (i.strategy === "smart_deals") {
    if (!finite(i.smartDealsPrice)) return { price: null, reason: "No Smart Deals target price for this offer" };
    return { price: i.smartDealsPrice, reason: `Smart Deals target ${fmt(i.smartDealsPrice)}` };
  }
  if (!finite(i.step) || i.step <= 0) return { price: null, reason: "The rule's step must be greater than 0" };
  if (!finite(i.ourRank)) return { price: null, reason: "No buy button data yet (sync the products first)" };
  if (i.ourRank <= 1) return { price: i.current, reason: "We hold the buy button (rank 1); no competitor price is visible, keeping the price" };
  if (!finite(i.bestOfferPrice)) return { price: null, reason: `Buy button rank ${i.ourRank} but no best offer price` };
  return { price: i.bestOfferPrice - i.step, reason: `Rank ${i.ourRank}: best offer ${fmt(i.bestOfferPrice)} − step ${fmt(i.step)}` };
}

export function repriceTarget(i: RepriceInput): RepriceResult {
  if (!finite(i.current)) return { price: null, reason: "The offer has no sale price", clamped: false };
  const bounds = boundsOf(i);
  if (!bounds) {
    return {
      price: null,
      reason: `No price fits: floor/min ${fmt(Math.max(...[i.floor, i.min].filter(finite), 0))} is above ceiling/max ${fmt(Math.min(...[i.ceiling, i.max].filter(finite)))}`,
      clamped: false,
    };
  }
  const w = wanted(i);
  if (w.price === null || !finite(w.price)) return { price: null, reason: w.reason, clamped: false };
  const units = Math.round(w.price * UNIT);
  const kept = Math.min(bounds.hi, Math.max(bounds.lo, units));
  const price = kept / UNIT;
  if (kept === units) return { price, reason: w.reason, clamped: false };
  const lowBy = finite(i.floor) && (!finite(i.min) || i.floor >= i.min) ? "floor" : finite(i.min) ? "min_sale_price" : "lowest price";
  const highBy = finite(i.ceiling) && (!finite(i.max) || i.ceiling <= i.max) ? "ceiling" : finite(i.max) ? "max_sale_price" : "highest price";
  const side = kept > units ? `${lowBy} ${fmt(price)}` : `${highBy} ${fmt(price)}`;
  return { price, reason: `${w.reason}; held at the ${side}`, clamped: true };
}

/** Whether the target differs from the current price at 4 decimals. */
export const changesPrice = (current: number | null, price: number | null) =>
  price !== null && (current === null || Math.round(current * UNIT) !== Math.round(price * UNIT));
