// The identity rule (identity.ts) over stored key sets, for the database: an order carries every key
// it ever had (emag_orders.identity_keys), not only its buyer's current ones. Groups are connected
// components of orders, keys and stored customers (union-find), and a group's id is the smallest
// id in it, so `planPage` (one page against the stored keys) and `groupByKeys` (a rebuild) reach
// what `resolveOrder` / `groupOrders` reach order by order. `placePage` is what the order sync
// applies: it merges into the biggest stored customer and leaves the id to settle at the sync's end.
import { buyerFromEmagCustomer, customerIdFor, identityKeys } from "./keys";
import type { AccountKind } from "./types";

export interface KeyedOrder {
  /** `orderRefKey` or any unique id of the order. */
  ref: string;
  /** `customerIdFor(order)`: the id of the customer it would found. */
  candidateId: string;
  keys: readonly string[];
  /** The customer it is stored under already (a re-synced order). */
  currentCustomerId?: string | null;
}

export interface PlannedGroup {
  id: string;
  /** Stored customers in the group (sorted); every one but `id` is merged into it. */
  existing: string[];
  /** `id` is not stored yet: a new customer, or a group renamed to an older order's id. */
  created: boolean;
}

export interface PagePlan {
  /** Order ref -> customer id. */
  assignments: Map<string, string>;
  groups: PlannedGroup[];
  /** Keys not stored yet, with the customer they go to. */
  newKeys: [key: string, customerId: string][];
}

/** The identity columns of a stored order (buyer: raw->'customer', or the BUYER_FIELDS of it). */
export interface StoredIdentity {
  id: string;
  account: AccountKind;
  emag_order_id: string;
  /** The frozen creation time (identity_created_at). */
  created_at: Date;
  identity_keys: string[] | null;
  customer_id?: string | null;
  buyer: Record<string, unknown> | null;
  /** emag_orders.customer_input: the inputs its customer's agg holds for it (null: unknown, recompute). */
  customer_input?: unknown[] | null;
}

/** An order's place in the identity graph: every key it ever had (stored + its buyer's current ones, sorted). */
export function keyedOrder(r: StoredIdentity): KeyedOrder {
  const buyer = buyerFromEmagCustomer(r.buyer as Parameters<typeof buyerFromEmagCustomer>[0]);
  return {
    ref: r.id,
    candidateId: customerIdFor({ account: r.account, emagOrderId: r.emag_order_id, createdAt: r.created_at, buyer }),
    keys: [...new Set([...(r.identity_keys ?? []), ...identityKeys(buyer)])].sort(),
    currentCustomerId: r.customer_id ?? null,
  };
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    if (!this.parent.has(x)) this.parent.set(x, x);
    // Path compression.
    for (let cur = x; cur !== root; ) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

const min = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);

/** Places a page of orders against the stored key owners (key -> customer id). */
export function planPage(orders: readonly KeyedOrder[], owners: ReadonlyMap<string, string>): PagePlan {
  const uf = new UnionFind();
  for (const o of orders) {
    const node = `o:${o.ref}`;
    uf.find(node);
    for (const key of o.keys) {
      uf.union(node, `k:${key}`);
      const owner = owners.get(key);
      if (owner !== undefined) uf.union(node, `c:${owner}`);
    }
    if (o.currentCustomerId) uf.union(node, `c:${o.currentCustomerId}`);
  }
  const groups = new Map<string, { id?: string; existing: Set<string> }>();
  const groupOf = (node: string) => {
    const root = uf.find(node);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { existing: new Set() }));
    return g;
  };
  for (const o of orders) {
    const g = groupOf(`o:${o.ref}`);
    g.id = min(g.id, o.candidateId);
    const found = [...o.keys.map((k) => owners.get(k)), o.currentCustomerId];
    for (const c of found) {
      if (!c) continue;
      g.existing.add(c);
      g.id = min(g.id, c);
    }
  }
  const assignments = new Map(orders.map((o) => [o.ref, groupOf(`o:${o.ref}`).id!]));
  const newKeys = new Map<string, string>();
  for (const o of orders) for (const key of o.keys) if (!owners.has(key)) newKeys.set(key, assignments.get(o.ref)!);
  return {
    assignments,
    groups: [...groups.values()].map((g) => ({ id: g.id!, existing: [...g.existing].sort(), created: !g.existing.has(g.id!) })),
    newKeys: [...newKeys],
  };
}

/**
 * A rebuild: every order from scratch; order ref -> customer id. The same components as planPage
 * with no stored keys, over order indexes (a rebuild groups every order at once).
 */
export function groupByKeys(orders: readonly KeyedOrder[]): Map<string, string> {
  const parent = Int32Array.from(orders, (_, i) => i);
  const find = (i: number) => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWith = new Map<string, number>();
  orders.forEach((o, i) => {
    for (const key of o.keys) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else {
        const [a, b] = [find(i), find(j)];
        if (a !== b) parent[a] = b;
      }
    }
  });
  const idOf = new Map<number, string>();
  orders.forEach((o, i) => {
    const root = find(i);
    idOf.set(root, min(idOf.get(root), o.candidateId));
  });
  return new Map(orders.map((o, i) => [o.ref, idOf.get(find(i))!]));
}

export interface Placement {
  /** Order ref -> the customer it goes to now. */
  assignments: Map<string, string>;
  /** Stored customers merged away: [from, into]. */
  moves: [from: string, into: string][];
  /** Keys not stored yet, with their customer. */
  newKeys: [key: string, customerId: string][];
  /** Customers of the page (to recompute); new ones are not stored yet. */
  customers: string[];
  created: string[];
}

/**
 * What one page does in the database. A group without stored customers is a new customer with its
 * oldest order's id. A group with some is kept under the one with most orders (ties: smallest id)
 * and the others are moved into it, so an order costs a write of its own rows, not of the whole
 * customer's; its id settles to its oldest order's (canonical_id) when the sync ends.
 */
export function placePage(orders: readonly KeyedOrder[], owners: ReadonlyMap<string, string>, sizes: ReadonlyMap<string, number>): Placement {
  const plan = planPage(orders, owners);
  const into = new Map<string, string>();
  const moves: [string, string][] = [];
  const created: string[] = [];
  for (const g of plan.groups) {
    const size = (id: string) => sizes.get(id) ?? 0;
    const survivor = g.existing.reduce<string | undefined>((best, id) => (best === undefined || size(id) > size(best) || (size(id) === size(best) && id < best) ? id : best), undefined);
    into.set(g.id, survivor ?? g.id);
    if (!survivor) created.push(g.id);
    for (const id of g.existing) if (id !== survivor) moves.push([id, survivor!]);
  }
  return {
    assignments: new Map([...plan.assignments].map(([ref, id]) => [ref, into.get(id)!])),
    moves,
    newKeys: plan.newKeys.map(([key, id]) => [key, into.get(id)!]),
    customers: [...new Set(into.values())],
    created,
  };
}
