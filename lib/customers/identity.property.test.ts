// Property: the incremental path (orders one at a time, in any order, some synced twice and edited
// in between) and the rebuild (all orders by eMAG creation) give the same customers, and both are
// the connected components of orders and keys, named after their oldest order. Seeded, so a
// failure replays; fast-check is not a dependency.
import { describe, expect, it } from "vitest";
import { groupOrders, MemoryKeyStore, resolveOrder } from "./identity";
import { customerIdFor, identityKeys, orderRefKey, type IdentityKey } from "./keys";
import { buyer } from "./test-fixtures";
import type { BuyerInput, IdentityOrderInput } from "./types";

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
const pick = <T>(rand: Rand, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
function shuffle<T>(rand: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const phoneSpellings = (n: number) => {
  const d = String(722_000_000 + n * 7_919);
  return [`0${d}`, `+40${d}`, `0040-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`, `(0${d.slice(0, 3)}) ${d.slice(3)}`];
};

/** Random buyers drawn from small pools, so keys collide and chains form. */
function randomBuyer(rand: Rand): BuyerInput {
  if (rand() < 0.15) {
    const cui = String(1_000_000 + Math.floor(rand() * 6));
    return buyer({ legalEntity: true, cui: pick(rand, [cui, `RO${cui}`, `RO 0${cui}`]), phones: [pick(rand, phoneSpellings(Math.floor(rand() * 40)))], emailHash: `h${Math.floor(rand() * 40)}` });
  }
  return buyer({
    emagCustomerId: rand() < 0.4 ? String(3_900_000_000 + Math.floor(rand() * 40)) : null,
    emailHash: rand() < 0.4 ? pick(rand, ["h", "H"]) + Math.floor(rand() * 40) : null,
    phones: rand() < 0.5 ? [pick(rand, phoneSpellings(Math.floor(rand() * 40)))] : [],
    name: pick(rand, ["Ion Popescu", "Ana Pop", null]),
  });
}

function randomOrders(rand: Rand, n: number): IdentityOrderInput[] {
  const base = Date.parse("2024-01-01T00:00:00Z");
  // A few shared instants, so the account / order id tie-breaks are exercised.
  const instants = Array.from({ length: 5 }, () => base + Math.floor(rand() * 1e10));
  return Array.from({ length: n }, (_, i) => ({
    account: rand() < 0.5 ? "main" : "fbe",
    emagOrderId: String(3_000_000_000 + (i % 3 === 0 ? i : Math.floor(rand() * 1e6) * 1000 + i)),
    createdAt: new Date(rand() < 0.2 ? pick(rand, instants) : base + Math.floor(rand() * 1e10)),
    buyer: randomBuyer(rand),
  }));
}

/** The reference: connected components by plain union-find over orders, id = smallest customerIdFor. */
function components(orders: readonly IdentityOrderInput[]) {
  const parent = orders.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<IdentityKey, number>();
  orders.forEach((o, i) => {
    for (const k of identityKeys(o.buyer)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, { ids: string[]; keys: Set<IdentityKey>; orders: string[] }>();
  orders.forEach((o, i) => {
    const g = groups.get(find(i)) ?? { ids: [], keys: new Set(), orders: [] };
    g.ids.push(customerIdFor(o));
    identityKeys(o.buyer).forEach((k) => g.keys.add(k));
    g.orders.push(orderRefKey(o));
    groups.set(find(i), g);
  });
  return [...groups.values()]
    .map((g) => ({ id: g.ids.sort()[0]!, keys: [...g.keys].sort(), orders: g.orders.sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** An earlier version of an order, with fewer keys (eMAG staff may edit an unacknowledged order). */
const earlierVersion = (o: IdentityOrderInput, rand: Rand): IdentityOrderInput => ({
  ...o,
  buyer: { ...o.buyer, emailHash: rand() < 0.5 ? null : o.buyer.emailHash, phones: rand() < 0.5 ? [] : o.buyer.phones },
});

describe("identity is independent of processing order", () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: rebuild = incremental over shuffles = connected components`, async () => {
      const rand = mulberry32(seed);
      const orders = randomOrders(rand, 150);
      const expected = components(orders);
      const rebuilt = (await groupOrders(orders)).snapshot();
      expect(rebuilt).toEqual(expected);

      expect(expected.length).toBeLessThan(orders.length);
      expect(expected.some((c) => c.orders.length >= 3)).toBe(true);

      let merges = 0;
      for (let round = 0; round < 5; round++) {
        // Shuffled; some orders arrive first in an earlier version, then again (re-sync) in the final one.
        const events: IdentityOrderInput[] = shuffle(rand, orders);
        for (const o of orders) {
          if (rand() < 0.2) events.splice(Math.floor(rand() * (events.indexOf(o) + 1)), 0, earlierVersion(o, rand));
        }
        const store = new MemoryKeyStore();
        for (const e of events) {
          const r = await resolveOrder(store, e, store.customerOf(orderRefKey(e)));
          merges += r.mergedFrom.length;
          store.assign(orderRefKey(e), r.customerId);
        }
        // Replaying everything again changes nothing (a re-sync is idempotent).
        for (const o of orders) {
          const r = await resolveOrder(store, o, store.customerOf(orderRefKey(o)));
          expect(r.mergedFrom).toEqual([]);
          expect(r.created).toBe(false);
          store.assign(orderRefKey(o), r.customerId);
        }
        expect(store.snapshot()).toEqual(expected);
      }
      expect(merges).toBeGreaterThan(0);
    });
  }
});
