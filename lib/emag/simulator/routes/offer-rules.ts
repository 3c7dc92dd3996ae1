// Offer field validation and application shared by product_offer/save, offer/save and
// offer_stock (contract §5.2-5.4). Validation runs before any change so a rejected item is untouched.
import { isObj } from "../body";
import type { OfferRecord } from "../data/offers";
import { VAT_RATES } from "../data/reference";

type Obj = Record<string, unknown>;
const isNum = (v: unknown) => v !== undefined && v !== null && v !== "" && Number.isFinite(Number(v));

function warehouseValues(v: unknown, field: string, max: number, errors: string[]): number | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every(isObj)) {
    errors.push(`${field} must be a list of {warehouse_id, value}`);
    return undefined;
  }
  let total = 0;
  for (const entry of v) {
    const n = Number(entry.value);
    if (!Number.isFinite(n) || n < 0) errors.push(field === "stock" ? "Stock should be 0 or more" : `${field} should be 0 or more`);
    else if (!Number.isInteger(n)) errors.push(`The ${field} value must be a whole number, without decimals`);
    else if (n > max) errors.push(`${field} should be at most ${max}`);
    else total += n;
  }
  return total;
}

export type OfferPatch = Partial<Pick<OfferRecord, "status" | "salePrice" | "recommendedPrice" | "minPrice" | "maxPrice" | "stock" | "handlingTime" | "vatId">>;

/** Validates commercial fields against the offer they would apply to; returns errors and the patch. */
// Whether eMAG refuses stock writes on FBE offers is unconfirmed (contract §11), so they are
// accepted here; the app itself sends price-only updates for FBE, as magflow does.
export function validateOfferFields(item: Obj, current: OfferPatch | undefined): { errors: string[]; patch: OfferPatch } {
  const errors: string[] = [];
  const patch: OfferPatch = {};
  if (item.status !== undefined) {
    const s = Number(item.status);
    if (![0, 1, 2].includes(s)) errors.push("status must be 0, 1 or 2");
    else patch.status = s;
  }
  for (const [key, prop] of [["sale_price", "salePrice"], ["min_sale_price", "minPrice"], ["max_sale_price", "maxPrice"], ["recommended_price", "recommendedPrice"]] as const) {
    if (item[key] === undefined || item[key] === null) continue;
    if (!isNum(item[key]) || Number(item[key]) <= 0) errors.push(`${key} must be a number greater than 0`);
    else patch[prop] = Math.round(Number(item[key]) * 10000) / 10000;
  }
  if (item.vat_id !== undefined && !VAT_RATES.some((v) => v.vat_id === Number(item.vat_id))) errors.push(`Invalid vat_id ${String(item.vat_id)}`);
  else if (item.vat_id !== undefined) patch.vatId = Number(item.vat_id);
  const stock = warehouseValues(item.stock, "stock", 65535, errors);
  if (stock !== undefined) patch.stock = stock;
  const handling = warehouseValues(item.handling_time, "handling_time", 255, errors);
  if (handling !== undefined) patch.handlingTime = handling;

  const merged = { ...current, ...patch };
  if (merged.minPrice !== undefined && merged.maxPrice !== undefined && merged.maxPrice <= merged.minPrice)
    errors.push("max_sale_price must be greater than min_sale_price");
  else if (merged.salePrice !== undefined && merged.minPrice !== undefined && merged.maxPrice !== undefined && (merged.salePrice < merged.minPrice || merged.salePrice > merged.maxPrice))
    errors.push(`sale_price ${merged.salePrice} must be between min_sale_price ${merged.minPrice} and max_sale_price ${merged.maxPrice}`);
  if (patch.recommendedPrice != null && merged.salePrice !== undefined && patch.recommendedPrice <= merged.salePrice)
    errors.push("recommended_price must be greater than sale_price");
  return { errors, patch };
}

/** Applies a validated patch; true when at least one value changed. */
export function applyPatch(o: OfferRecord, patch: OfferPatch, now: number): boolean {
  const changed = (Object.keys(patch) as (keyof OfferPatch)[]).some((k) => o[k] !== patch[k]);
  Object.assign(o, patch);
  o.modified = now;
  return changed;
}
