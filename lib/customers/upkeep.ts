// Customer rows kept by the database (README "What a database store must do"). An order page calls
// upkeepCustomersForOrders in its transaction, after writing its orders: under the customer lock it
// places each order (merging customers its keys connect into the biggest one), stores each order's
// customer and keys, adds the new keys, links the orders' returns and updates the customers (a
// customer that only gains new orders gets them added to its stored state, customers.agg; any other
// is recomputed from all its orders). The
// returns sync calls refreshCustomers; every sync ends with refreshRfm, which also settles customer
// ids (a merge keeps the biggest customer's id until then); rebuildCustomers redoes everything.
// Every step is set-based: a page costs a fixed handful of statements, whatever its size.
import { BASE_CURRENCY, customerRow, customerRowOfAgg, orderInputOf, returnInputOf, type CustomerRowValues, type OrderTuple, type ReturnTuple } from "./customer-row";
import { keyedOrder, placePage, type KeyedOrder, type Placement, type StoredIdentity } from "./grouping";
import { addOrders, emptyAgg, type CustomerAgg } from "./metrics";
import { customerClock, loadCustomerInputs, ORDER_TUPLE, RETURN_TUPLE, storedBuyer, writeRows } from "./refresh";
import { lockCustomerUpkeep, observed, type TxQuery } from "./tx";

export { CUSTOMER_UPKEEP_LOCK, inCustomerTransaction, lockCustomerUpkeep, observeCustomerStatements, type TxQuery } from "./tx";
export { buyerSubset, customerClock, refreshCustomers } from "./refresh";
export { refreshRfm } from "./rfm-sql";
export { rebuildCustomers } from "./rebuild";
export type { Placement, StoredIdentity } from "./grouping";

/** Lets an order row point at a customer inserted later in the same transaction (checked at commit). */
export const DEFER_ORDER_CUSTOMER_FK = `SET CONSTRAINTS emag_orders_customer_id_fkey DEFERRED`;

/**
 * Key owners and the size of every stored customer involved (keys' owners and orders' current
 * customers), with the canonical id and (once per customer) the aggregate state of those that may
 * only gain orders: not the current customer of a page order (that one is recomputed).
 */
const OWNERS = `
WITH o AS (
  SELECT k.key, k.customer_id FROM unnest($1::text[]) AS u(key) JOIN customer_keys k ON k.key = u.key
  UNION ALL
  SELECT NULL, u.id FROM unnest($2::text[]) AS u(id)
)
SELECT o.key, c.id AS customer_id, c.orders_total, c.canonical_id,
  CASE WHEN row_number() OVER (PARTITION BY c.id) = 1 AND c.id <> ALL($2::text[]) THEN c.agg END AS agg
FROM o JOIN customers c ON c.id = o.customer_id`;

// A merge moves the smaller customers' rows into the survivor, then deletes them.
const MOVE = `
WITH m AS (SELECT * FROM unnest($1::text[], $2::text[]) AS m(from_id, into_id)),
k AS (UPDATE customer_keys t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id),
r AS (UPDATE emag_returns t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id)
UPDATE emag_orders t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id`;
const DELETE_MERGED = `DELETE FROM customers WHERE id = ANY($1::text[])`;

interface StoredCustomer {
  agg: CustomerAgg | null;
  canonicalId: string | null;
}

/**
 * Places orders (stored identities: frozen creation time, keys seen so far, current customer, buyer)
 * against the stored keys, merging the customers they connect; `keys`: every key each order ever had.
 */
async function placeOrders(txQuery: TxQuery, orders: readonly StoredIdentity[]): Promise<Placement & { keyed: KeyedOrder[]; stored: Map<string, StoredCustomer> }> {
  const query = observed(txQuery);
  await lockCustomerUpkeep(query);
  const keyed = orders.map(keyedOrder);
  const allKeys = [...new Set(keyed.flatMap((o) => o.keys))];
  const current = [...new Set(keyed.map((o) => o.currentCustomerId).filter((id): id is string => !!id))];
  type Owner = { key: string | null; customer_id: string; orders_total: number; canonical_id: string | null; agg: CustomerAgg | null };
  const rows = allKeys.length || current.length ? await query<Owner>(OWNERS, [allKeys, current]) : [];
  const owners = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.customer_id]));
  const sizes = new Map(rows.map((r) => [r.customer_id, r.orders_total]));
  const stored = new Map<string, StoredCustomer>();
  for (const r of rows) if (r.agg || !stored.has(r.customer_id)) stored.set(r.customer_id, { agg: r.agg, canonicalId: r.canonical_id });
  const placement = placePage(keyed, owners, sizes);
  if (placement.moves.length) {
    await query(MOVE, [placement.moves.map(([from]) => from), placement.moves.map(([, into]) => into)]);
    await query(DELETE_MERGED, [placement.moves.map(([from]) => from)]);
  }
  return { ...placement, keyed, stored };
}

/** The page's orders' metric inputs and their returns (the orders a customer gains). */
const PAGE_INPUTS = `
SELECT o.id, ${ORDER_TUPLE} AS t,
  (SELECT json_agg(${RETURN_TUPLE}) FROM emag_returns r WHERE r.account = o.account AND r.emag_order_id = o.emag_order_id) AS returns
FROM unnest($1::uuid[]) AS u(id) JOIN emag_orders o ON o.id = u.id CROSS JOIN LATERAL (SELECT ${storedBuyer("o")} AS b OFFSET 0) x`;

const minId = (ids: readonly string[]) => ids.reduce((a, b) => (b < a ? b : a));

