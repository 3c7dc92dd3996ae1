// product_offer/read items -> what the page statement needs. The statement receives eMAG's items
// as parsed by the client (stored as the raw payload) and maps them onto columns in SQL, so each
// item crosses the wire once; the content hash covers the whole item, so any change on eMAG's side
// (description, images, ...) makes the row "updated", and an equal hash means nothing to write.
import { createHash } from "node:crypto";
import type { ProductOffer } from "@/lib/emag/schemas/offers";

/** Fields a local edit may override; the same names as the Product JSON, the columns and eMAG's item. */
export const trackedFields = ["name", "sale_price", "recommended_price", "min_sale_price", "max_sale_price", "general_stock", "status"] as const;
export type TrackedField = (typeof trackedFields)[number];

const sha = (json: string) => createHash("sha256").update(json).digest("base64url");
export const contentHash = (o: ProductOffer) => sha(JSON.stringify(o));

export interface PagePayload {
  /** The items as a JSON array (each item serialised once, for both the hash and the statement). */
  json: string;
  ids: string[];
  hashes: string[];
}

/** One page's items and their hashes; an offer listed twice (the catalogue shifted while paging) keeps its last copy. */
export function pagePayload(offers: ProductOffer[]): PagePayload {
  const byId = new Map<string, ProductOffer>();
  for (const o of offers) byId.set(o.id, o);
  const items = [...byId.values()].map((o) => JSON.stringify(o));
  return { json: `[${items.join(",")}]`, ids: [...byId.keys()], hashes: items.map(sha) };
}

const EMAG_TIMESTAMP = String.raw`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$`;

/**
 * The column values of one eMAG item held in the jsonb expression `d`, as a SELECT list. Prices are
 * ex-VAT, rounded to 4 decimals; `modified` is platform time (Europe/Bucharest).
 */
export function offerColumnsSql(d: string): string {
  const text = (k: string) => `${d}->>'${k}'`;
  const int = (k: string) => `(${d}->>'${k}')::int`;
  const money = (k: string) => `round((${d}->>'${k}')::numeric, 4)`;
  return [
    `${text("id")} AS emag_offer_id`,
    `${text("part_number")} AS part_number`,
    `${text("part_number_key")} AS part_number_key`,
    `${text("name")} AS name`,
    `${text("brand")} AS brand`,
    `${int("category_id")} AS category_id`,
    `${money("sale_price")} AS sale_price`,
    `${money("recommended_price")} AS recommended_price`,
    `${money("min_sale_price")} AS min_sale_price`,
    `${money("max_sale_price")} AS max_sale_price`,
    `${text("currency")} AS currency`,
    `${int("vat_id")} AS vat_id`,
    `${int("general_stock")} AS general_stock`,
    `${int("estimated_stock")} AS estimated_stock`,
    `(${d}->'handling_time'->0->>'value')::int AS handling_time`,
    `coalesce((SELECT jsonb_agg(jsonb_build_object('warehouse_id', s->'warehouse_id', 'value', s->'value'))
      FROM jsonb_array_elements(${d}->'stock') s), '[]'::jsonb) AS stock`,
    `${int("status")} AS status`,
    `(${d}->'validation_status'->0->>'value')::int AS validation_status`,
    `(${d}->'offer_validation_status'->>'value')::int AS offer_validation_status`,
    `${int("number_of_offers")} AS number_of_offers`,
    `${int("buy_button_rank")} AS buy_button_rank`,
    `${money("best_offer_sale_price")} AS best_offer_sale_price`,
    `${money("best_offer_recommended_price")} AS best_offer_recommended_price`,
    `ARRAY(SELECT i->>'url' FROM jsonb_array_elements(${d}->'images') i) AS images`,
    `ARRAY(SELECT jsonb_array_elements_text(${d}->'ean')) AS eans`,
    `CASE WHEN ${text("modified")} ~ '${EMAG_TIMESTAMP}'
      THEN (${text("modified")})::timestamp AT TIME ZONE 'Europe/Bucharest' END AS emag_modified_at`,
  ].join(",\n    ");
}
