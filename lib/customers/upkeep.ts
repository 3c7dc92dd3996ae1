// Customer rows kept by the database (README "What a database store must do"). An order page calls
// upkeepCustomersForOrders in its transaction, after writing its orders: under the customer lock it
// places each order (merging customers its keys connect into the biggest one), stores each order's
// customer, keys and metric inputs (customer_input), adds the new keys, links the orders' returns
// and updates the customers (new orders are added to a customer's stored state, customers.agg, and
// re-synced ones replaced in it; a merge, or a change the state alone cannot settle, recomputes the
// customer from all its orders). The
// returns sync calls refreshCustomers; every sync ends with refreshRfm, which also settles customer
// ids (a merge keeps the biggest customer's id until then); rebuildCustomers redoes everything.
// Every step is set-based: a page costs a fixed handful of statements, whatever its size.
import { BASE_CURRENCY, customerRow, customerRowOfAgg, orderInputOf, returnInputOf, type CustomerRowValues, type OrderTuple, type ReturnTuple } from "./customer-row";
import { keyedOrder, placePage, type KeyedOrder, type Placement, type StoredIdentity } from "./grouping";
import { addOrders, emptyAgg, type CustomerAgg } from "./metrics";
import { replaceOrder } from "./replace";
import { customerClock, loadCustomerInputs, ORDER_TUPLE, ORDERS_WITH_BUYER, RETURN_TUPLE, storedBuyer, writeRows } from "./refresh";
import { CUSTOMER_UPKEEP_LOCK, observed, type TxQuery } from "./tx";

export { CUSTOMER_UPKEEP_LOCK, inCustomerTransaction, lockCustomerUpkeep, observeCustomerStatements, type TxQuery } from "./tx";
export { buyerSubset, customerClock, refreshCustomers } from "./refresh";
export { refreshRfm } from "./rfm-sql";
export { rebuildCustomers } from "./rebuild";
export type { Placement, StoredIdentity } from "./grouping";

/**
 * The customer lock (tx.ts lockCustomerUpkeep), and no parallel plans for the rest of the page
 * transaction: its statements read a few hundred rows by index, and a parallel plan (which a
 * generic plan's estimates can pick) spent more starting its workers (~6 ms) than the work.
 */
const LOCK_PAGE = `SELECT pg_advisory_xact_lock($1::bigint), set_config('max_parallel_workers_per_gather', '0', true)`;

/** Lets an order row point at a customer inserted later in the same transaction (checked at commit). */
export const DEFER_ORDER_CUSTOMER_FK = `SET CONSTRAINTS emag_orders_customer_id_fkey DEFERRED`;

/**
 * Key owners (rows with a key), then every stored customer involved (keys' owners and orders'
 * current customers) once, with its size, canonical id and aggregate state.
 */
const OWNERS = `
WITH o AS (
  SELECT k.key, k.customer_id FROM unnest($1::text[]) AS u(key) JOIN customer_keys k ON k.key = u.key
  UNION ALL
  SELECT NULL, u.id FROM unnest($2::text[]) AS u(id)
)
SELECT o.key, o.customer_id, NULL::int AS orders_total, NULL::text AS canonical_id, NULL::jsonb AS agg FROM o WHERE o.key IS NOT NULL
UNION ALL
SELECT NULL, c.id, c.orders_total, c.canonical_id, c.agg FROM customers c WHERE c.id IN (SELECT customer_id FROM o)`;

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
  const keyed = orders.map(keyedOrder);
  const allKeys = [...new Set(keyed.flatMap((o) => o.keys))];
  const current = [...new Set(keyed.map((o) => o.currentCustomerId).filter((id): id is string => !!id))];
  type Owner = { key: string | null; customer_id: string; orders_total: number; canonical_id: string | null; agg: CustomerAgg | null };
  const rows = allKeys.length || current.length ? await query<Owner>(OWNERS, [allKeys, current]) : [];
  const owners = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.customer_id]));
  const customers = rows.filter((r) => r.key === null);
  const sizes = new Map(customers.map((r) => [r.customer_id, r.orders_total]));
  const stored = new Map<string, StoredCustomer>(customers.map((r) => [r.customer_id, { agg: r.agg, canonicalId: r.canonical_id }]));
  const placement = placePage(keyed, owners, sizes);
  if (placement.moves.length) {
    await query(MOVE, [placement.moves.map(([from]) => from), placement.moves.map(([, into]) => into)]);
    await query(DELETE_MERGED, [placement.moves.map(([from]) => from)]);
  }
  return { ...placement, keyed, stored };
}

const minId = (ids: readonly string[]) => ids.reduce((a, b) => (b < a ? b : a));
const sameTuple = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A page order's inputs before and after this page (before: null for an order new to its customer). */
interface PageInput {
  old: OrderTuple | null;
  next: OrderTuple;
  returns: ReturnTuple[];
}

/**
 * After the orders are stored under their placement: new keys, the orders' returns, the customers'
 * rows. A customer whose page orders are new to it or re-synced under it (nothing merged in, a
 * stored state, every re-synced order's previous inputs known) gets the new orders added to its
 * stored state (customers.agg) and each re-synced order's old inputs replaced by its new ones
 * (replace.ts replaceOrder), which is what recomputing it from all its orders gives; any other (a
 * merge, a moved order, a row without state, a change replaceOrder cannot apply) is recomputed
 * from all its orders.
 */
