// Recomputes customers rows from their stored orders and returns (README "Metrics" lists the input
// columns). The order sync calls it for the customers a page touched, the returns sync for the
// customers of the RMAs it wrote, the rebuild for every customer. RFM is not here: it ranks the
// whole base (rfm-sql.ts).
import { BUYER_FIELDS, customerRow, orderInputOf, returnInputOf, type CustomerRowValues, type OrderTuple, type ReturnTuple } from "./customer-row";
import { lockCustomerUpkeep, observed, type TxQuery } from "./tx";
import { customerIdFor } from "./keys";
import type { CustomerOrderInput, CustomerReturnInput } from "./types";

/**
 * The clock of the day-based scores (loyalty recency, inactivity). Tests that compare rows written
 * at different moments set it; nothing else should.
 */
export const customerClock = { now: (): Date => new Date() };

/** The BUYER_FIELDS of eMAG's order customer `c` (a jsonb expression) as one jsonb object. */
export const buyerSubset = (c: string) => `jsonb_build_object(${BUYER_FIELDS.map((f) => `'${f}', ${c}->'${f}'`).join(", ")})`;

/**
 * An order's buyer: the stored subset (emag_orders.buyer, written with raw by the order upsert), or,
 * for a row some other writer stored, the same subset of raw.customer (raw decompressed once).
 */
export const storedBuyer = (o: string) =>
  `COALESCE(${o}.buyer, (SELECT ${buyerSubset("x.c")} FROM (SELECT ${o}.raw->'customer' AS c OFFSET 0) x))`;

/** Epoch milliseconds of a timestamptz(3) expression (a JSON number; exact: the column keeps ms). */
const ms = (t: string) => `(extract(epoch FROM ${t}) * 1000)::bigint`;

/**
 * emag_orders `o` with its buyer as `x.b` (the stored subset, else the subset of raw.customer, raw
 * decompressed once). Every order tuple is read FROM this.
 */
export const ORDERS_WITH_BUYER = `emag_orders o CROSS JOIN LATERAL (SELECT ${storedBuyer("o")} AS b OFFSET 0) x`;

/** The SQL expressions an order tuple is built from: each column of the order, its refund as text, its buyer subset. */
export interface OrderTupleSource {
  account: string;
  emag_order_id: string;
  emag_created_at: string;
  first_seen_at: string;
  identity_created_at: string;
  status: string;
  total: string;
  currency: string;
  payment_mode_id: string;
  shipping_address: string;
  billing_address: string;
  awb_number: string;
  finalized_at: string;
  cancellation_reason: string;
  /** The refunded amount as numeric(14,4) text. */
  refunded: string;
  /** The BUYER_FIELDS subset (jsonb). */
  buyer: string;
}

/**
 * One order's metric inputs (README "Metrics") as an OrderTuple, from `c`'s expressions: jsonb, as
 * emag_orders.customer_input keeps it. The one definition: ORDER_TUPLE reads a stored row with it,
 * and the order upsert (lib/orders/store.ts) the row it is writing, so both give the same value.
 * Each expression must have the column's type (timestamptz(3), numeric(14,4)).
 */
export const orderTupleSql = (c: OrderTupleSource) => `jsonb_build_array(${c.account}, ${c.emag_order_id}::text,
  ${ms(`COALESCE(${c.emag_created_at}, ${c.first_seen_at})`)},
  ${ms(`COALESCE(${c.identity_created_at}, ${c.emag_created_at}, ${c.first_seen_at})`)}, ${c.status}, ${c.total}::text, ${c.currency},
  ${c.payment_mode_id}, COALESCE(${c.shipping_address}->>'city', ${c.billing_address}->>'city'),
  (${c.awb_number} IS NOT NULL OR ${c.finalized_at} IS NOT NULL),
  CASE WHEN ${c.cancellation_reason}->>'id' ~ '^-?\\d{1,9}$' THEN (${c.cancellation_reason}->>'id')::int END,
  ${c.refunded}, jsonb_build_array(${BUYER_FIELDS.map((f) => `${c.buyer}->'${f}'`).join(", ")}))`;

const column = (alias: string) => (name: string) => `${alias}.${name}`;
const of = column("o");

/**
 * One stored order's metric inputs as an OrderTuple; FROM ORDERS_WITH_BUYER (`o`, its buyer `x.b`).
 * jsonb, as emag_orders.customer_input keeps it (compared with it without a cast).
 */
export const ORDER_TUPLE = orderTupleSql({
  account: of("account"), emag_order_id: of("emag_order_id"), emag_created_at: of("emag_created_at"), first_seen_at: of("first_seen_at"),
  identity_created_at: of("identity_created_at"), status: of("status"), total: of("total"), currency: of("currency"),
  payment_mode_id: of("payment_mode_id"), shipping_address: of("shipping_address"), billing_address: of("billing_address"),
  awb_number: of("awb_number"), finalized_at: of("finalized_at"), cancellation_reason: of("cancellation_reason"),
  refunded: `CASE WHEN o.buyer IS NOT NULL THEN o.refunded_amount::text ELSE o.raw->>'refunded_amount' END`, buyer: "x.b",
});

