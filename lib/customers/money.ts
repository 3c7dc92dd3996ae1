// Money and days exactly as Postgres computes them, so SQL aggregates can match these numbers.

export const DAY_MS = 86_400_000;

/** Amount -> integer cents, half away from zero like `round(numeric, 2)`; toFixed absorbs float noise (10.075). */
export function toCents(amount: number): number {
  if (!Number.isFinite(amount)) return 0;
  const cents = Math.round(Number(Math.abs(amount * 100).toFixed(6)));
  return amount < 0 ? -cents : cents;
}

export const fromCents = (cents: number) => cents / 100;

/** Whole days from `from` to `now`, floored, never negative: `floor(extract(epoch from now - t) / 86400)`. */
export const daysBetween = (from: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