async function finishPlacement(txQuery: TxQuery, placement: Placement & { keyed: KeyedOrder[]; stored: Map<string, StoredCustomer> }, orderIds: readonly string[], inputs: ReadonlyMap<string, PageInput>): Promise<{ customerIds: string[] }> {
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
  const rows: CustomerRowValues[] = [];
  for (const id of new Set(placement.customers)) {
    const orders = byCustomer.get(id) ?? [];
    const stored = placement.stored.get(id);
    const start = created.has(id) ? emptyAgg() : stored?.agg;
    const canonical = created.has(id) ? undefined : stored?.canonicalId;
    // In place: re-synced under this customer with its previous inputs known (else recomputed).
    const inPlace = (o: KeyedOrder) => o.currentCustomerId === id && inputs.get(o.ref)?.old !== null;
    const delta = orders.length > 0 && !mergedInto.has(id) && !!start && (created.has(id) || !!canonical) && orders.every((o) => !o.currentCustomerId || inPlace(o));
    const agg = delta ? applyPage(start!, orders, inputs) : null;
    if (agg) rows.push(customerRowOfAgg(id, agg, now, minId([...(canonical ? [canonical] : []), ...orders.map((o) => o.candidateId)])));
    else full.push(id);
  }
  const gone: string[] = [];
  if (full.length) {
    for (const [id, { orders, returns, canonicalId }] of await loadCustomerInputs(query, full)) {
      if (orders.length === 0) gone.push(id);
      else rows.push(customerRow(id, orders, returns, now, canonicalId));
    }
  }
  await writeRows(query, rows, gone, { newKeys: placement.newKeys, linkReturnsOf: orderIds });
  return { customerIds: placement.customers };
}

/** A customer's stored state with the page's orders applied (new ones added, re-synced ones replaced), or null. */
function applyPage(start: CustomerAgg, orders: readonly KeyedOrder[], inputs: ReadonlyMap<string, PageInput>): CustomerAgg | null {
  let agg: CustomerAgg | null = structuredClone(start);
  const added = [];
  const addedReturns = [];
  for (const o of orders) {
    const input = inputs.get(o.ref);
    // Not rewritten by this page: its inputs are what the state holds already.
    if (!input) continue;
    if (input.old === null) {
      added.push(orderInputOf(input.next));
      addedReturns.push(...input.returns.map(returnInputOf));
    } else if (!sameTuple(input.old, input.next)) {
      agg = replaceOrder(agg, orderInputOf(input.old), orderInputOf(input.next), input.returns.map(returnInputOf), BASE_CURRENCY);
      if (!agg) return null;
    }
  }
  return added.length ? addOrders(agg, added, addedReturns, BASE_CURRENCY) : agg;
}

const READ_ORDERS = `
SELECT o.id, o.account::text AS account, o.emag_order_id::text AS emag_order_id,
  COALESCE(o.identity_created_at, o.emag_created_at, o.first_seen_at) AS created_at, o.identity_keys, o.customer_id,
  ${storedBuyer("o")} AS buyer, o.customer_input
FROM unnest($1::uuid[]) AS k(id) JOIN emag_orders o ON o.id = k.id`;

/**
 * Stores the page orders' customer_id, keys, frozen creation time and metric inputs
 * (customer_input, ORDER_TUPLE) where they changed, and returns the changed ones' new inputs with
 * their returns (an order it does not return kept its inputs).
 */
const STORE_PLACEMENT = `
UPDATE emag_orders o SET customer_id = u.customer_id, identity_keys = u.keys, identity_created_at = COALESCE(o.identity_created_at, u.created_at),
  customer_input = n.t
FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, customer_id text, keys text[], created_at timestamptz)
  JOIN (SELECT o.id, ${ORDER_TUPLE} AS t FROM unnest($2::uuid[]) AS k(id) JOIN ${ORDERS_WITH_BUYER} ON o.id = k.id) n ON n.id = u.id
WHERE o.id = u.id AND (o.customer_id IS DISTINCT FROM u.customer_id OR o.identity_keys IS DISTINCT FROM u.keys OR o.identity_created_at IS NULL
  OR o.customer_input IS DISTINCT FROM n.t)
RETURNING o.id, n.t,
  (SELECT json_agg(${RETURN_TUPLE}) FROM emag_returns r WHERE r.account = o.account AND r.emag_order_id = o.emag_order_id) AS returns`;

/** Stores the orders' placement and inputs; the inputs of those whose inputs changed (or that are new to their customer). */
async function storeOrderCustomers(query: TxQuery, orders: readonly StoredIdentity[], updates: readonly { id: string; customer_id: string; keys: readonly string[]; created_at: Date }[]): Promise<Map<string, PageInput>> {
  if (!updates.length) return new Map();
  const rows = await query<{ id: string; t: OrderTuple; returns: ReturnTuple[] | null }>(STORE_PLACEMENT, [
    JSON.stringify(updates.map((u) => ({ ...u, created_at: u.created_at.toISOString() }))),
    updates.map((u) => u.id),
  ]);
  const before = new Map(orders.map((o) => [o.id, o]));
  return new Map(rows.map((r) => {
    const o = before.get(r.id);
    // New to its customer (no customer yet) or inputs never stored: nothing to replace.
    const old = o?.customer_id && o.customer_input ? (o.customer_input as OrderTuple) : null;
    return [r.id, { old, next: r.t, returns: r.returns ?? [] }];
  }));
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
  await query(LOCK_PAGE, [CUSTOMER_UPKEEP_LOCK]);
  await query(DEFER_ORDER_CUSTOMER_FK);
  // The order upsert returns these columns, so its page need not read them again.
  const orders = known ?? (await query<StoredIdentity>(READ_ORDERS, [orderIds]));
  const placement = await placeOrders(query, orders);
  const keys = new Map(placement.keyed.map((o) => [o.ref, [...o.keys]]));
  const inputs = await storeOrderCustomers(query, orders, orders.map((o) => ({ id: o.id, customer_id: placement.assignments.get(o.id)!, keys: keys.get(o.id)!, created_at: o.created_at })));
  return finishPlacement(query, placement, orderIds, inputs);
}
