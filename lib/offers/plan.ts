// Planning a change: for each offer, the values it would have and every rule it would break, before
// anything is sent. Bulk operations: set a price, change it by ±% or ± an amount, round to .99 or
// .90 (on the VAT-inclusive price when the offer's VAT rate is known, which is what buyers see), set
// stock, status or handling time.
import { z } from "zod";
import { applyChanges, effectiveChanges, money, validateChange } from "./rules";
import { handlingInput, moneyInput, statusInput, stockInput, type OfferChange, type OfferTarget, type PlannedItem } from "./types";

export const bulkOperationSchema = z
  .strictObject({
    price: z
      .strictObject({
        mode: z.enum(["set", "percent", "amount"], { message: "must be set, percent or amount" }),
        /** set: the new ex-VAT price; percent: e.g. -10 for 10 % off; amount: e.g. +5 (ex VAT). */
        value: z.coerce.number().refine(Number.isFinite, "must be a number").refine((n) => Math.abs(n) <= 10_000_000, "is too large"),
        round: z.enum(["none", "99", "90"], { message: "must be none, 99 or 90" }).default("none"),
      })
      .optional(),
    min_sale_price: moneyInput.optional(),
    max_sale_price: moneyInput.optional(),
    recommended_price: moneyInput.optional(),
    stock: stockInput.optional(),
    status: statusInput.optional(),
    handling_time: handlingInput.optional(),
  })
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: "choose at least one change" });
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

/** The nearest price ending in .99 or .90 (never 0 or below). */
export function roundTo(price: number, ending: "99" | "90"): number {
  const cents = ending === "99" ? 0.99 : 0.9;
  const base = Math.floor(price);
  const candidates = [base - 1 + cents, base + cents].filter((c) => c > 0);
  if (!candidates.length) return price;
  return candidates.reduce((best, c) => (Math.abs(c - price) < Math.abs(best - price) ? c : best));
}

/** The new ex-VAT sale price of one offer, or null when it has no price to change from. */
export function newPrice(current: number | null, op: NonNullable<BulkOperation["price"]>, vatRate: number | null): number | null {
  let p: number;
  if (op.mode === "set") p = op.value;
  else if (current === null) return null;
  else p = op.mode === "percent" ? current * (1 + op.value / 100) : current + op.value;
  if (op.round !== "none") {
    // Round what the buyer sees: the VAT-inclusive price, then back to ex VAT at eMAG's 4 decimals.
    const gross = vatRate === null ? p : p * (1 + vatRate);
    const rounded = roundTo(Math.round(gross * 100) / 100, op.round);
    p = vatRate === null ? rounded : rounded / (1 + vatRate);
  }
  return money(p);
}

export function changeFor(t: OfferTarget, op: BulkOperation): OfferChange {
  const c: OfferChange = {};
  if (op.price) {
    const p = newPrice(t.values.sale_price, op.price, t.vatRate);
    if (p !== null) c.sale_price = p;
  }
  for (const f of ["min_sale_price", "max_sale_price", "recommended_price", "stock", "status", "handling_time"] as const) if (op[f] !== undefined) c[f] = op[f];
  return c;
}

/** One planned item: effective changes (only what differs), the resulting values and the violations. */
export function planItem(t: OfferTarget, change: OfferChange, seq: number): PlannedItem {
  const changes = effectiveChanges(t.values, change);
  const violations = t.removed ? [{ field: "offer" as const, message: "The offer is no longer on eMAG" }] : validateChange(t.account, t.values, changes);
  return { target: t, changes, after: applyChanges(t.values, changes), violations, seq };
}

export const planBulk = (targets: OfferTarget[], op: BulkOperation): PlannedItem[] => targets.map((t, i) => planItem(t, changeFor(t, op), i + 1));

export interface PlanSummary {
  total: number;
  changed: number;
  unchanged: number;
  invalid: number;
}

export function summarise(items: PlannedItem[]): PlanSummary {
  const invalid = items.filter((i) => i.violations.length).length;
  const changed = items.filter((i) => !i.violations.length && Object.keys(i.changes).length).length;
  return { total: items.length, changed, unchanged: items.length - changed - invalid, invalid };
}
