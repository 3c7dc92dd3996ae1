// The full rebuild (npm run customers:rebuild): every customer recomputed from the stored orders in
// one transaction, with the rule the page upkeep applies (grouping.ts over every order's keys, ever
// seen ones included) and the same row computation (refresh.ts). The result is what clearing the
// tables and rebuilding them gives; only what differs is written (orders' customer_id and keys,
// key rows), so a rebuild of a base the upkeep kept rewrites little besides the customer rows.
import { invalidateCache } from "@/lib/cache";
import { customerRow, orderInputOf, returnInputOf, type CustomerRowValues, type OrderTuple, type ReturnTuple } from "./customer-row";
import { groupByKeys, type KeyedOrder } from "./grouping";
import { customerIdFor, identityKeys, orderRefKey } from "./keys";
import { customerClock, ORDER_INPUTS, orderTupleSql, RETURN_TUPLE, storedBuyer, writeRankedRows, writeRows, type RankedRow } from "./refresh";
import { rfmScores } from "./rfm";
import type { CustomerOrderInput, CustomerReturnInput } from "./types";
import { refreshRfm } from "./rfm-sql";
import { inCustomerTransaction, type TxQuery } from "./tx";

/** Customer rows written per statement. */
export const REBUILD_BATCH = 5_000;
const ORDER_BATCH = 20_000;
const KEY_BATCH = 50_000;

/** [emag_orders id, identity_created_at unset, identity_keys, customer_id, its inputs (ORDER_INPUTS), none stored, no buyer subset stored]. */
type StoredOrder = [id: string, identityUnset: boolean, keys: string[] | null, customerId: string | null, order: OrderTuple, inputUnset: boolean, buyerUnset: boolean];

// One JSON value per order (JSON.parse is cheaper than the driver's field-by-field parsing), read
// in slices of the table's blocks (a TID range scan each), so TypeScript works on one slice while
// the server builds the next.
const READ_SLICES = 8;
const TABLE_BLOCKS = `SELECT (pg_relation_size('emag_orders') / current_setting('block_size')::int)::int AS blocks`;
// An order's stored inputs stand (refresh.ts ORDER_INPUTS); only those without are computed from the row.
const READ_SLICE = `SELECT json_build_array(o.id, o.identity_created_at IS NULL, o.identity_keys, o.customer_id, ${ORDER_INPUTS}, o.customer_input IS NULL, o.buyer IS NULL) AS o
FROM emag_orders o WHERE o.ctid >= format('(%s,0)', $1::int)::tid AND o.ctid < format('(%s,0)', $2::int)::tid`;
// Every RMA with the order it returns (account + emag_order_id); bucketed by the new grouping in TS.
const READ_RETURNS = `SELECT json_agg(${RETURN_TUPLE}) AS returns FROM emag_returns r WHERE r.emag_order_id IS NOT NULL`;

const DEFER_FK = `SET CONSTRAINTS emag_orders_customer_id_fkey DEFERRED`;
// The inputs are computed again from the row (cheaper than sending them back): the same values
// READ_SLICE read. An order stored before the upkeep (no buyer subset) gets its buyer subset and
// refund stored too, as the order upsert stores them, in the same row write, so later reads (the
// next rebuild, a recompute) no longer decompress its raw; its inputs are computed from those values.
const STORED_REFUND = `CASE WHEN o.buyer IS NOT NULL THEN o.refunded_amount
  ELSE (CASE WHEN jsonb_typeof(o.raw->'refunded_amount') = 'number' THEN (o.raw->>'refunded_amount')::numeric END)::numeric(14,4) END`;
const col = (name: string) => `o.${name}`;
const REBUILT_INPUT = orderTupleSql({
  account: col("account"), emag_order_id: col("emag_order_id"), emag_created_at: col("emag_created_at"), first_seen_at: col("first_seen_at"),
  identity_created_at: col("identity_created_at"), status: col("status"), total: col("total"), currency: col("currency"),
  payment_mode_id: col("payment_mode_id"), shipping_address: col("shipping_address"), billing_address: col("billing_address"),
  awb_number: col("awb_number"), finalized_at: col("finalized_at"), cancellation_reason: col("cancellation_reason"),
  refunded: "x.r::text", buyer: "x.b",
});
const UPDATE_ORDERS = `
UPDATE emag_orders o SET customer_id = u.customer_id, identity_keys = u.keys, identity_created_at = COALESCE(o.identity_created_at, u.created_at),
  (buyer, refunded_amount, customer_input) = (SELECT x.b, x.r, ${REBUILT_INPUT} FROM (SELECT ${storedBuyer("o")} AS b, ${STORED_REFUND} AS r OFFSET 0) x)
FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, customer_id text, keys text[], created_at timestamptz) WHERE o.id = u.id`;
const UPSERT_KEYS = `INSERT INTO customer_keys (key, customer_id) SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (key) DO UPDATE SET customer_id = excluded.customer_id`;
const DELETE_KEYS = `DELETE FROM customer_keys WHERE key = ANY($1::text[])`;
const LINK_RETURNS = `
UPDATE emag_returns r SET order_id = o.id, customer_id = o.customer_id
FROM emag_orders o WHERE o.account = r.account AND o.emag_order_id = r.emag_order_id
  AND (r.order_id IS DISTINCT FROM o.id OR r.customer_id IS DISTINCT FROM o.customer_id)`;
