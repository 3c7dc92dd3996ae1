// The customer list (same filters and sort) as CSV and as XLSX, streamed batch by batch from one
// cursor (one snapshot, any sort, no OFFSET rescans), masked per role like the API.
import { csvResponse, type CsvColumns } from "@/lib/api/csv-stream";
import { xlsxResponse } from "@/lib/api/xlsx-stream";
import { pgPool } from "@/lib/db/pools";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerFilters, CustomerSummaryRow } from "./api-types";
import { CUSTOMER_COLUMNS, customerOrder, customersQuery, customerWhere, summaryRowOf, type CustomerDbRow } from "./list-sql";
import { maskSummaryRow } from "./mask";

const BATCH = 1000;

export const EXPORT_COLUMNS: CsvColumns<CustomerSummaryRow> = [
  ["id", (c) => c.id],
  ["kind", (c) => c.kind],
  ["name", (c) => c.name],
  ["phone", (c) => c.phone],
  ["company_name", (c) => c.company_name],
  ["company_cui", (c) => c.company_cui],
  ["tier", (c) => c.tier],
  ["loyalty", (c) => c.loyalty],
  ["risk", (c) => c.risk],
  ["rfm_segment", (c) => c.rfm_segment_label],
  ["rfm", (c) => (c.rfm ? `${c.rfm.r}${c.rfm.f}${c.rfm.m}` : null)],
  ["orders_total", (c) => c.orders_total],
  ["purchases", (c) => c.purchases],
  ["orders_delivered", (c) => c.orders_delivered],
  ["orders_cancelled", (c) => c.orders_cancelled],
  ["orders_returned", (c) => c.orders_returned],
  ["refused_cod", (c) => c.refused_cod],
  ["net_spend", (c) => c.net_spend],
  ["avg_order_value", (c) => c.avg_order_value],
  ["currency", (c) => c.currency],
  ["first_order_at", (c) => c.first_order_at],
  ["last_order_at", (c) => c.last_order_at],
  ["orders_main", (c) => c.accounts.main],
  ["orders_fbe", (c) => c.accounts.fbe],
  ["cities", (c) => c.cities.join("; ")],
  ["preferred_payment_mode_id", (c) => c.preferred_payment_mode_id],
];

/**
 * The matching customers in batches, from a cursor in a read-only transaction on its own
 * connection; stopping early (a client gone) closes the cursor and frees the connection.
 */
export async function* customerBatches(f: CustomerFilters, pii: boolean): AsyncGenerator<CustomerSummaryRow[]> {
  const client = await pgPool("read").connect();
  let ok = false;
  try {
    await client.query("BEGIN READ ONLY");
    await customersQuery(Prisma.sql`DECLARE customers_export NO SCROLL CURSOR FOR SELECT ${CUSTOMER_COLUMNS} FROM customers c ${customerWhere(f)} ${customerOrder(f)}`, client);
    for (;;) {
      const rows = (await client.query<CustomerDbRow>(`FETCH ${BATCH} FROM customers_export`)).rows;
      if (rows.length) yield rows.map((r) => maskSummaryRow(summaryRowOf(r), pii));
      if (rows.length < BATCH) break;
    }
    await client.query("COMMIT");
    ok = true;
  } finally {
    if (!ok) await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

const stamp = () => new Date().toISOString().slice(0, 10);

export const customersCsvResponse = (f: CustomerFilters, pii: boolean, requestId?: string) =>
  csvResponse({ columns: EXPORT_COLUMNS, batches: customerBatches(f, pii) }, { filename: `customers-${stamp()}.csv`, requestId });

/** The same list as one XLSX worksheet (lib/api/xlsx-stream.ts). */
export const customersXlsxResponse = (f: CustomerFilters, pii: boolean, requestId?: string): Promise<Response> =>
  xlsxResponse({ sheet: "Customers", columns: EXPORT_COLUMNS, batches: customerBatches(f, pii) }, { filename: `customers-${stamp()}.xlsx`, requestId });