/**
 * After the orders are stored under their placement: new keys, the orders' returns, the customers'
 * rows. A customer that only gains orders (each new to it: not re-synced, not merged in) gets them
 * added to its stored state (customers.agg), which is what recomputing it from all its orders
 * gives; any other (a merge, a re-synced order, a row without state) is recomputed from its orders.
 */
async function finishPlacement(txQuery: TxQuery, placement: Placement & { keyed: KeyedOrder[]; stored: Map<string, StoredCustomer> }, orderIds: readonly string[]): Promise<{ customerIds: string[] }> {
  const query = observed(txQuery);
  const now = customerClock.now();
  const created = new Set(placement.created);
  const mergedInto = new Set(placement.moves.map(([, into]) => into));
  const byCustomer = new Map<string, KeyedOrder[]>();
  for (const o of placement.keyed) {
    const id = placement.assignments.get(o.ref)!;
    byCustomer.set(id, [...(byCustomer.get(id) ?? []), o]);
  }
  const full: string[] = [];
  const added: { id: string; agg: CustomerAgg; canonicalId: string; orders: KeyedOrder[] }[] = [];
  for (const id of new Set(placement.customers)) {
    const orders = byCustomer.get(id) ?? [];
    const stored = placement.stored.get(id);
    const onlyGains = orders.length > 0 && orders.every((o) => !o.currentCustomerId) && !mergedInto.has(id);
    const candidates = orders.map((o) => o.candidateId);
    if (onlyGains && created.has(id)) added.push({ id, agg: emptyAgg(), canonicalId: minId(candidates), orders });
    else if (onlyGains && stored?.agg && stored.canonicalId) added.push({ id, agg: stored.agg, canonicalId: minId([stored.canonicalId, ...candidates]), orders });
    else full.push(id);
  }
  const rows: CustomerRowValues[] = [];
  const gone: string[] = [];
  if (added.length) {
    const inputs = new Map(
      (await query<{ id: string; t: OrderTuple; returns: ReturnTuple[] | null }>(PAGE_INPUTS, [added.flatMap((c) => c.orders.map((o) => o.ref))]))
        .map((r) => [r.id, { order: orderInputOf(r.t), returns: (r.returns ?? []).map(returnInputOf) }]),
    );
    for (const c of added) {
      const mine = c.orders.map((o) => inputs.get(o.ref)!);
      const agg = addOrders(c.agg, mine.map((x) => x.order), mine.flatMap((x) => x.returns), BASE_CURRENCY);
      rows.push(customerRowOfAgg(c.id, agg, now, c.canonicalId));
    }
  }
  if (full.length) {
    for (const [id, { orders, returns, canonicalId }] of await loadCustomerInputs(query, full)) {
      if (orders.length === 0) gone.push(id);
      else rows.push(customerRow(id, orders, returns, now, canonicalId));
    }
  }
  await writeRows(query, rows, gone, { newKeys: placement.newKeys, linkReturnsOf: orderIds });
  return { customerIds: placement.customers };
}

const READ_ORDERS = `
SELECT o.id, o.account::text AS account, o.emag_order_id::text AS emag_order_id,
  COALESCE(o.identity_created_at, o.emag_created_at, o.first_seen_at) AS created_at, o.identity_keys, o.customer_id,
  ${storedBuyer("o")} AS buyer
FROM unnest($1::uuid[]) AS k(id) JOIN emag_orders o ON o.id = k.id`;

const STORE_PLACEMENT = `
UPDATE emag_orders o SET customer_id = u.customer_id, identity_keys = u.keys, identity_created_at = COALESCE(o.identity_created_at, u.created_at)
FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, customer_id text, keys text[], created_at timestamptz)
WHERE o.id = u.id AND (o.customer_id IS DISTINCT FROM u.customer_id OR o.identity_keys IS DISTINCT FROM u.keys OR o.identity_created_at IS NULL)`;

/** Stores orders' customer_id, keys and frozen creation time (orders written without them). */
async function storeOrderCustomers(query: TxQuery, updates: readonly { id: string; customer_id: string; keys: readonly string[]; created_at: Date }[]) {
  if (updates.length) await query(STORE_PLACEMENT, [JSON.stringify(updates.map((u) => ({ ...u, created_at: u.created_at.toISOString() })))]);
}

/**
 * For orders already written (emag_orders ids), inside their transaction: identity keys (only ever
 * added), the customer of each order (merging customers its keys connect), the orders' returns and
 * the customers' rows. `known`: the orders' identity columns, when the caller has them (the upsert
 * returns them). Returns the customers it recomputed.
 *
 * It waits for the customer lock while holding the row locks of the orders the caller wrote, and a
 * merge (or the id settling of refreshRfm) rewrites other customers' orders under that lock: when one
 * of those is such a row, PostgreSQL finds the deadlock after a second and aborts the waiting page,
 * which upsertOrders runs again.
 */
export async function upkeepCustomersForOrders(txQuery: TxQuery, orderIds: string[], known?: readonly StoredIdentity[]): Promise<{ customerIds: string[] }> {
  if (!orderIds.length) return { customerIds: [] };
  const query = observed(txQuery);
  await lockCustomerUpkeep(query);
  await query(DEFER_ORDER_CUSTOMER_FK);
  // The order upsert returns these columns, so its page need not read them again.
  const orders = known ?? (await query<StoredIdentity>(READ_ORDERS, [orderIds]));
  const placement = await placeOrders(query, orders);
  const keys = new Map(placement.keyed.map((o) => [o.ref, [...o.keys]]));
  await storeOrderCustomers(query, orders.map((o) => ({ id: o.id, customer_id: placement.assignments.get(o.id)!, keys: keys.get(o.id)!, created_at: o.created_at })));
  return finishPlacement(query, placement, orderIds);
}
