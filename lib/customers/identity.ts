// Which orders are one customer. Orders sharing an identity key (keys.ts) are one customer, also
// through a chain (A shares a phone with B, B an email hash with C). That is union-find over the key
// store: an order links its keys to a customer, merging every customer they already point at. The
// groups are the connected components of orders and keys, and a group's id is its oldest order's
// `customerIdFor`, so the result depends on which orders exist, never on the order they came in.
import { compareOrders, customerIdFor, identityKeys, orderRefKey, type IdentityKey } from "./keys";
import type { IdentityOrderInput } from "./types";

type MaybePromise<T> = T | Promise<T>;

/** Where keys live: a table keyed by key in the database, `MemoryKeyStore` in a rebuild or a test. */
export interface CustomerKeyStore {
  /** The distinct customer ids any of `keys` is linked to. */
  get(keys: readonly IdentityKey[]): MaybePromise<readonly string[]>;
  /** Link `key` to `customerId`. The resolver merges first, so the key is unlinked or already linked there. */
  link(key: IdentityKey, customerId: string): MaybePromise<void>;
  /**
   * Move everything of `fromId` (keys, orders) to `intoId`; `fromId` stops existing. `intoId` may be
   * new: an older order arriving late renames its group to the older id.
   */
  merge(fromId: string, intoId: string): MaybePromise<void>;
}

export interface Resolution {
  customerId: string;
  /** Customers merged into `customerId` (sorted); each must stop existing. */
  mergedFrom: string[];
  /** `customerId` was not stored before this order (a new customer, or the new id of a renamed one). */
  created: boolean;
  keys: IdentityKey[];
}

const first = (a: string, b: string) => (a < b ? a : b);

/** The decision alone: the smallest of the found ids and the order's own id wins, the others merge into it. */
export function planResolution(candidateId: string, found: readonly string[]): Omit<Resolution, "keys"> {
  const existing = [...new Set(found)].sort();
  const customerId = existing.reduce(first, candidateId);
  return { customerId, mergedFrom: existing.filter((id) => id !== customerId), created: !existing.includes(customerId) };
}

/**
 * Place one order. `currentCustomerId` is the customer the order is stored under already (a re-synced
 * order), so an order that gains keys takes its old group along. The store must hold the keys of every
 * earlier version of the order too: keys are only ever added, and a rebuild must see the same ones.
 */
export async function resolveOrder(store: CustomerKeyStore, order: IdentityOrderInput, currentCustomerId?: string | null): Promise<Resolution> {
  const keys = identityKeys(order.buyer);
  const found = keys.length > 0 ? [...(await store.get(keys))] : [];
  if (currentCustomerId) found.push(currentCustomerId);
  const plan = planResolution(customerIdFor(order), found);
  for (const from of plan.mergedFrom) await store.merge(from, plan.customerId);
  for (const key of keys) await store.link(key, plan.customerId);
  return { ...plan, keys };
}

/** The key store in memory, also tracking which orders each customer holds (the database's orders.customer_id). */
export class MemoryKeyStore implements CustomerKeyStore {
  private readonly byKey = new Map<IdentityKey, string>();
  private readonly members = new Map<string, { keys: Set<IdentityKey>; orders: Set<string> }>();
  private readonly byOrder = new Map<string, string>();

  private entry(id: string) {
    let e = this.members.get(id);
    if (!e) this.members.set(id, (e = { keys: new Set(), orders: new Set() }));
    return e;
  }

  get(keys: readonly IdentityKey[]): string[] {
    return [...new Set(keys.map((k) => this.byKey.get(k)).filter((id): id is string => id !== undefined))].sort();
  }

  link(key: IdentityKey, customerId: string): void {
    const owner = this.byKey.get(key);
    if (owner !== undefined && owner !== customerId) throw new Error(`key ${key} belongs to ${owner}, not ${customerId}: merge first`);
    this.byKey.set(key, customerId);
    this.entry(customerId).keys.add(key);
  }

  merge(fromId: string, intoId: string): void {
    if (fromId === intoId) return;
    const from = this.members.get(fromId);
    const into = this.entry(intoId);
    for (const key of from?.keys ?? []) {
      this.byKey.set(key, intoId);
      into.keys.add(key);
    }
    for (const order of from?.orders ?? []) {
      this.byOrder.set(order, intoId);
      into.orders.add(order);
    }
    this.members.delete(fromId);
  }

  /** Record that `orderRef` (`orderRefKey`) is stored under `customerId`, moving it from any other. */
  assign(orderRef: string, customerId: string): void {
    const previous = this.byOrder.get(orderRef);
    if (previous !== undefined) this.members.get(previous)?.orders.delete(orderRef);
    this.byOrder.set(orderRef, customerId);
    this.entry(customerId).orders.add(orderRef);
  }

  customerOf(orderRef: string): string | undefined {
    return this.byOrder.get(orderRef);
  }

  /** Every customer with its sorted keys and orders, by id: compare two of these to compare two stores. */
  snapshot(): { id: string; keys: IdentityKey[]; orders: string[] }[] {
    return [...this.members]
      .filter(([, e]) => e.orders.size > 0 || e.keys.size > 0)
      .map(([id, e]) => ({ id, keys: [...e.keys].sort(), orders: [...e.orders].sort() }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/** The rebuild: every order, in order of eMAG creation, into a fresh store. Same groups as the incremental path. */
export async function groupOrders(orders: readonly IdentityOrderInput[]): Promise<MemoryKeyStore> {
  const store = new MemoryKeyStore();
  for (const order of [...orders].sort(compareOrders)) {
    const { customerId } = await resolveOrder(store, order);
    store.assign(orderRefKey(order), customerId);
  }
  return store;
}
