// CSV export of the product list (same filters and sort), read in keyset-paged batches so memory
// stays flat and a 100k-row export never holds a transaction open; lib/api/csv-stream.ts streams it.
import type { CsvColumns, CsvExport } from "@/lib/api/csv-stream";
import { db } from "@/lib/db";
import type { ProductFilters } from "@/lib/products/schemas";
import { keysetOrder, PRODUCT_COLUMNS, productWhere } from "@/lib/products/sql";
import type { ProductRow } from "@/lib/products/service";
import { Prisma } from "@/lib/generated/prisma/client";

const BATCH = 1000;

const COLUMNS: CsvColumns<ProductRow> = [
  ["id", (r) => r.id],
  ["account", (r) => r.account],
  ["emag_offer_id", (r) => r.emag_offer_id],
  ["part_number", (r) => r.part_number],
  ["part_number_key", (r) => r.part_number_key],
  ["name", (r) => r.name],
  ["brand", (r) => r.brand],
  ["category_id", (r) => r.category_id],
  ["sale_price", (r) => r.sale_price],
  ["recommended_price", (r) => r.recommended_price],
  ["min_sale_price", (r) => r.min_sale_price],
  ["max_sale_price", (r) => r.max_sale_price],
  ["currency", (r) => r.currency],
  ["vat_id", (r) => r.vat_id],
  ["general_stock", (r) => r.general_stock],
  ["estimated_stock", (r) => r.estimated_stock],
  ["status", (r) => r.status],
  ["validation_status", (r) => r.validation_status],
  ["offer_validation_status", (r) => r.offer_validation_status],
  ["number_of_offers", (r) => r.number_of_offers],
  ["buy_button_rank", (r) => r.buy_button_rank],
  ["best_offer_sale_price", (r) => r.best_offer_sale_price],
  ["eans", (r) => r.eans.join(" ")],
  ["local_edits", (r) => Object.keys(r.local_edits).join(" ")],
  ["first_seen_at", (r) => r.first_seen_at.toISOString()],
  ["last_synced_at", (r) => r.last_synced_at.toISOString()],
  ["removed_at", (r) => r.removed_at?.toISOString()],
];

/** The product list (same filters and sort) in keyset-paged batches, for csvResponse. */
export function productsCsv(f: ProductFilters): CsvExport<ProductRow> {
  return { columns: COLUMNS, batches: productBatches(f) };
}

async function* productBatches(f: ProductFilters): AsyncGenerator<ProductRow[]> {
  const where = productWhere(f);
  const ks = keysetOrder(f);
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    const page = cursor ? Prisma.sql`AND ${ks.after(cursor.key, cursor.id)}` : Prisma.empty;
    const rows = await db.$queryRaw<(ProductRow & { k: string })[]>`
      SELECT ${PRODUCT_COLUMNS}, ${ks.key} AS k FROM emag_products p ${where} ${page} ${ks.order} LIMIT ${BATCH}::int`;
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    cursor = { key: last.k, id: last.id };
  }
}
