// The price list: the product list (same filters and sort) as the offers' commercial values, in the
// columns an import takes back (import-rows.ts). Read in keyset-paged batches like the product CSV,
// streamed as CSV or as one XLSX worksheet (prices as numbers, header row frozen). Exported as is,
// a file imports with no change: prices are ex VAT at eMAG's 4 decimals, empty cells mean null.
import { csvResponse, type CsvColumns } from "@/lib/api/csv-stream";
import { xlsxResponse } from "@/lib/api/xlsx-stream";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProductFilters } from "@/lib/products/schemas";
import { keysetOrder, productWhere } from "@/lib/products/sql";
import { money } from "./rules";

const BATCH = 1000;

export interface PriceListRow {
  id: string;
  account: string;
  emag_offer_id: string;
  part_number: string | null;
  name: string | null;
  sale_price: number | null;
  min_sale_price: number | null;
  max_sale_price: number | null;
  recommended_price: number | null;
  general_stock: number | null;
  handling_time: number | null;
  status: number | null;
}

const price = (n: number | null) => (n === null ? null : money(n));

/** Header names and order: PRICE_LIST_COLUMNS (import-rows.ts), checked by export.test.ts. */
export const PRICE_LIST_EXPORT: CsvColumns<PriceListRow> = [
  ["account", (r) => r.account],
  ["offer_id", (r) => r.emag_offer_id],
  ["part_number", (r) => r.part_number],
  ["name", (r) => r.name],
  ["sale_price", (r) => price(r.sale_price)],
  ["min_sale_price", (r) => price(r.min_sale_price)],
  ["max_sale_price", (r) => price(r.max_sale_price)],
  ["recommended_price", (r) => price(r.recommended_price)],
  ["stock", (r) => r.general_stock],
  ["handling_time", (r) => r.handling_time],
  ["status", (r) => r.status],
];

const SELECT = Prisma.raw(`p.id::text AS id, p.account::text AS account, p.emag_offer_id, p.part_number, p.name,
  p.sale_price::float8 AS sale_price, p.min_sale_price::float8 AS min_sale_price, p.max_sale_price::float8 AS max_sale_price,
  p.recommended_price::float8 AS recommended_price, p.general_stock, p.handling_time, p.status`);

/** The matching offers in keyset-paged batches (no transaction held open, memory flat). */
export async function* priceListBatches(f: ProductFilters): AsyncGenerator<PriceListRow[]> {
  const where = productWhere(f);
  const ks = keysetOrder(f);
  let cursor: { key: string; id: string } | undefined;
  for (;;) {
    const page = cursor ? Prisma.sql`AND ${ks.after(cursor.key, cursor.id)}` : Prisma.empty;
    const rows = await db.$queryRaw<(PriceListRow & { k: string })[]>`
      SELECT ${SELECT}, ${ks.key} AS k FROM emag_products p ${where} ${page} ${ks.order} LIMIT ${BATCH}::int`;
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    cursor = { key: last.k, id: last.id };
  }
}

const filename = (ext: string) => `emag-price-list-${new Date().toISOString().slice(0, 10)}.${ext}`;

export const priceListCsvResponse = (f: ProductFilters, requestId?: string) =>
  csvResponse({ columns: PRICE_LIST_EXPORT, batches: priceListBatches(f) }, { filename: filename("csv"), requestId });

/**
 * The price list as one worksheet (lib/api/xlsx-stream.ts), header row frozen. Offer ids are text
 * (Excel would show long ones in scientific notation); prices, stock and status are numbers.
 */
export const priceListXlsxResponse = (f: ProductFilters, requestId?: string): Promise<Response> =>
  xlsxResponse(
    { sheet: "Price list", columns: PRICE_LIST_EXPORT, batches: priceListBatches(f), frozenHeader: true, width: (h) => (h === "name" ? 48 : 16) },
    { filename: filename("xlsx"), requestId },
  );
