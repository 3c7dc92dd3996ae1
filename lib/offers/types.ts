// Shared shapes of the offer write path: the commercial values of an offer, a change to them, and
// the jobs and items that carry changes to eMAG. Field names are the API's (and the product row's).
import { z } from "zod";

export type AccountKind = "main" | "fbe";

/** The commercial fields MagFlow may change. Prices are ex VAT, as eMAG takes them. */
export const offerFields = ["sale_price", "recommended_price", "min_sale_price", "max_sale_price", "stock", "handling_time", "status"] as const;
export type OfferField = (typeof offerFields)[number];

export type OfferValues = { [K in OfferField]: number | null };

/** The fields to change; a field equal to its current value is dropped when the item is planned. */
export type OfferChange = Partial<OfferValues>;

export interface FieldViolation {
  field: OfferField | "account" | "offer";
  message: string;
}

/** What an offer change needs to know about its offer (a row of emag_products). */
export interface OfferTarget {
  productId: string;
  account: AccountKind;
  emagOfferId: string;
  name: string | null;
  partNumber: string | null;
  vatRate: number | null;
  values: OfferValues;
  removed: boolean;
}

/** Who asked: the job's kind, and the user behind it (null for the repricer and inventory schedules). */
export const offerJobKinds = ["single", "bulk", "import", "repricer", "inventory", "retry"] as const;
export type OfferJobKind = (typeof offerJobKinds)[number];

export const offerJobStatuses = ["pending", "running", "completed", "partial", "failed", "cancelled"] as const;
export type OfferJobStatus = (typeof offerJobStatuses)[number];

export const offerItemStatuses = ["pending", "sending", "applied", "rejected", "failed", "cancelled", "skipped"] as const;
export type OfferItemStatus = (typeof offerItemStatuses)[number];

export type OfferRoute = "offer_save" | "offer_stock";

export interface OfferJobActor {
  userId: string | null;
  requestId?: string | null;
  /** user | api | repricer | inventory | schedule */
  triggeredBy: string;
}

/** A planned item: one offer and the values to send (only those that differ). */
export interface PlannedItem {
  target: OfferTarget;
  changes: OfferChange;
  after: OfferValues;
  violations: FieldViolation[];
  /** Row number (import) or selection order, 1-based. */
  seq: number;
}

export const moneyInput = z.coerce.number().positive().max(10_000_000).refine((n) => Math.round(n * 10_000) === n * 10_000 || Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6, "at most 4 decimals");
export const stockInput = z.coerce.number().int("must be a whole number").min(0).max(65_535);
export const handlingInput = z.coerce.number().int("must be a whole number").min(0).max(255);
export const statusInput = z.coerce.number().int().refine((n) => n === 0 || n === 1 || n === 2, "must be 0 (inactive), 1 (active) or 2 (end of life)");

/** One offer's change as the API takes it; at least one field. */
export const offerChangeSchema = z
  .strictObject({
    sale_price: moneyInput.optional(),
    recommended_price: moneyInput.optional(),
    min_sale_price: moneyInput.optional(),
    max_sale_price: moneyInput.optional(),
    stock: stockInput.optional(),
    handling_time: handlingInput.optional(),
    status: statusInput.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: "at least one field to change" });
