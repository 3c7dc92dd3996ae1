// eMAG's offer rules (contract §5.2-5.4), checked locally before anything is sent: a change that
// breaks one is refused with the field named and eMAG is never called for it.
import type { AccountKind, FieldViolation, OfferChange, OfferField, OfferValues } from "./types";
import { offerFields } from "./types";

/** Money compares and travels at eMAG's 4 decimals. */
export const money = (n: number) => Math.round(n * 10_000) / 10_000;

const sameValue = (field: OfferField, a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && (isPrice(field) ? money(a) === money(b) : a === b));

export const isPrice = (f: OfferField) => f === "sale_price" || f === "recommended_price" || f === "min_sale_price" || f === "max_sale_price";

/** Only the fields whose value differs from the current one. */
export function effectiveChanges(current: OfferValues, change: OfferChange): OfferChange {
  const out: OfferChange = {};
  for (const f of offerFields) {
    const v = change[f];
    if (v === undefined) continue;
    const next = v === null ? null : isPrice(f) ? money(v) : v;
    if (!sameValue(f, current[f], next)) out[f] = next;
  }
  return out;
}

export const applyChanges = (current: OfferValues, changes: OfferChange): OfferValues => ({ ...current, ...changes });

const decimals4 = (n: number) => Math.abs(money(n) - n) < 1e-9;

/**
 * Every rule the change breaks, against the offer it would produce. Rules on values the change does
 * not touch are still checked when they involve a changed field (e.g. a new sale price against the
 * stored min/max), never on untouched fields alone: an offer eMAG already holds is not ours to judge.
 */
export function validateChange(account: AccountKind, current: OfferValues, changes: OfferChange): FieldViolation[] {
  const out: FieldViolation[] = [];
  const after = applyChanges(current, changes);
  const touched = (f: OfferField) => changes[f] !== undefined;
  for (const f of ["sale_price", "recommended_price", "min_sale_price", "max_sale_price"] as const) {
    const v = changes[f];
    if (v === undefined || v === null) continue;
    if (!Number.isFinite(v) || v <= 0) out.push({ field: f, message: `${f} must be greater than 0` });
    else if (!decimals4(v)) out.push({ field: f, message: `${f} takes at most 4 decimals` });
  }
  if (out.length) return out;
  const { sale_price: sale, min_sale_price: min, max_sale_price: max, recommended_price: rec } = after;
  if ((touched("min_sale_price") || touched("max_sale_price")) && min !== null && max !== null && max <= min)
    out.push({ field: touched("max_sale_price") ? "max_sale_price" : "min_sale_price", message: `max_sale_price (${max}) must be greater than min_sale_price (${min})` });
  else if ((touched("sale_price") || touched("min_sale_price") || touched("max_sale_price")) && sale !== null) {
    if (min !== null && sale < min) out.push({ field: touched("sale_price") ? "sale_price" : "min_sale_price", message: `sale_price ${sale} is below min_sale_price ${min}` });
    if (max !== null && sale > max) out.push({ field: touched("sale_price") ? "sale_price" : "max_sale_price", message: `sale_price ${sale} is above max_sale_price ${max}` });
  }
  if ((touched("recommended_price") || touched("sale_price")) && rec !== null && sale !== null && rec <= sale)
    out.push({ field: touched("recommended_price") ? "recommended_price" : "sale_price", message: `recommended_price ${rec} must be greater than sale_price ${sale}` });
  if (touched("stock")) {
    const s = changes.stock!;
    if (account === "fbe") out.push({ field: "stock", message: "FBE stock is held in eMAG's warehouses and cannot be changed from MagFlow" });
    else if (s === null || !Number.isInteger(s) || s < 0 || s > 65_535) out.push({ field: "stock", message: "stock must be a whole number from 0 to 65535" });
  }
  if (touched("handling_time")) {
    const h = changes.handling_time!;
    if (account === "fbe") out.push({ field: "handling_time", message: "FBE handling time is eMAG's" });
    else if (h === null || !Number.isInteger(h) || h < 0 || h > 255) out.push({ field: "handling_time", message: "handling_time must be a whole number of days from 0 to 255" });
  }
  if (touched("status") && ![0, 1, 2].includes(changes.status!)) out.push({ field: "status", message: "status must be 0, 1 or 2" });
  return out;
}

/** Which eMAG route carries the change: stock alone goes through PATCH offer_stock (one offer per call). */
export const routeFor = (changes: OfferChange): "offer_save" | "offer_stock" => {
  const keys = Object.keys(changes);
  return keys.length === 1 && keys[0] === "stock" ? "offer_stock" : "offer_save";
};

/** The offer/save item for a change (contract §5.3: id plus only what changes). */
export function offerSaveItem(emagOfferId: string, changes: OfferChange, warehouseId = 1): Record<string, unknown> {
  const item: Record<string, unknown> = { id: emagOfferId };
  for (const f of ["sale_price", "recommended_price", "min_sale_price", "max_sale_price", "status"] as const)
    if (changes[f] !== undefined && changes[f] !== null) item[f] = changes[f];
  if (changes.stock !== undefined && changes.stock !== null) item.stock = [{ warehouse_id: warehouseId, value: changes.stock }];
  if (changes.handling_time !== undefined && changes.handling_time !== null) item.handling_time = [{ warehouse_id: warehouseId, value: changes.handling_time }];
  return item;
}

/** Whether an offer as eMAG reports it now already carries the change (a lost response was applied). */
export function carriesChange(now: OfferValues, changes: OfferChange): boolean {
  return offerFields.every((f) => changes[f] === undefined || sameValue(f, now[f], changes[f] ?? null));
}
