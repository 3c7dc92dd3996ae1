// product_offer/read items and offer/save results (contract §5). Loose objects: fields not
// modelled here pass through untouched, so a newer API version does not break parsing.
import { z } from "zod";
import { emagMessages } from "../envelope";
import { flag, id, idOrNull, int, intOrNull, listOf, num, numOrNull, text, textOrNull } from "../wire";

export const warehouseValueSchema = z.looseObject({ warehouse_id: int.default(1), value: int });

/** validation_status is documented as a list of {value, description, errors}; a bare object also occurs. */
const statusEntry = z.looseObject({ value: int, description: textOrNull, errors: z.unknown().optional() });
const statusList = z
  .union([z.array(statusEntry), statusEntry.transform((s) => [s]), int.transform((value) => [{ value, description: null }])])
  .optional()
  .transform((v) => v ?? []);

/** offer_validation_status: list vs object is unconfirmed, so both become one object (or null). */
const offerValidation = z
  .union([statusEntry, z.array(statusEntry), int.transform((value) => ({ value, description: null })), z.null()])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null)));

const eanList = z
  .union([z.array(text), text.transform((e) => [e]), z.null()])
  .optional()
  .transform((v) => v ?? []);

export const productOfferSchema = z.looseObject({
  id,
  offer_details: z.looseObject({ id: idOrNull }).nullable().optional(),
  part_number_key: textOrNull,
  part_number: textOrNull,
  name: textOrNull,
  brand: textOrNull,
  description: textOrNull,
  url: textOrNull,
  category_id: intOrNull,
  vendor_category_id: intOrNull,
  ean: eanList,
  images: listOf(z.looseObject({ url: z.string(), display_type: int.optional() })),
  warranty: intOrNull,
  sale_price: numOrNull,
  recommended_price: numOrNull,
  min_sale_price: numOrNull,
  max_sale_price: numOrNull,
  currency: textOrNull,
  status: int,
  stock: listOf(warehouseValueSchema),
  handling_time: listOf(warehouseValueSchema),
  vat_id: intOrNull,
  general_stock: intOrNull,
  estimated_stock: intOrNull,
  number_of_offers: intOrNull,
  buy_button_rank: intOrNull,
  best_offer_sale_price: numOrNull,
  best_offer_recommended_price: numOrNull,
  ownership: intOrNull,
  validation_status: statusList,
  translation_validation_status: statusList,
  offer_validation_status: offerValidation,
  doc_errors: z.unknown().optional(),
  genius_eligibility: intOrNull,
  emag_club: z.union([flag, z.null()]).optional(),
  created: textOrNull,
  modified: textOrNull,
});
export type ProductOffer = z.output<typeof productOfferSchema>;

/** offer/save: top-level isError stays false; each offer id maps to its own result. */
const offerItemResult = z.looseObject({ isError: z.union([z.boolean(), int]).optional(), messages: emagMessages });
type OfferItemResult = z.output<typeof offerItemResult>;

export const offerSaveResultsSchema = z
  .union([
    z.record(z.string(), offerItemResult),
    z.array(z.unknown()).transform(() => ({})),
    z.null(),
  ])
  .optional()
  .transform((r) =>
    Object.entries((r ?? {}) as Record<string, OfferItemResult>).map(([offerId, v]) => ({
      id: offerId,
      ok: !(v.isError === true || v.isError === 1),
      messages: v.messages,
    })),
  );
export type OfferSaveItemResult = z.output<typeof offerSaveResultsSchema>[number];

/**
 * smart-deals-price-check (contract §5.11): {"smart_deals_price": 6.22}, or null when the offer
 * has no target. A null price and an empty list also mean "no target". An object without the
 * key is refused (invalid_response) rather than read as "no target": the shapes other clients
 * invented (targetPrice, target_price) are wrong, and a silent null would hide a contract change.
 */
export const smartDealsResultSchema = z
  .union([z.looseObject({ smart_deals_price: z.union([num, z.null(), z.literal("").transform(() => null)]) }), z.null(), z.array(z.unknown()).max(0)])
  .optional()
  .transform((r): number | null => (r && !Array.isArray(r) ? r.smart_deals_price : null));