const UNLINK_RETURNS = `
UPDATE emag_returns r SET order_id = NULL, customer_id = NULL
WHERE (r.order_id IS NOT NULL OR r.customer_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM emag_orders o WHERE o.account = r.account AND o.emag_order_id = r.emag_order_id)`;
const DELETE_STALE = `DELETE FROM customers c WHERE NOT EXISTS (SELECT 1 FROM emag_orders o WHERE o.customer_id = c.id)`;

const ANY_CUSTOMER = `SELECT EXISTS (SELECT 1 FROM customers) AS any`;

/** The rows with their RFM (rfm.ts rfmScores over them all: the base is every row with a purchase). */
function ranked(rows: readonly CustomerRowValues[]): RankedRow[] {
  const base = rows.flatMap((r) => (r.purchases > 0 && r.last_purchase_at ? [{ customerId: r.id, lastPurchaseAt: new Date(r.last_purchase_at), purchases: r.purchases, netSpendCents: r.agg.cents[0] - r.agg.cents[1] }] : []));
  const rfm = rfmScores(base);
  return rows.map((r) => {
    const s = rfm.get(r.id);
    return { ...r, rfm_r: s?.r ?? null, rfm_f: s?.f ?? null, rfm_m: s?.m ?? null, rfm_segment: s?.segment ?? null };
  });
}

const chunks = <T>(xs: readonly T[], size: number) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
const sameKeys = (a: readonly string[] | null, b: readonly string[]) => (a?.length ?? 0) === b.length && b.every((k, i) => a![i] === k);
/** Lets the connection send queued statements and read their answers while TypeScript computes. */
const yieldToIo = () => new Promise<void>((r) => setImmediate(r));

export interface RebuildResult {
  customers: number;
  orders: number;
  ms: number;
  /** Milliseconds per phase. */
  phases: Record<string, number>;
}

/**
 * Rebuilds every customer from the stored orders and returns in one transaction (holding the
 * customer lock, so order pages wait), then settles ids and RFM. Customers no order belongs to are
 * deleted. Orders point at their new customers before those rows are written (the foreign key is
 * checked at commit), so the orders' updates run while the customer rows are computed.
 */