/** One RMA's inputs as a ReturnTuple; `r` is emag_returns. */
export const RETURN_TUPLE = `json_build_array(r.account, r.emag_order_id::text, r.emag_rma_id::text, r.request_status, r.return_type,
  r.refund_value::text, ${ms("COALESCE(r.emag_date, r.first_seen_at)")})`;

/**
 * An order's inputs: the stored customer_input (the database keeps it NULL unless the upkeep wrote
 * it, and the upkeep writes ORDER_TUPLE: tx.ts MARK_UPKEEP), else computed from the row (`o`).
 */
export const ORDER_INPUTS = `COALESCE(o.customer_input, (SELECT ${ORDER_TUPLE} FROM (SELECT ${storedBuyer("o")} AS b OFFSET 0) x))`;

/**
 * Each customer's orders and the returns of those orders, one row per customer (none for a
 * customer without orders), each list one JSON value; and, as the row is computed from them, the
 * customer_input of every order that had none (stored before the upkeep, or cleared by a write
 * outside it, e.g. a local status change). Joined to unnest() rather than `= ANY($1)`: the sync
 * pool plans generically (lib/db/pools.ts), and a generic plan of `customer_id = ANY($1)` guesses
 * a large share of the table and scans it.
 */
const LOAD_INPUTS = `
WITH t AS MATERIALIZED (
  SELECT o.id, o.customer_id, o.customer_input, ${ORDER_INPUTS} AS t
  FROM unnest($1::text[]) AS k(id) JOIN emag_orders o ON o.customer_id = k.id
),
inputs AS (UPDATE emag_orders o SET customer_input = t.t FROM t WHERE o.id = t.id AND t.customer_input IS NULL)
SELECT t.customer_id AS id, json_agg(t.t) AS orders,
  (SELECT json_agg(${RETURN_TUPLE}) FROM emag_orders o JOIN emag_returns r ON r.account = o.account AND r.emag_order_id = o.emag_order_id
   WHERE o.customer_id = t.customer_id) AS returns
FROM t GROUP BY t.customer_id`;

export type CustomerInputs = Map<string, { orders: CustomerOrderInput[]; returns: CustomerReturnInput[]; canonicalId?: string }>;

const minId = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);

/** A customer's inputs from its order and return tuples, with its canonical id (its oldest order's id). */
export function customerInputs(orders: readonly OrderTuple[], returns: readonly ReturnTuple[]) {
  let canonicalId: string | undefined;
  const inputs = orders.map((t) => {
    const input = orderInputOf(t);
    canonicalId = minId(canonicalId, customerIdFor({ ...input, createdAt: new Date(t[3]) }));
    return input;
  });
  return { orders: inputs, returns: returns.map(returnInputOf), canonicalId };
}

/** Every given customer's inputs (an entry for each id, empty when it has no orders). */
export async function loadCustomerInputs(query: TxQuery, ids: readonly string[]): Promise<CustomerInputs> {
  const rows = ids.length ? await query<{ id: string; orders: OrderTuple[] | null; returns: ReturnTuple[] | null }>(LOAD_INPUTS, [ids]) : [];
  const found = new Map(rows.map((r) => [r.id, customerInputs(r.orders ?? [], r.returns ?? [])]));
  return new Map(ids.map((id) => [id, found.get(id) ?? { orders: [], returns: [] }]));
}

const COLUMNS: [name: keyof CustomerRowValues, type: string][] = [
  ["id", "text"], ["kind", "text"], ["name", "text"], ["email_hash", "text"], ["phone", "text"], ["phones", "text[]"],
  ["company_name", "text"], ["company_cui", "text"], ["company", "jsonb"], ["contacts", "jsonb"], ["orders_total", "int"],
  ["orders_delivered", "int"], ["orders_cancelled", "int"], ["orders_returned", "int"], ["refused_cod", "int"],
  ["net_spend", "numeric"], ["avg_order_value", "numeric"], ["currency", "text"], ["first_order_at", "timestamptz"],
  ["last_order_at", "timestamptz"], ["accounts", "jsonb"], ["cities", "text[]"], ["preferred_payment_mode_id", "int"],
  ["tier", "text"], ["loyalty", "int"], ["risk", "text"], ["purchases", "int"], ["last_purchase_at", "timestamptz"],
  ["canonical_id", "text"], ["agg", "jsonb"],
];

const RFM_COLUMNS: [name: string, type: string][] = [["rfm_r", "int"], ["rfm_f", "int"], ["rfm_m", "int"], ["rfm_segment", "text"]];

