// Loads the offers a change applies to (rows of emag_products) by id, by (account, offer id or part
// number), or by the product list's filters ("all that match").
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { productWhere } from "@/lib/products/sql";
import type { ProductFilters } from "@/lib/products/schemas";
import type { AccountKind, OfferTarget } from "./types";
import { vatRateOf } from "./vat";

/** A hard ceiling on one job: 20,000 offers (400 offer/save calls, about 2.5 minutes of budget). */
export const MAX_JOB_OFFERS = 20_000;

type Row = {
  id: string; account: AccountKind; emag_offer_id: string; name: string | null; part_number: string | null; vat_id: number | null;
  sale_price: number | null; recommended_price: number | null; min_sale_price: number | null; max_sale_price: number | null;
  general_stock: number | null; handling_time: number | null; status: number | null; removed: boolean;
};

const SELECT = Prisma.raw(`SELECT p.id::text AS id, p.account::text AS account, p.emag_offer_id, p.name, p.part_number, p.vat_id,
  p.sale_price::float8 AS sale_price, p.recommended_price::float8 AS recommended_price, p.min_sale_price::float8 AS min_sale_price,
  p.max_sale_price::float8 AS max_sale_price, p.general_stock, p.handling_time, p.status, (p.removed_at IS NOT NULL) AS removed
  FROM emag_products p`);

const toTarget = (r: Row): OfferTarget => ({
  productId: r.id,
  account: r.account,
  emagOfferId: r.emag_offer_id,
  name: r.name,
  partNumber: r.part_number,
  vatRate: vatRateOf(r.vat_id),
  removed: r.removed,
  values: {
    sale_price: r.sale_price, recommended_price: r.recommended_price, min_sale_price: r.min_sale_price, max_sale_price: r.max_sale_price,
    stock: r.general_stock, handling_time: r.handling_time, status: r.status,
  },
});

type Client = Pick<typeof db, "$queryRaw">;

export async function targetsByIds(ids: string[], client: Client = db): Promise<OfferTarget[]> {
  if (!ids.length) return [];
  const rows = await client.$queryRaw<Row[]>`${SELECT} WHERE p.id = ANY(${ids}::uuid[])`;
  const byId = new Map(rows.map((r) => [r.id, toTarget(r)]));
  return ids.map((id) => byId.get(id)).filter((t): t is OfferTarget => !!t);
}

/** Every offer the product list's filters match (not removed unless asked), in list order. */
export async function targetsByFilter(f: ProductFilters, limit = MAX_JOB_OFFERS + 1, client: Client = db): Promise<OfferTarget[]> {
  const rows = await client.$queryRaw<Row[]>`${SELECT} ${productWhere(f)} ORDER BY p.account, p.name NULLS LAST, p.id LIMIT ${limit}::int`;
  return rows.map(toTarget);
}
