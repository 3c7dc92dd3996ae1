// Customer rows kept by the database (README "What a database store must do"). An order page
// (lib/orders/store.ts) holds the customer lock from its first statement: planPageCustomers places
// each order before the upsert (merging customers its keys connect into the biggest one), the upsert
// writes each order with its customer, keys and metric inputs (customer_input) in the same row
// write, and finishPageCustomers adds the new keys, links the orders' returns and updates the
// customers (new orders are added to a customer's stored state, customers.agg, and re-synced ones
// replaced in it; a merge, or a change the state alone cannot settle, recomputes the customer from
// all its orders). The returns sync calls refreshCustomers; every sync ends with refreshRfm, which also settles customer
// ids (a merge keeps the biggest customer's id until then); rebuildCustomers redoes everything.
// Every step is set-based: a page costs a fixed handful of statements, whatever its size.
import { randomUUID } from "node:crypto";
import { BASE_CURRENCY, customerRow, customerRowOfAgg, orderInputOf, returnInputOf, type CustomerRowValues, type OrderTuple, type ReturnTuple } from "./customer-row";
import { keyedOrder, placePage, type KeyedOrder, type Placement, type StoredIdentity } from "./grouping";
import { buyerFromEmagCustomer, identityKeys } from "./keys";
import { addOrders, emptyAgg, type CustomerAgg } from "./metrics";
import { replaceOrder } from "./replace";
import { customerClock, loadCustomerInputs, writeRows } from "./refresh";
import type { AccountKind } from "./types";
import { BUMP_UPKEEP_VERSION, CUSTOMER_UPKEEP_LOCK, MARK_UPKEEP, observed, type TxQuery } from "./tx";

export { CUSTOMER_UPKEEP_LOCK, inCustomerTransaction, lockCustomerUpkeep, observeCustomerStatements, type TxQuery } from "./tx";
export { buyerSubset, customerClock, orderTupleSql, refreshCustomers, RETURN_TUPLE } from "./refresh";
export { refreshRfm } from "./rfm-sql";
export { rebuildCustomers } from "./rebuild";
export type { Placement, StoredIdentity } from "./grouping";

/** Lets an order row point at a customer inserted later in the same transaction (checked at commit). */
export const DEFER_ORDER_CUSTOMER_FK = `SET CONSTRAINTS emag_orders_customer_id_fkey DEFERRED`;

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

/**
 * A customer's stored state with the page's orders applied (new ones added, re-synced ones
 * replaced), or null. `start` is this page's own copy (parsed from the plan's read, or new): it may
 * be changed in place (addOrders adds to it); after a null it is not used again.
 */
