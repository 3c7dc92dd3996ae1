// product_offer/read|count|save, offer/save, PATCH offer_stock/{id} (contract §5.1-5.4) and
// GET smart-deals-price-check (§5.11). Every write recomputes the offer's market figures at once
// and is counted in the write counters (writes.ts).
import { countResult, entitiesOf, fInt, filtersOf, fStr, isObj, paging } from "../body";
import { apiError, ok, type RouteCtx, type RouteHandler } from "../context";
import { noCompetition, smartDealsPrice } from "../data/market";
import { CATEGORY_LIST } from "../data/reference";
import { offerToWire, refreshMarket, type OfferRecord } from "../data/offers";
import { hashSeed } from "../prng";
import type { SimAccount } from "../state";
import { countApplied, countRejected } from "../writes";
import { applyPatch, validateOfferFields, type OfferPatch } from "./offer-rules";

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

export const readOffers: RouteHandler = ({ acct, body, bucket = 0 }) => {
  const f = filtersOf(body);
  const page = paging(f);
  // Market figures are computed for the returned page only (competitors drift with the clock).
  return ok(page.slice(acct.offers.filter(matcher(f))).map((o) => offerToWire(refreshMarket(o, bucket), acct.warehouseId)));
};

/** Applies a validated patch, recomputes rank and best price, and counts the application. */
function commit(ctx: RouteCtx, o: OfferRecord, patch: OfferPatch, forceChanged = false) {
  const changed = applyPatch(o, patch, ctx.now) || forceChanged;
  refreshMarket(o, ctx.bucket ?? 0);
  countApplied(ctx.state, ctx.acct.kind, o.id, changed);
}

export const countOffers: RouteHandler = ({ acct, body }) => {
  const f = filtersOf(body);
  return ok(countResult(acct.offers.filter(matcher(f)).length, paging(f).itemsPerPage));
};

function newOffer(acct: SimAccount, seed: number, item: Obj, id: number, now: number, errors: string[]): OfferRecord | undefined {
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
    market: noCompetition(hashSeed(seed, 3, id), 0), // a new product: ours is the only offer
    ownership: 1, warranty: Number(item.warranty ?? 24), created: now, modified: now, deleted: false,
  };
}

const DOC_FIELDS = { name: "name", brand: "brand" } as const;

/** All-or-nothing: any invalid item rejects the request and nothing is saved. */
export const saveProductOffers: RouteHandler = (ctx) => {
  const { acct, body, now, state } = ctx;
  const items = entitiesOf(body);
  const errors: string[] = [];
  const plans: (() => void)[] = [];
  for (const raw of items) {
    if (!isObj(raw)) { errors.push("Each item must be an object"); continue; }
    const id = fInt(raw.id);
    if (id === undefined || id < 1 || id > 16_777_215) { errors.push(`Invalid offer id ${String(raw.id)}`); continue; }
    const itemErrors: string[] = [];
    const existing = acct.offerById.get(id);
    const target = existing && !existing.deleted ? existing : newOffer(acct, state.data.seed, raw, id, now, itemErrors);
    const { errors: fieldErrors, patch } = validateOfferFields(raw, target);
    itemErrors.push(...fieldErrors.map((e) => `Offer ${id}: ${e}`));
    if (existing && !existing.deleted && existing.ownership !== 1 && Object.keys(DOC_FIELDS).some((k) => raw[k] !== undefined && raw[k] !== existing[k as keyof typeof DOC_FIELDS]))
      itemErrors.push(`Offer ${id}: documentation updates are not allowed when ownership is 2`);
    if (itemErrors.length || !target) { errors.push(...itemErrors); continue; }
    plans.push(() => {
      const created = !existing || existing.deleted;
      if (created) {
        acct.offers.push(target);
        acct.offerById.set(id, target);
      }
      const renamed = (typeof raw.name === "string" && raw.name !== target.name) || (typeof raw.brand === "string" && raw.brand !== target.brand);
      if (typeof raw.name === "string") target.name = raw.name;
      if (typeof raw.brand === "string") target.brand = raw.brand;
      commit(ctx, target, patch, created || renamed);
    });
  }
  if (errors.length) {
    countRejected(state, acct.kind, Math.max(1, items.length));
    return apiError(errors, items);
  }
  plans.forEach((apply) => apply());
  return ok([]);
};

/** Light offer update: top-level isError stays false, each id gets its own outcome. */
export const saveLightOffers: RouteHandler = (ctx) => {
  const { acct, body, state } = ctx;
  const results: Record<string, { isError: boolean; messages: string[] }> = {};
  for (const raw of entitiesOf(body)) {
    const id = isObj(raw) ? fInt(raw.id) : undefined;
    const key = String(id ?? (isObj(raw) ? raw.id : "unknown"));
    const offer = id === undefined ? undefined : acct.offerById.get(id);
    if (!isObj(raw) || !offer || offer.deleted) {
      results[key] = { isError: true, messages: [`Offer not found`] };
      countRejected(state, acct.kind);
      continue;
    }
    const { errors, patch } = validateOfferFields(raw, offer);
    if (errors.length) {
      results[key] = { isError: true, messages: errors };
      countRejected(state, acct.kind);
      continue;
    }
    commit(ctx, offer, patch);
    results[key] = { isError: false, messages: [`Offer ${key} updated successfully`] };
  }
  return ok(results, { errors: [] });
};

export const patchOfferStock: RouteHandler = (ctx) => {
  const { acct, body, params, state } = ctx;
  const offer = acct.offerById.get(Number(params[0]));
  if (!offer || offer.deleted) {
    countRejected(state, acct.kind);
    return { status: 404, body: { message: "This offer does not exist" } };
  }
  if (!isObj(body) || Object.keys(body).length !== 1 || !Number.isInteger(body.stock) || (body.stock as number) < 0 || (body.stock as number) > 65535) {
    countRejected(state, acct.kind);
    return { status: 400, body: { message: "Invalid content" } };
  }
  commit(ctx, offer, { stock: body.stock as number });
  return { status: 204 };
};

/**
 * GET smart-deals-price-check?productId=N (§5.11). Whether productId is the seller's offer id or
 * an eMAG id is unconfirmed; the simulator takes the seller offer id (what every write uses).
 * Results: {smart_deals_price} for offers with a target, null for the others. A missing or
 * unknown productId is an isError answer.
 */
export const smartDealsCheck: RouteHandler = ({ acct, query, bucket = 0 }) => {
  const raw = query.get("productId");
  const id = raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  if (id === undefined) return apiError("productId is required and must be a number");
  const offer = acct.offerById.get(id);
  if (!offer || offer.deleted) return apiError(`Product ${id} not found`);
  const price = smartDealsPrice(offer.market, bucket);
  return ok(price === null ? null : { smart_deals_price: price });
};