export async function rebuildCustomers(opts: { now?: Date } = {}): Promise<RebuildResult> {
  const started = performance.now();
  const now = opts.now ?? customerClock.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round(t - mark);
    mark = t;
  };
  const counts = await inCustomerTransaction(async (query: TxQuery) => {
    await query(DEFER_FK);
    const fromNothing = !(await query<{ any: boolean }>(ANY_CUSTOMER))[0]?.any;
    const blocks = (await query<{ blocks: number }>(TABLE_BLOCKS))[0]!.blocks;
    // The last slice is open-ended: the table cannot grow meanwhile (the lock), but this reads to its end anyway.
    const edges = Array.from({ length: READ_SLICES + 1 }, (_, i) => (i === READ_SLICES ? 2 ** 31 - 1 : Math.floor((blocks * i) / READ_SLICES)));
    const slices = edges.slice(0, -1).map((from, i) => query<{ o: StoredOrder }>(READ_SLICE, [from, edges[i + 1]]));
    const returnsRead = query<{ returns: ReturnTuple[] | null }>(READ_RETURNS);
    const orders: StoredOrder[] = [];
    const inputs: CustomerOrderInput[] = [];
    const keyed: KeyedOrder[] = [];
    for (const slice of slices)
      for (const { o } of await slice) {
        const [id, , stored, , t] = o;
        const input = orderInputOf(t);
        orders.push(o);
        inputs.push(input);
        // The stored keys are the record (README): the upkeep stores every key of every version it
        // writes, so only orders stored without it (before it existed) need theirs from raw.
        const keys = stored?.length ? stored : identityKeys(input.buyer);
        keyed.push({ ref: id, candidateId: customerIdFor({ ...input, createdAt: new Date(t[3]) }), keys });
      }
    const returns = (await returnsRead)[0]?.returns ?? [];
    phase("read");

    const assigned = groupByKeys(keyed);
    const ids = [...new Set(assigned.values())];
    phase("group");

    // Issued, not awaited (they queue on the connection): the server updates the orders while
    // the rows below are computed.
    const writes: Promise<unknown>[] = [];
    const later = (fn: () => Promise<unknown>) => void writes.push(fn());
    const changed: { id: string; customer_id: string; keys: readonly string[]; created_at: string }[] = [];
    orders.forEach(([id, unset, stored, customerId, t, inputUnset, buyerUnset], i) => {
      const next = assigned.get(id)!;
      const keys = keyed[i]!.keys;
      if (next !== customerId || !sameKeys(stored, keys) || unset || inputUnset || buyerUnset) changed.push({ id, customer_id: next, keys, created_at: new Date(t[3]).toISOString() });
    });
    for (const batch of chunks(changed, ORDER_BATCH)) later(() => query(UPDATE_ORDERS, [JSON.stringify(batch)]));

    // Each customer's inputs; its canonical id is its group's id (the smallest candidate).
    const byCustomer = new Map<string, { orders: CustomerOrderInput[]; returns: CustomerReturnInput[] }>(ids.map((id) => [id, { orders: [], returns: [] }]));
    // Returns are few: only their orders are looked up by (account, order id).
    const returned = new Set(returns.map((t) => `${t[0]}:${t[1]}`));
    const byRef = new Map<string, string>();
    orders.forEach(([id], i) => {
      const customerId = assigned.get(id)!;
      byCustomer.get(customerId)!.orders.push(inputs[i]!);
      if (returned.size) {
        const ref = orderRefKey(inputs[i]!);
        if (returned.has(ref)) byRef.set(ref, customerId);
      }
    });
    for (const t of returns) {
      const customerId = byRef.get(`${t[0]}:${t[1]}`);
      if (customerId) byCustomer.get(customerId)!.returns.push(returnInputOf(t));
    }
    // Into an empty table, every row is an insert: ranked first (rfmScores over the whole base, what
    // refreshRfm's SQL gives) and inserted with its RFM, rather than inserted and then updated again
    // for it. Over stored rows most are unchanged: streamed while the rest are computed, and
    // refreshRfm below updates the ranks that moved.
    const rows: CustomerRowValues[] = [];
    let n = 0;
    for (const [id, c] of byCustomer) {
      rows.push(customerRow(id, c.orders, c.returns, now, id));
      if (!fromNothing && rows.length === REBUILD_BATCH) later(() => writeRows(query, rows.splice(0)));
      if (++n % 250 === 0) await yieldToIo();
    }
    if (!fromNothing) later(() => writeRows(query, rows.splice(0)));
    else for (const batch of chunks(ranked(rows), REBUILD_BATCH)) later(() => writeRankedRows(query, batch));
    phase("rows");
    await Promise.all(writes);
    phase("writes");

    const wanted = new Map<string, string>();
    for (const k of keyed) for (const key of k.keys) wanted.set(key, assigned.get(k.ref)!);
    // One JSON value: parsed natively, not row by row.
    const storedKeys = (await query<{ keys: Record<string, string> | null }>(`SELECT json_object_agg(key, customer_id) AS keys FROM customer_keys`))[0]?.keys ?? {};
    const stored = new Map(Object.entries(storedKeys));
    const stale = [...stored.keys()].filter((k) => !wanted.has(k));
    const upserts = [...wanted].filter(([k, id]) => stored.get(k) !== id);
    for (const batch of chunks(stale, KEY_BATCH)) await query(DELETE_KEYS, [batch]);
    for (const batch of chunks(upserts, KEY_BATCH)) await query(UPSERT_KEYS, [batch.map(([k]) => k), batch.map(([, id]) => id)]);
    phase("keys");

    await query(DELETE_STALE);
    await query(LINK_RETURNS);
    await query(UNLINK_RETURNS);
    phase("returns");
    await refreshRfm(query);
    phase("rfm");
    return { customers: ids.length, orders: orders.length };
  });
  phase("commit");
  await invalidateCache("customers", "orders", "returns");
  return { ...counts, ms: Math.round(performance.now() - started), phases };
}
