// The database's grouping (grouping.ts) against the core's (identity.ts): groupByKeys equals
// groupOrders, and pages placed one after another (placePage: merges into the biggest stored
// customer, ids settled at the end) reach the same customers as the rebuild, whatever the order the
// pages come in, with re-synced orders that bring more keys. Seeded, so a failure replays.
import { describe, expect, it } from "vitest";
import { groupByKeys, placePage, planPage, type KeyedOrder } from "./grouping";
import { groupOrders } from "./identity";
import { customerIdFor, identityKeys, orderRefKey } from "./keys";
import { buyer } from "./test-fixtures";
import type { IdentityOrderInput } from "./types";

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);

function randomOrders(rand: Rand, n: number): IdentityOrderInput[] {
  const base = Date.parse("2025-01-01T00:00:00Z");
  return Array.from({ length: n }, (_, i) => ({
    account: rand() < 0.5 ? "main" : "fbe",
    emagOrderId: String(3_100_000_000 + i),
    createdAt: new Date(base + int(rand, 30) * 3_600_000), // shared instants: account and id break ties
    buyer: rand() < 0.1
      ? buyer({ legalEntity: true, cui: `RO${1_000_000 + int(rand, 4)}`, emailHash: `h${int(rand, 30)}` })
      : buyer({
          emagCustomerId: rand() < 0.4 ? String(900 + int(rand, 30)) : null,
          emailHash: rand() < 0.4 ? `h${int(rand, 30)}` : null,
          phones: rand() < 0.5 ? [`07${String(22_000_000 + int(rand, 30) * 7919).padStart(8, "0")}`] : [],
        }),
  }));
}

const keyed = (o: IdentityOrderInput, extra: readonly string[] = []): KeyedOrder => ({
  ref: orderRefKey(o),
  candidateId: customerIdFor(o),
  keys: [...new Set([...extra, ...identityKeys(o.buyer)])].sort(),
});

/** Customers as sorted [id, sorted order refs] pairs. */
const partition = (assigned: ReadonlyMap<string, string>) => {
  const groups = new Map<string, string[]>();
  for (const [ref, id] of assigned) groups.set(id, [...(groups.get(id) ?? []), ref]);
  return [...groups].map(([id, refs]) => [id, refs.sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
};

/** The database, in memory: key owners, each order's customer and stored keys, applied as upkeep.ts does. */
class Store {
  owners = new Map<string, string>();
  customerOf = new Map<string, string>();
  keysOf = new Map<string, string[]>();
  candidates = new Map<string, string>();

  page(orders: readonly IdentityOrderInput[]) {
    const page = orders.map((o) => ({ ...keyed(o, this.keysOf.get(orderRefKey(o))), currentCustomerId: this.customerOf.get(orderRefKey(o)) ?? null }));
    const sizes = new Map<string, number>();
    for (const id of this.customerOf.values()) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    const p = placePage(page, this.owners, sizes);
    for (const [from, into] of p.moves) {
      for (const [k, id] of this.owners) if (id === from) this.owners.set(k, into);
      for (const [ref, id] of this.customerOf) if (id === from) this.customerOf.set(ref, into);
    }
    for (const o of page) {
      this.customerOf.set(o.ref, p.assignments.get(o.ref)!);
      this.keysOf.set(o.ref, [...o.keys]);
      this.candidates.set(o.ref, o.candidateId);
    }
    for (const [k, id] of p.newKeys) {
      expect(this.owners.has(k)).toBe(false);
      this.owners.set(k, id);
    }
    // Every key of a placed order belongs to its customer now.
    for (const o of page) for (const k of o.keys) expect(this.owners.get(k)).toBe(p.assignments.get(o.ref));
  }

  /** The end of a sync: each customer takes its oldest order's id. */
  settled(): Map<string, string> {
    const oldest = new Map<string, string>();
    for (const [ref, id] of this.customerOf) {
      const c = this.candidates.get(ref)!;
      if (!oldest.has(id) || c < oldest.get(id)!) oldest.set(id, c);
    }
    return new Map([...this.customerOf].map(([ref, id]) => [ref, oldest.get(id)!]));
  }
}

describe("grouping for the database", () => {
  it("groupByKeys gives the customers groupOrders gives", async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const orders = randomOrders(mulberry32(seed), 120);
      const core = (await groupOrders(orders)).snapshot();
      const ours = partition(groupByKeys(orders.map((o) => keyed(o))));
      expect(ours).toEqual(core.map((c) => [c.id, c.orders]));
    }
  });

  it("pages placed in any order, with re-syncs that bring more keys, settle to the rebuild's customers", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(seed);
      const orders = randomOrders(rand, 150);
      // Even seeds: a tenth of the orders also arrive once without their buyer's keys, before or after.
      const early = seed % 2 ? [] : orders.filter(() => rand() < 0.1).map((o) => ({ ...o, buyer: buyer({ name: "?" }) }));
      const stream = [...early, ...orders].sort(() => rand() - 0.5);
      const store = new Store();
      for (let i = 0; i < stream.length; ) {
        const size = 1 + int(rand, 25);
        // One version per order in a page, as the upsert keeps (the last one).
        const page = [...new Map(stream.slice(i, i + size).map((o) => [orderRefKey(o), o])).values()];
        store.page(page);
        i += size;
      }
      // The rebuild reads each order's stored keys (every key it was seen with).
      const rebuilt = groupByKeys(orders.map((o) => ({ ...keyed(o), keys: store.keysOf.get(orderRefKey(o))! })));
      expect(partition(store.settled())).toEqual(partition(rebuilt));
      // Orders seen with all their keys at some point group as the core's rule says.
      if (early.length === 0) expect(partition(store.settled())).toEqual(partition(groupByKeys(orders.map((o) => keyed(o)))));
    }
  });

  it("a page keeps the stored customer with most orders and moves the others into it", () => {
    const owners = new Map([["phone:+40722000001", "c_big"], ["email:x", "c_small"]]);
    const p = placePage([{ ref: "o1", candidateId: "c_0_old", keys: ["email:x", "phone:+40722000001"] }], owners, new Map([["c_big", 9], ["c_small", 1]]));
    expect(p).toMatchObject({ moves: [["c_small", "c_big"]], created: [], customers: ["c_big"] });
    expect(p.assignments.get("o1")).toBe("c_big");
    // No stored customer: a new one named after the page's oldest order of the group.
    const q = placePage([{ ref: "a", candidateId: "c_2", keys: ["k"] }, { ref: "b", candidateId: "c_1", keys: ["k"] }], new Map(), new Map());
    expect(q).toMatchObject({ created: ["c_1"], newKeys: [["k", "c_1"]] });
    // planPage alone reports the smallest id of the group, stored ones included.
    expect(planPage([{ ref: "o1", candidateId: "c_9", keys: ["email:x"] }], owners).groups).toEqual([{ id: "c_9", existing: ["c_small"], created: true }]);
  });
});