function applyPage(start: CustomerAgg, orders: readonly KeyedOrder[], inputs: ReadonlyMap<string, PageInput>): CustomerAgg | null {
  let agg: CustomerAgg | null = start;
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

/** An order of a page about to be written (lib/orders/store.ts), as the upkeep needs it before the write. */
export interface IncomingOrder {
  account: AccountKind;
  emag_order_id: string;
  /** eMAG's `created` text (Europe/Bucharest), as the upsert reads it. */
  emag_created: string | null;
  content_hash: string;
  /** eMAG's order customer (raw.customer): its BUYER_FIELDS give the keys. */
  customer: unknown;
}

/** What the upsert writes into each order it (re)writes: its id (new orders get one here), customer, every key ever seen, frozen creation time. */
export interface OrderCustomerColumns {
  account: AccountKind;
  emag_order_id: string;
  id: string;
  customer_id: string;
  keys: string[];
  identity_at: string;
}

/** A page placed before its write: the upsert's customer columns, and what finishPageCustomers needs after it. */
export interface PageCustomers {
  columns: OrderCustomerColumns[];
  /** The keys and customers the placement read, and what it read of them (settlePageCustomers compares). */
  keys: string[];
  ids: string[];
  stateText: string;
  /** customer_upkeep_version when the plan read them (null: no row). */
  version: string | null;
  /** The status each order to write has stored (null: a new order), read with the plan under the lock. */
  storedStatus: Map<string, number | null>;
  placement: Placement & { keyed: KeyedOrder[]; stored: Map<string, StoredCustomer> };
  identities: StoredIdentity[];
}

/** What the upsert returns of each order it wrote: its new customer_input and its returns. */
export interface WrittenCustomerInput {
  id: string;
  customer_input: OrderTuple;
  returns: ReturnTuple[] | null;
}

/** The upsert did not write the orders the page was placed for (a writer without the customer lock raced it); the page runs again. */
export class PagePlanStaleError extends Error {
  readonly code = "MAGFLOW_PAGE_PLAN_STALE";
}

/** eMAG's local time text (`created`, `finalization_date`) as timestamptz, or NULL when it is not one; the order upsert reads it the same way. */
export const emagTime = (col: string) => `(CASE WHEN ${col} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (${col})::timestamp AT TIME ZONE 'Europe/Bucharest' END)`;

/**
 * Before a page's upsert, in one statement: the stored identity of each incoming order (id, content
 * hash, keys, customer, inputs, and the creation time it has or will be frozen at: the upsert
 * writes exactly this value), locked (FOR UPDATE: a page repeating another's order waits for it and
 * reads what it wrote); and, as of now, the owners of every key involved (the incoming ones, $4, and
 * those stored) and the stored customers involved with size, canonical id and state, as
 * OWNERS_AND_CUSTOMERS gives them (the same text), with the upkeep version of the same snapshot.
 */
const PREPARE_PAGE = `
WITH i AS (SELECT * FROM unnest($1::"AccountKind"[], $2::bigint[], $3::text[]) AS i(account, emag_order_id, emag_created)),
l AS MATERIALIZED (
  SELECT o.account, o.emag_order_id, o.id, o.content_hash, o.identity_keys, o.customer_id, o.customer_input, o.status,
    o.identity_created_at, o.first_seen_at
  FROM i JOIN emag_orders o ON o.account = i.account AND o.emag_order_id = i.emag_order_id FOR UPDATE OF o
),
s AS MATERIALIZED (
  SELECT i.account, i.emag_order_id, l.id, l.content_hash, l.identity_keys, l.customer_id, l.customer_input, l.status,
    COALESCE(l.identity_created_at, ${emagTime("i.emag_created")}::timestamptz(3), l.first_seen_at, now()::timestamptz(3)) AS identity_at
  FROM i LEFT JOIN l ON l.account = i.account AND l.emag_order_id = i.emag_order_id
),
k AS MATERIALIZED (SELECT DISTINCT u.key FROM (SELECT unnest($4::text[]) AS key UNION ALL SELECT unnest(s.identity_keys) FROM s) u),
owners AS MATERIALIZED (SELECT c.key, c.customer_id FROM k JOIN customer_keys c ON c.key = k.key),
ids AS MATERIALIZED (SELECT DISTINCT x.id FROM (SELECT customer_id AS id FROM owners UNION ALL SELECT customer_id FROM s WHERE customer_id IS NOT NULL) x)
SELECT
  (SELECT json_agg(json_build_array(s.account, s.emag_order_id::text, s.id, s.content_hash, s.identity_keys, s.customer_id, s.customer_input, s.identity_at, s.status)) FROM s) AS orders,
  (SELECT array_agg(k.key) FROM k) AS keys,
  (SELECT array_agg(ids.id) FROM ids) AS ids,
  (SELECT json_agg(json_build_array(owners.key, owners.customer_id) ORDER BY owners.key) FROM owners)::text AS owners,
  (SELECT json_agg(json_build_array(c.id, c.orders_total, c.canonical_id, c.agg) ORDER BY c.id) FROM ids JOIN customers c ON c.id = ids.id)::text AS customers,
  (SELECT v::text FROM customer_upkeep_version WHERE id = 1) AS version`;

/**
 * The owners of keys $1 and the customers $2 (size, canonical id, state), each as one JSON value in
 * a fixed order: read when the page is placed, and again under the customer lock to see whether
 * another page changed them meanwhile (equal text: the placement stands).
 */
const OWNERS_AND_CUSTOMERS = `
SELECT
  (SELECT json_agg(json_build_array(c.key, c.customer_id) ORDER BY c.key) FROM unnest($1::text[]) AS u(key) JOIN customer_keys c ON c.key = u.key) AS owners,
  (SELECT json_agg(json_build_array(c.id, c.orders_total, c.canonical_id, c.agg) ORDER BY c.id) FROM unnest($2::text[]) AS u(id) JOIN customers c ON c.id = u.id) AS customers`;

/** Owners and customers as read (JSON text: compared as such) and parsed. */
interface StoredState {
  text: string;
  owners: Map<string, string>;
  sizes: Map<string, number>;
  stored: Map<string, StoredCustomer>;
}

async function readState(query: TxQuery, keys: readonly string[], ids: readonly string[]): Promise<StoredState> {
  const [row] = await query<{ owners: string | null; customers: string | null }>(`SELECT owners::text, customers::text FROM (${OWNERS_AND_CUSTOMERS}) x`, [keys, ids]);
  return stateOf(row?.owners ?? null, row?.customers ?? null);
}

function stateOf(ownersText: string | null, customersText: string | null): StoredState {
  const owners = JSON.parse(ownersText ?? "[]") as [string, string][];
  const customers = JSON.parse(customersText ?? "[]") as [string, number, string | null, CustomerAgg | null][];
  return {
    text: `${ownersText ?? ""}\n${customersText ?? ""}`,
    owners: new Map(owners),
    sizes: new Map(customers.map(([id, n]) => [id, n])),
    stored: new Map(customers.map(([id, , canonicalId, agg]) => [id, { agg, canonicalId }])),
  };
}

type PreparedOrder = [account: AccountKind, emagOrderId: string, id: string | null, contentHash: string | null, keys: string[] | null, customerId: string | null, input: OrderTuple | null, identityAt: string, status: number | null];

/**
 * Places a page before it is written, inside its transaction (after PAGE_BEGIN), without the
 * customer lock: the page's own orders are locked (PREPARE_PAGE), the key owners and customers are
 * read as they are now. Orders whose content hash is unchanged are left out (the upsert skips them).
 * The upsert then writes each order with its customer columns and customer_input (one row write),
 * and settlePageCustomers checks the placement under the lock.
 */
export async function planPageCustomers(txQuery: TxQuery, incoming: readonly IncomingOrder[]): Promise<PageCustomers> {
  const query = observed(txQuery);
  const buyers = incoming.map((o) => (o.customer && typeof o.customer === "object" ? (o.customer as Record<string, unknown>) : null));
  const newKeys = [...new Set(buyers.flatMap((b) => identityKeys(buyerFromEmagCustomer(b as Parameters<typeof buyerFromEmagCustomer>[0]))))];
  const [row] = await query<{ orders: PreparedOrder[]; keys: string[] | null; ids: string[] | null; owners: string | null; customers: string | null; version: string | null }>(PREPARE_PAGE, [
    incoming.map((o) => o.account), incoming.map((o) => o.emag_order_id), incoming.map((o) => o.emag_created), newKeys,
  ]);
  const prepared = new Map((row?.orders ?? []).map((p) => [`${p[0]}:${p[1]}`, p]));
  const identities: StoredIdentity[] = [];
  const identityAt = new Map<string, string>();
  const storedStatus = new Map<string, number | null>();
  incoming.forEach((o, i) => {
    const p = prepared.get(`${o.account}:${o.emag_order_id}`);
    if (!p || (p[3] !== null && p[3] === o.content_hash)) return;
    const id = p[2] ?? randomUUID();
    identityAt.set(id, p[7]);
    storedStatus.set(id, p[8]);
    identities.push({ id, account: o.account, emag_order_id: o.emag_order_id, created_at: new Date(p[7]), identity_keys: p[4], customer_id: p[5], buyer: buyers[i]!, customer_input: p[6] });
  });
  const keyed = identities.map(keyedOrder);
  const keys = row?.keys ?? [];
  const ids = row?.ids ?? [];
  const state = stateOf(row?.owners ?? null, row?.customers ?? null);
  const placement = placePage(keyed, state.owners, state.sizes);
  const columns = identities.map((o, i) => ({
    account: o.account, emag_order_id: o.emag_order_id, id: o.id, customer_id: placement.assignments.get(o.id)!, keys: [...keyed[i]!.keys], identity_at: identityAt.get(o.id)!,
  }));
  return { columns, storedStatus, placement: { ...placement, keyed, stored: state.stored }, identities, keys, ids, stateText: state.text, version: row?.version ?? null };
}

/** Sets the customer of orders the upsert wrote under another placement (a page placed against a state that changed meanwhile). */
const REASSIGN = `UPDATE emag_orders o SET customer_id = u.customer_id FROM unnest($1::uuid[], $2::text[]) AS u(id, customer_id) WHERE o.id = u.id`;

/**
 * After the upsert wrote the planned orders (`written`: what it returned of each), under the
 * customer lock (taken here, held to the commit): the upkeep version bumped; unless it shows that
 * nothing changed customers since the plan, the key owners and customers are read again, and if
 * another page changed them, the page is placed again on what they are now and the
 * orders whose customer changed are moved (a second write of those rows only). Then the merges,
 * new keys, the orders' returns and the customers' rows (finishPlacement). Throws
 * PagePlanStaleError when the upsert wrote other orders than planned.
 */
export async function settlePageCustomers(txQuery: TxQuery, plan: PageCustomers, written: readonly WrittenCustomerInput[]): Promise<{ customerIds: string[] }> {
  if (!plan.identities.length && !written.length) return { customerIds: [] };
  const query = observed(txQuery);
  const before = new Map(plan.identities.map((o) => [o.id, o]));
  if (written.length !== before.size || written.some((w) => !before.has(w.id))) throw new PagePlanStaleError("the order upsert wrote other orders than the page was placed for");
  await query(LOCK, [CUSTOMER_UPKEEP_LOCK]);
  const [bumped] = await query<{ v: string }>(BUMP_UPKEEP_VERSION);
  let placement = plan.placement;
  // The version the plan read, plus this bump: nothing changed customers or keys since the plan.
  const unchanged = plan.version !== null && bumped !== undefined && BigInt(bumped.v) === BigInt(plan.version) + 1n;
  const now = unchanged ? null : await readState(query, plan.keys, plan.ids);
  if (now && now.text !== plan.stateText) {
    // New customers other pages created meanwhile are found through the keys.
    const ids = [...new Set([...plan.ids, ...now.owners.values()])].sort();
    const state = ids.length === plan.ids.length ? now : await readState(query, plan.keys, ids);
    const again = placePage(plan.placement.keyed, state.owners, state.sizes);
    const moved = [...again.assignments].filter(([id, c]) => plan.placement.assignments.get(id) !== c);
    if (moved.length) await query(REASSIGN, [moved.map(([id]) => id), moved.map(([, c]) => c)]);
    placement = { ...again, keyed: plan.placement.keyed, stored: state.stored };
  }
  if (placement.moves.length) {
    await query(MOVE, [placement.moves.map(([from]) => from), placement.moves.map(([, into]) => into)]);
    await query(DELETE_MERGED, [placement.moves.map(([from]) => from)]);
  }
  const inputs = new Map<string, PageInput>(written.map((w) => {
    const o = before.get(w.id)!;
    // New to its customer (no customer yet) or inputs never stored: nothing to replace.
    const old = o.customer_id && o.customer_input ? (o.customer_input as OrderTuple) : null;
    return [w.id, { old, next: w.customer_input, returns: w.returns ?? [] }];
  }));
  return finishPlacement(query, placement, written.map((w) => w.id), inputs);
}

const LOCK = `SELECT pg_advisory_xact_lock($1::bigint)`;

/**
 * Starts an order page's transaction in one round trip: BEGIN, the upkeep mark (its customer_input
 * writes stand, MARK_UPKEEP), no parallel plans (its statements read a few hundred rows by index,
 * and a parallel plan, which a generic plan's estimates can pick, spent more starting its workers,
 * ~6 ms, than the work), and the orders' customer foreign key deferred to the commit. The customer
 * lock comes later (settlePageCustomers), so pages upsert their orders and lines side by side.
 */
export const PAGE_BEGIN = `BEGIN; SELECT ${MARK_UPKEEP}, set_config('max_parallel_workers_per_gather', '0', true); ${DEFER_ORDER_CUSTOMER_FK}`;
