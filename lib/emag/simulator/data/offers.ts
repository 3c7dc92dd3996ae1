// Simulated offers. A compact record per offer (documentation derived from a shared SKU number,
// commercial fields per account); the wire object is only built when a read returns it, so
// 100,000 offers generate in a fraction of a second.
import { createRng, hashSeed, type Rng } from "../prng";
import { emagTimestamp, DAY_MS } from "../time";
import { CATEGORIES, VALIDATION_STATUS } from "./catalog-words";
import { competitorPrices, marketFigures, type OfferMarket } from "./market";

export type OfferRecord = {
  id: number;
  emagOfferId: number;
  pnk: string;
  partNumber: string;
  name: string;
  brand: string;
  categoryId: number;
  ean: string[];
  status: number;
  salePrice: number;
  recommendedPrice: number | null;
  minPrice: number;
  maxPrice: number;
  stock: number;
  handlingTime: number;
  vatId: number;
  validation: number;
  offerValidation: number;
  /** Market figures as last computed (generation, a read or a write): see refreshMarket. */
  numberOfOffers: number;
  buyButtonRank: number;
  bestOfferSalePrice: number;
  /** Competitors on this PNK (data/market.ts). */
  market: OfferMarket;
  ownership: number;
  warranty: number;
  created: number;
  modified: number;
  deleted: boolean;
  /** Fields saved through the API that the record does not model; echoed back on read. */
  extra?: Record<string, unknown>;
};

const MODELS = ["", " Pro", " Max", " Lite", " Plus", " Ultra", " S", " X", " Neo", " Air"];
// Weight tables hoisted: they are consulted for every one of up to 100k+ offers.
const STATUS_W = [[1, 88], [0, 10], [2, 2]] as const;
const HANDLING_W = [[0, 50], [1, 35], [3, 15]] as const;
const VALIDATION_W = [[9, 78], [11, 4], [3, 3], [1, 4], [4, 4], [8, 4], [12, 2], [10, 1]] as const;
const round2 = (n: number) => Math.round(n * 100) / 100;
const base36 = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, "0").slice(-width);

function eanFor(body12: string): string {
  const sum = [...body12].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body12 + String((10 - (sum % 10)) % 10);
}

function stockLevel(rng: Rng): number {
  const r = rng.next();
  return r < 0.12 ? 0 : r < 0.42 ? rng.int(1, 5) : r < 0.87 ? rng.int(6, 50) : rng.int(51, 500);
}

/** Documentation for a SKU; the same SKU looks identical on MAIN and FBE (different offer ids). */
export function skuDoc(seed: number, sku: number) {
  const rng = createRng(seed, 1, sku);
  const cat = rng.pick(CATEGORIES);
  const brand = rng.pick(cat.brands);
  const model = `${brand.slice(0, 1)}${rng.int(2, 99)}${rng.pick(MODELS)}`;
  const attrs = cat.attrs.map((pool) => rng.pick(pool)).join(", ");
  const mix = (seed % 1_000_003) * 7919 + sku;
  return {
    cat,
    brand,
    name: `${cat.noun} ${brand} ${model}, ${attrs}`,
    // Linear maps modulo the code space are bijections, so codes stay unique per SKU.
    pnk: `D${base36(Number((BigInt(mix) * 2654435761n + 12345n) % 2176782336n), 6)}BM`,
    partNumber: `${brand.replace(/[^A-Za-z]/g, "").slice(0, 3).toUpperCase()}-${base36(sku * 7919 + 104729, 6)}`,
    ean: [eanFor(`594${String((mix * 7 + 11) % 1_000_000_000).padStart(9, "0")}`)],
  };
}