/**
 * In one statement: deletes `gone` customers ($2), writes the rows ($1: insert or update; a row
 * whose values did not change is left alone, so updated_at is its last change), adds an order
 * page's new keys ($3, $4) and links the returns of its orders ($5). Keys and returns may point at
 * rows this statement inserts: foreign keys are checked at its end. `columns`: COLUMNS, plus the
 * RFM columns when the rows come ranked (the rebuild).
 */
function writeRowsSql(columns: readonly (readonly [string, string])[]) {
  const all = columns.map(([n]) => n);
  const set = all.filter((n) => n !== "id");
  return `
WITH gone AS (DELETE FROM customers WHERE id = ANY($2::text[])),
new_keys AS (INSERT INTO customer_keys (key, customer_id) SELECT * FROM unnest($3::text[], $4::text[])),
linked AS (
  UPDATE emag_returns r SET order_id = o.id, customer_id = o.customer_id
  FROM unnest($5::uuid[]) AS u(id) JOIN emag_orders o ON o.id = u.id
  WHERE r.account = o.account AND r.emag_order_id = o.emag_order_id
    AND (r.order_id IS DISTINCT FROM o.id OR r.customer_id IS DISTINCT FROM o.customer_id)
)
INSERT INTO customers AS c (${all.join(", ")}, updated_at)
SELECT ${all.map((n) => `x.${n}`).join(", ")}, now()
FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([n, t]) => `${n} ${t}`).join(", ")})
ON CONFLICT (id) DO UPDATE SET ${set.map((n) => `${n} = excluded.${n}`).join(", ")}, updated_at = now()
WHERE (${set.map((n) => `c.${n}`).join(", ")}) IS DISTINCT FROM (${set.map((n) => `excluded.${n}`).join(", ")})`;
}
const WRITE_ROWS = writeRowsSql(COLUMNS);
const WRITE_RANKED_ROWS = writeRowsSql([...COLUMNS, ...RFM_COLUMNS]);

/** A row with its RFM (rfm.ts rfmScores over the whole base; null outside it). */
export type RankedRow = CustomerRowValues & { rfm_r: number | null; rfm_f: number | null; rfm_m: number | null; rfm_segment: string | null };

/** Writes rows that come with their RFM (the rebuild, which ranks the base itself). */
export async function writeRankedRows(query: TxQuery, rows: readonly RankedRow[]): Promise<void> {
  if (rows.length) await query(WRITE_RANKED_ROWS, [JSON.stringify(rows), [], [], [], []]);
}

/** What an order page adds to its customers' write. */
export interface PageExtras {
  newKeys?: readonly [key: string, customerId: string][];
  /** emag_orders ids whose returns to link (account + emag_order_id). */
  linkReturnsOf?: readonly string[];
}

/** Writes computed rows and deletes `gone` customers (plus a page's extras), in one statement. */
export async function writeRows(query: TxQuery, rows: readonly CustomerRowValues[], gone: readonly string[] = [], extras: PageExtras = {}): Promise<void> {
  const keys = extras.newKeys ?? [];
  const links = extras.linkReturnsOf ?? [];
  if (rows.length || gone.length || keys.length || links.length)
    await query(WRITE_ROWS, [JSON.stringify(rows), gone, keys.map(([k]) => k), keys.map(([, id]) => id), links]);
}

/** Computes and writes the rows of `inputs`; customers left with no order are deleted. */
export async function writeCustomers(query: TxQuery, inputs: CustomerInputs, now: Date, extras: PageExtras = {}): Promise<{ written: number; deleted: number }> {
  const rows: CustomerRowValues[] = [];
  const gone: string[] = [];
  for (const [id, { orders, returns, canonicalId }] of inputs) {
    if (orders.length === 0) gone.push(id);
    else rows.push(customerRow(id, orders, returns, now, canonicalId));
  }
  await writeRows(query, rows, gone, extras);
  return { written: rows.length, deleted: gone.length };
}

/** refreshCustomers, plus what an order page adds to the same write. */
export async function refreshCustomersWith(query: TxQuery, customerIds: readonly string[], extras: PageExtras, now = customerClock.now()): Promise<void> {
  await writeCustomers(query, await loadCustomerInputs(query, [...new Set(customerIds)]), now, extras);
}

/**
 * Recomputes each given customer's row (profile, metrics, tier, loyalty, risk, state) from
 * its orders and returns, inside the caller's transaction; deletes those left with no orders.
 */
export async function refreshCustomers(txQuery: TxQuery, customerIds: string[], opts: { now?: Date } = {}): Promise<void> {
  if (!customerIds.length) return;
  const query = observed(txQuery);
  await lockCustomerUpkeep(query);
  await refreshCustomersWith(query, customerIds, {}, opts.now ?? customerClock.now());
}
