// The one writer of emag_returns. A page of rma/read is written in one transaction on the sync
// pool: one upsert keyed by (account, eMAG RMA id), so re-running a page (a retry, a crash, a
// racing sync) never duplicates a return, and a return eMAG did not change (same content hash) is
// not rewritten. The statement reports what it inserted (xmax = 0) and each row's previous status,
// so return events fire exactly once. Each return is linked to its stored order (and that order's
// customer); the customers it touched are recomputed in the same transaction.
import type { AccountKind } from "@/lib/accounts/service";
import { invalidateCache } from "@/lib/cache";
import { lockCustomerUpkeep, refreshCustomers } from "@/lib/customers/upkeep";
import type { ReturnRow } from "@/lib/returns/map";
import { bulkTransaction } from "@/lib/sync/bulk-db";

export interface UpsertedReturn {
  id: string;
  account: AccountKind;
  emag_rma_id: string;
  emag_order_id: string | null;
  order_id: string | null;
  customer_id: string | null;
  request_status: number;
  inserted: boolean;
  prev_status: number | null;
  prev_customer_id: string | null;
}

export interface ReturnsUpsertResult {
  written: UpsertedReturn[];
  unchanged: number;
}

const RETURN_COLUMNS = `account "AccountKind", emag_rma_id bigint, emag_order_id bigint, return_type int, return_reason int,
  request_status int, is_full_fbe boolean, products jsonb, refund_value numeric, customer_name text, emag_date text, raw jsonb,
  content_hash text`;

// A row is rewritten when eMAG changed it, or when its order link is new or moved (the order was
// stored after the return, or the order's customer changed), so links heal on the next sync.
const UPSERT_RETURNS = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${RETURN_COLUMNS})),
linked AS (
  SELECT x.*, o.id AS order_id, o.customer_id
  FROM input x LEFT JOIN emag_orders o ON o.account = x.account AND o.emag_order_id = x.emag_order_id
),
prev AS (
  SELECT r.account, r.emag_rma_id, r.request_status, r.customer_id FROM emag_returns r JOIN input i USING (account, emag_rma_id)
),
up AS (
  INSERT INTO emag_returns AS r (account, emag_rma_id, emag_order_id, order_id, customer_id, return_type, return_reason,
    request_status, is_full_fbe, products, refund_value, customer_name, emag_date, raw, content_hash)
  SELECT x.account, x.emag_rma_id, x.emag_order_id, x.order_id, x.customer_id, x.return_type, x.return_reason,
    x.request_status, COALESCE(x.is_full_fbe, false), COALESCE(x.products, '[]'), COALESCE(x.refund_value, 0), x.customer_name,
    CASE WHEN x.emag_date ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (x.emag_date)::timestamp AT TIME ZONE 'Europe/Bucharest' END,
    x.raw, x.content_hash
  FROM linked x
  ON CONFLICT (account, emag_rma_id) DO UPDATE SET
    emag_order_id = excluded.emag_order_id,
    order_id = COALESCE(excluded.order_id, r.order_id),
    customer_id = CASE WHEN excluded.order_id IS NOT NULL THEN excluded.customer_id ELSE r.customer_id END,
    return_type = excluded.return_type,
    return_reason = excluded.return_reason,
    request_status = excluded.request_status,
    is_full_fbe = excluded.is_full_fbe,
    products = excluded.products,
    refund_value = excluded.refund_value,
    customer_name = excluded.customer_name,
    emag_date = excluded.emag_date,
    raw = excluded.raw,
    content_hash = excluded.content_hash,
    last_synced_at = now()
  WHERE r.content_hash IS DISTINCT FROM excluded.content_hash
    OR (excluded.order_id IS NOT NULL
      AND (r.order_id IS DISTINCT FROM excluded.order_id OR r.customer_id IS DISTINCT FROM excluded.customer_id))
  RETURNING r.id, r.account, r.emag_rma_id, r.emag_order_id, r.order_id, r.customer_id, r.request_status, (r.xmax = 0) AS inserted
)
SELECT up.id, up.account, up.emag_rma_id::text AS emag_rma_id, up.emag_order_id::text AS emag_order_id, up.order_id,
  up.customer_id, up.request_status, up.inserted, prev.request_status AS prev_status, prev.customer_id AS prev_customer_id
FROM up LEFT JOIN prev USING (account, emag_rma_id)`;

/** Customers whose metrics a written page changes: the new and the previous owner of each return (sorted). */
export const affectedCustomers = (written: UpsertedReturn[]) =>
  [...new Set(written.flatMap((w) => [w.customer_id, w.prev_customer_id]).filter((c): c is string => !!c))].sort();

/** Upserts one page of returns and refreshes their customers, atomically. */
export async function upsertReturns(rows: ReturnRow[]): Promise<ReturnsUpsertResult> {
  if (!rows.length) return { written: [], unchanged: 0 };
  // One row per return even if eMAG repeated one across pages (ON CONFLICT cannot touch a row twice).
  const unique = [...new Map(rows.map((r) => [`${r.account}:${r.emag_rma_id}`, r])).values()];
  const written = await bulkTransaction(async (query) => {
    // The customer lock before the first write: a customer merge (holding it) rewrites returns'
    // rows, so locking those rows first and then waiting for it could deadlock.
    await lockCustomerUpkeep(query);
    const out = await query<UpsertedReturn>(UPSERT_RETURNS, [JSON.stringify(unique)]);
    const customers = affectedCustomers(out);
    if (customers.length) await refreshCustomers(query, customers);
    return out;
  });
  if (written.length) await invalidateCache("returns", "customers");
  return { written, unchanged: unique.length - written.length };
}
