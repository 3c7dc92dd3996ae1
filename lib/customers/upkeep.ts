// Customer rows kept by the database (README "What a database store must do"). An order page calls
// upkeepCustomersForOrders in its transaction, after writing its orders: under the customer lock it
// places each order (merging customers its keys connect into the biggest one), stores each order's
// customer and keys, adds the new keys, links the orders' returns and recomputes the customers. The
// returns sync calls refreshCustomers; every sync ends with refreshRfm, which also settles customer
// ids (a merge keeps the biggest customer's id until then); rebuildCustomers redoes everything.
// Every step is set-based: a page costs a fixed handful of statements, whatever its size.
import { keyedOrder, placePage, type Placement, type StoredIdentity } from "./grouping";
import { refreshCustomersWith, storedBuyer } from "./refresh";
import { lockCustomerUpkeep, observed, type TxQuery } from "./tx";

export { CUSTOMER_UPKEEP_LOCK, inCustomerTransaction, lockCustomerUpkeep, observeCustomerStatements, type TxQuery } from "./tx";
export { buyerSubset, customerClock, refreshCustomers } from "./refresh";
export { refreshRfm } from "./rfm-sql";
export { rebuildCustomers } from "./rebuild";
export type { Placement, StoredIdentity } from "./grouping";

/** Lets an order row point at a customer inserted later in the same transaction (checked at commit). */
export const DEFER_ORDER_CUSTOMER_FK = `SET CONSTRAINTS emag_orders_customer_id_fkey DEFERRED`;

/** Key owners and the size of every stored customer involved (keys' owners and orders' current customers). */
const OWNERS = `
SELECT k.key, k.customer_id, c.orders_total FROM unnest($1::text[]) AS u(key)
  JOIN customer_keys k ON k.key = u.key JOIN customers c ON c.id = k.customer_id
UNION ALL
SELECT NULL, c.id, c.orders_total FROM unnest($2::text[]) AS u(id) JOIN customers c ON c.id = u.id`;

// A merge moves the smaller customers' rows into the survivor, then deletes them.
const MOVE = `
WITH m AS (SELECT * FROM unnest($1::text[], $2::text[]) AS m(from_id, into_id)),
k AS (UPDATE customer_keys t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id),
r AS (UPDATE emag_returns t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id)
UPDATE emag_orders t SET customer_id = m.into_id FROM m WHERE t.customer_id = m.from_id`;
const DELETE_MERGED = `DELETE FROM customers WHERE id = ANY($1::text[])`;

/**
 * Places orders (stored identities: frozen creation time, keys seen so far, current customer, buyer)
 * against the stored keys, merging the customers they connect; `keys`: every key each order ever had.
 */
async function placeOrders(txQuery: TxQuery, orders: readonly StoredIdentity[]): Promise<Placement & { keys: Map<string, string[]> }> {
  const query = observed(txQuery);
  await lockCustomerUpkeep(query);
  const keyed = orders.map(keyedOrder);
  const allKeys = [...new Set(keyed.flatMap((o) => o.keys))];
  const current = [...new Set(keyed.map((o) => o.currentCustomerId).filter((id): id is string => !!id))];
  const rows = allKeys.length || current.length ? await query<{ key: string | null; customer_id: string; orders_total: number }>(OWNERS, [allKeys, current]) : [];
  const owners = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.customer_id]));
  const sizes = new Map(rows.map((r) => [r.customer_id, r.orders_total]));
  const placement = placePage(keyed, owners, sizes);
  if (placement.moves.length) {
    await query(MOVE, [placement.moves.map(([from]) => from), placement.moves.map(([, into]) => into)]);
    await query(DELETE_MERGED, [placement.moves.map(([from]) => from)]);
  }
  return { ...placement, keys: new Map(keyed.map((o) => [o.ref, [...o.keys]])) };
}

/** After the orders are stored under their placement: new keys, the orders' returns, the customers' rows. */
async function finishPlacement(txQuery: TxQuery, placement: Placement, orderIds: readonly string[]): Promise<{ customerIds: string[] }> {
  await refreshCustomersWith(observed(txQuery), placement.customers, { newKeys: placement.newKeys, linkReturnsOf: orderIds });
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
  await storeOrderCustomers(query, orders.map((o) => ({ id: o.id, customer_id: placement.assignments.get(o.id)!, keys: placement.keys.get(o.id)!, created_at: o.created_at })));
  return finishPlacement(query, placement, orderIds);
}
