// product_offer/read|count|save, offer/save and PATCH offer_stock/{id} (contract §5.1-5.4).
import { countResult, entitiesOf, fInt, filtersOf, fStr, isObj, paging } from "../body";
import { apiError, ok, type RouteHandler } from "../context";
import { CATEGORY_LIST } from "../data/reference";
import { offerToWire, type OfferRecord } from "../data/offers";
import type { SimAccount } from "../state";
import { applyPatch, validateOfferFields } from "./offer-rules";

type Obj = Record<string, unknown>;

function matcher(f: Obj) {
  const id = fInt(f.id);
  const status = fInt(f.status);
  const pn = fStr(f.part_number);
  const pnk = fStr(f.part_number_key);
  const name = fStr(f.name)?.toLowerCase();
  const ean = fStr(f.ean);
  const generalStock = fInt(f.general_stock);
  const offerValidation = fInt(f.offer_validation_status);
  const validation = fInt(f.validation_status);
  return (o: OfferRecord) =>
    !o.deleted &&
    (id === undefined || o.id === id) &&
    (status === undefined || o.status === status) &&
    (pn === undefined || o.partNumber === pn) &&
    (pnk === undefined || o.pnk === pnk) &&
    (name === undefined || o.name.toLowerCase().includes(name)) &&
    (ean === undefined || o.ean.includes(ean)) &&
    (generalStock === undefined || o.stock === generalStock) &&
    (offerValidation === undefined || o.offerValidation === offerValidation) &&
    (validation === undefined || o.validation === validation);
}

export const readOffers: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  const page = paging(f);
  return ok(page.slice(acct.offers.filter(matcher(f))).map((o) => offerToWire(o, acct.warehouseId)));
};

export const countOffers: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  return ok(countResult(acct.offers.filter(matcher(f)).length, paging(f).itemsPerPage));
};

function newOffer(acct: SimAccount, item: Obj, id: number, now: number, errors: string[]): OfferRecord | undefined {
  const missing = ["name", "brand", "part_number", "category_id", "sale_price", "min_sale_price", "max_sale_price", "vat_id"].filter((k) => item[k] === undefined || item[k] === "");
  if (missing.length && !item.part_number_key) errors.push(`Offer ${id}: missing ${missing.join(", ")} for a new product`);
  const cat = CATEGORY_LIST.find((c) => c.id === Number(item.category_id));
  if (item.category_id !== undefined && (!cat || !cat.is_allowed)) errors.push(`Offer ${id}: category ${String(item.category_id)} is not allowed`);
  const partNumber = String(item.part_number ?? "").replace(/[\s,;]/g, "");
  if (partNumber && acct.offers.some((o) => !o.deleted && o.partNumber === partNumber)) errors.push(`Offer ${id}: part number ${partNumber} already exists`);
  if (errors.length) return undefined;
  return {
    id, emagOfferId: 190_000_000 + id, pnk: fStr(item.part_number_key) ?? `D${id.toString(36).toUpperCase().padStart(6, "0")}BN`,
    partNumber, name: String(item.name ?? ""), brand: String(item.brand ?? ""), categoryId: Number(item.category_id ?? 0),
    ean: Array.isArray(item.ean) ? item.ean.map(String) : [], status: 1, salePrice: 0, recommendedPrice: null, minPrice: 0, maxPrice: 0,
    stock: 0, handlingTime: 0, vatId: 9, validation: 1, offerValidation: 1, numberOfOffers: 1, buyButtonRank: 1, bestOfferSalePrice: 0,
    ownership: 1, warranty: Number(item.warranty ?? 24), created: now, modified: now, deleted: false,
  };
}

const DOC_FIELDS = { name: "name", brand: "brand" } as const;

/** All-or-nothing: any invalid item rejects the request and nothing is saved. */
export const saveProductOffers: RouteHandler = ({ acct, body, now }) => {
  const items = entitiesOf(body);
  const errors: string[] = [];
  const plans: (() => void)[] = [];
  for (const raw of items) {
    if (!isObj(raw)) { errors.push("Each item must be an object"); continue; }
    const id = fInt(raw.id);
    if (id === undefined || id < 1 || id > 16_777_215) { errors.push(`Invalid offer id ${String(raw.id)}`); continue; }
    const itemErrors: string[] = [];
    const existing = acct.offerById.get(id);
    const target = existing && !existing.deleted ? existing : newOffer(acct, raw, id, now, itemErrors);
    const { errors: fieldErrors, patch } = validateOfferFields(raw, target);
    itemErrors.push(...fieldErrors.map((e) => `Offer ${id}: ${e}`));
    if (existing && !existing.deleted && existing.ownership !== 1 && Object.keys(DOC_FIELDS).some((k) => raw[k] !== undefined && raw[k] !== existing[k as keyof typeof DOC_FIELDS]))
      itemErrors.push(`Offer ${id}: documentation updates are not allowed when ownership is 2`);
    if (itemErrors.length || !target) { errors.push(...itemErrors); continue; }
    plans.push(() => {
      if (!existing || existing.deleted) {
        acct.offers.push(target);
        acct.offerById.set(id, target);
      }
      if (typeof raw.name === "string") target.name = raw.name;
      if (typeof raw.brand === "string") target.brand = raw.brand;
      applyPatch(target, patch, now);
    });
  }
  if (errors.length) return apiError(errors, items);
  plans.forEach((apply) => apply());
  return ok([]);
};

/** Light offer update: top-level isError stays false, each id gets its own outcome. */
export const saveLightOffers: RouteHandler = ({ acct, body, now }) => {
  const results: Record<string, { isError: boolean; messages: string[] }> = {};
  for (const raw of entitiesOf(body)) {
    const id = isObj(raw) ? fInt(raw.id) : undefined;
    const key = String(id ?? (isObj(raw) ? raw.id : "unknown"));
    const offer = id === undefined ? undefined : acct.offerById.get(id);
    if (!isObj(raw) || !offer || offer.deleted) { results[key] = { isError: true, messages: [`Offer not found`] }; continue; }
    const { errors, patch } = validateOfferFields(raw, offer);
    if (errors.length) { results[key] = { isError: true, messages: errors }; continue; }
    applyPatch(offer, patch, now);
    results[key] = { isError: false, messages: [`Offer ${key} updated successfully`] };
  }
  return ok(results, { errors: [] });
};

export const patchOfferStock: RouteHandler = ({ acct, body, params, now }) => {
  const offer = acct.offerById.get(Number(params[0]));
  if (!offer || offer.deleted) return { status: 404, body: { message: "This offer does not exist" } };
  if (!isObj(body) || Object.keys(body).length !== 1 || !Number.isInteger(body.stock) || (body.stock as number) < 0 || (body.stock as number) > 65535)
    return { status: 400, body: { message: "Invalid content" } };
  applyPatch(offer, { stock: body.stock as number }, now);
  return { status: 204 };
};