export function generateOffer(seed: number, account: number, index: number, sku: number, idBase: number, nowMs: number): OfferRecord {
  const doc = skuDoc(seed, sku);
  const rng = createRng(seed, account, 2, index);
  const [lo, hi] = doc.cat.price;
  const gross = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
  const salePrice = round2(gross / 1.21);
  const r = rng.next();
  const numberOfOffers = r < 0.35 ? 1 : r < 0.75 ? rng.int(2, 4) : rng.int(5, 12);
  const buyButtonRank = numberOfOffers === 1 || rng.chance(0.5) ? 1 : rng.int(2, numberOfOffers);
  const modified = nowMs - Math.floor(rng.next() * 60 * DAY_MS);
  const o: OfferRecord = {
    id: idBase + index,
    emagOfferId: 105_000_000 + account * 10_000_000 + index,
    pnk: doc.pnk,
    partNumber: doc.partNumber,
    name: doc.name,
    brand: doc.brand,
    categoryId: doc.cat.id,
    ean: doc.ean,
    status: rng.weighted(STATUS_W),
    salePrice,
    recommendedPrice: rng.chance(0.3) ? round2(salePrice * 1.15) : null,
    minPrice: round2(salePrice * 0.8),
    maxPrice: round2(salePrice * 1.5),
    stock: stockLevel(rng),
    handlingTime: rng.weighted(HANDLING_W),
    vatId: doc.cat.vat_id,
    validation: rng.weighted(VALIDATION_W),
    offerValidation: rng.chance(0.95) ? 1 : 2,
    numberOfOffers,
    buyButtonRank,
    bestOfferSalePrice: buyButtonRank === 1 ? salePrice : round2(salePrice * (0.9 + rng.next() * 0.09)),
    market: undefined as unknown as OfferMarket, // filled in below, so the rng draws keep their order
    ownership: rng.chance(0.7) ? 1 : 2,
    warranty: rng.pick([12, 24, 24, 36]),
    created: modified - Math.floor(rng.next() * 400 * DAY_MS),
    modified,
    deleted: false,
  };
  // The generated rank and best price are bucket 0 of the competition model (data/market.ts).
  o.market = { key: hashSeed(seed, account, 7, index), count: numberOfOffers - 1, anchor: salePrice, below: buyButtonRank - 1, best: o.bestOfferSalePrice };
  return o;
}

/** Recomputes number_of_offers, buy_button_rank and best_offer_sale_price at a market bucket. */
export function refreshMarket(o: OfferRecord, bucket: number): OfferRecord {
  Object.assign(o, marketFigures(o.salePrice, competitorPrices(o.market, bucket)));
  return o;
}

const money = (n: number | null) => (n === null ? null : n.toFixed(4));
const vatRate = (vatId: number) => (vatId === 2 ? 0.11 : vatId === 3 ? 0 : 0.21);

/** The product_offer/read item, with decimals as strings the way eMAG sends them. */
export function offerToWire(o: OfferRecord, warehouseId: number) {
  const reserved = Math.min(o.stock, (o.emagOfferId % 3) * (o.stock > 5 ? 1 : 0));
  return {
    id: o.id,
    offer_details: { id: o.emagOfferId },
    part_number_key: o.pnk,
    part_number: o.partNumber,
    category_id: o.categoryId,
    vendor_category_id: null,
    name: o.name,
    brand: o.brand,
    description: `<p>${o.name}</p>`,
    url: `https://www.emag.ro/${o.pnk.toLowerCase()}/pd/${o.pnk}/`,
    ean: o.ean,
    images: [{ url: `https://s13emagst.akamaized.net/products/${hashSeed(o.emagOfferId) % 90000}/res_${o.pnk.toLowerCase()}.jpg`, display_type: 1 }],
    characteristics: [],
    family: null,
    warranty: o.warranty,
    sale_price: money(o.salePrice),
    recommended_price: money(o.recommendedPrice),
    min_sale_price: money(o.minPrice),
    max_sale_price: money(o.maxPrice),
    currency: "RON",
    status: o.status,
    stock: [{ warehouse_id: warehouseId, value: o.stock }],
    handling_time: [{ warehouse_id: warehouseId, value: o.handlingTime }],
    vat_id: o.vatId,
    vat_rate: vatRate(o.vatId),
    general_stock: o.stock,
    estimated_stock: o.stock - reserved,
    number_of_offers: o.numberOfOffers,
    buy_button_rank: o.buyButtonRank,
    best_offer_sale_price: o.bestOfferSalePrice,
    best_offer_recommended_price: o.recommendedPrice,
    ownership: o.ownership,
    validation_status: [{ value: o.validation, description: VALIDATION_STATUS[o.validation] ?? "", errors: null }],
    translation_validation_status: [{ value: 9, description: VALIDATION_STATUS[9], errors: null }],
    offer_validation_status: { value: o.offerValidation, description: o.offerValidation === 1 ? "Valid" : "Pret invalid" },
    doc_errors: o.validation === 8 ? [{ message: "Photo Gallery Validation - No valid images have been found." }] : null,
    genius_eligibility: o.status === 1 ? 1 : 0,
    emag_club: 1,
    manufacturer: false,
    eu_representative: false,
    created: emagTimestamp(o.created),
    modified: emagTimestamp(o.modified),
    ...o.extra,
  };
}
