// The pure rules of inventory: what MagFlow sends to eMAG for an offer (its available stock less
// the oversell buffer), when an offer is switched off and back on, and when stock counts as low.
import type { OfferChange } from "@/lib/offers/types";

/** eMAG's stock ceiling per warehouse (lib/offers/rules.ts refuses more). */
export const MAX_EMAG_STOCK = 65_535;

/** The buffer in force: the item's own, else the account's default. */
export const bufferOf = (buffer: number | null, defaultBuffer: number) => buffer ?? defaultBuffer;

/** Stock sent to eMAG: max(0, available - buffer), capped at eMAG's ceiling. */
export function wantedStock(available: number, buffer: number | null, defaultBuffer: number): number {
  return Math.min(MAX_EMAG_STOCK, Math.max(0, available - bufferOf(buffer, defaultBuffer)));
}

/** The threshold in force: the item's own, else the account's. */
export const thresholdOf = (threshold: number | null, accountThreshold: number) => threshold ?? accountThreshold;

export const isLowStock = (available: number, threshold: number | null, accountThreshold: number) => available <= thresholdOf(threshold, accountThreshold);

export interface PushInput {
  available: number;
  buffer: number | null;
  autoDisabled: boolean;
}

export interface PushSettings {
  defaultBuffer: number;
  autoToggle: boolean;
}

/**
 * The change to ask for: the stock, plus status 0 when auto-toggle is on and nothing is left to
 * sell, or status 1 when stock is back and it was MagFlow that switched the offer off (an offer the
 * seller switched off stays off). planItem drops whatever eMAG already has.
 */
export function inventoryChange(item: PushInput, s: PushSettings): { stock: number; change: OfferChange } {
  const stock = wantedStock(item.available, item.buffer, s.defaultBuffer);
  const change: OfferChange = { stock };
  if (stock === 0 && s.autoToggle) change.status = 0;
  else if (stock > 0 && item.autoDisabled) change.status = 1;
  return { stock, change };
}

/**
 * Whether MagFlow holds the offer switched off after this push: set when this push switches it
 * off, kept while it stays at 0, cleared once stock is back (whether or not status 1 was needed).
 */
export function autoDisabledAfter(item: PushInput, stock: number, planned: OfferChange): boolean {
  if (stock > 0) return false;
  return planned.status === 0 || item.autoDisabled;
}
