// Write counters that prove "applied exactly once": per account, every offer write request that
// got past the gateway (offer/save, product_offer/save, PATCH offer_stock), every item applied to
// state (per offer id too), every item refused, and the responses that were lost after applying.
// Cleared by POST /__sim/stats/reset (they live in SimStats).

/** Routes whose requests are counted here and may lose their response after applying. */
export const WRITE_ROUTES: ReadonlySet<string> = new Set(["offer/save", "product_offer/save", "offer_stock"]);

/** Distinct offer ids tracked in perOffer; later ids still count in the totals. */
export const PER_OFFER_LIMIT = 10_000;

export type WriteCounters = {
  /** Write requests that passed auth and the rate limit (429s are in rateLimited). */
  requests: number;
  /** Items (or PATCHes) applied to state, also when the values were already equal. */
  applied: number;
  /** Of those, how many left every value as it was (a repeated write). */
  unchanged: number;
  /** Items refused: per-item errors, every item of a refused all-or-nothing save, 400/404 PATCHes. */
  rejected: number;
  /** Requests answered with an injected failure before anything was applied. */
  faulted: number;
  /** Requests applied whose response was replaced by a 504 (lostWriteRate, or part of faultRate). */
  lost: number;
  /** Applications per offer id since the last stats reset (at most PER_OFFER_LIMIT ids). */
  perOffer: Record<string, number>;
  /** Distinct ids in perOffer. */
  offers: number;
  /** True once an id could not be added to perOffer because of the limit. */
  perOfferTruncated: boolean;
};

export const emptyWriteCounters = (): WriteCounters => ({
  requests: 0,
  applied: 0,
  unchanged: 0,
  rejected: 0,
  faulted: 0,
  lost: 0,
  perOffer: {},
  offers: 0,
  perOfferTruncated: false,
});

type WithWrites = { stats: { writes: Record<string, WriteCounters> } };

export const writeCounters = (state: WithWrites, account: string): WriteCounters => (state.stats.writes[account] ??= emptyWriteCounters());

export function countApplied(state: WithWrites, account: string, offerId: number, changed: boolean) {
  const w = writeCounters(state, account);
  w.applied++;
  if (!changed) w.unchanged++;
  const key = String(offerId);
  const seen = w.perOffer[key];
  if (seen !== undefined) w.perOffer[key] = seen + 1;
  else if (w.offers < PER_OFFER_LIMIT) {
    w.perOffer[key] = 1;
    w.offers++;
  } else w.perOfferTruncated = true;
}

export function countRejected(state: WithWrites, account: string, items = 1) {
  writeCounters(state, account).rejected += items;
}
