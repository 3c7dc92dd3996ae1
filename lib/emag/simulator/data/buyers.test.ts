// The buyer population behind simulated orders: a shared, seeded pool with a long tail of orders
// per buyer, stable identities and per-buyer habits (phone spelling, cancels, returns, refusals).
import { describe, expect, it } from "vitest";
import { createSimState, createNewOrders, type SimState } from "../state";
import { cuiWithCheckDigit } from "./companies";
import { PHONE_SPELLINGS, toE164 } from "./customer";
import type { SimOrder } from "./orders";
import { emagTimestamp } from "../time";

const NOW = Date.parse("2026-01-15T10:00:00Z");
const DEFAULTS = { seed: 42, products: { main: 1275, fbe: 1271 }, orders: { main: 3000, fbe: 3000 } };
type Customer = { id: number; mkt_id: number; name: string; company: string; email: string; code: string; legal_entity: number; phone_1: string; billing_phone: string; shipping_phone: string };

const state = createSimState(DEFAULTS, NOW);
const cust = (o: SimOrder) => o.wire.customer as Customer;
const history = (s: SimState) => [...s.accounts.main.orders, ...s.accounts.fbe.orders];

function byBuyer(orders: SimOrder[]) {
  const m = new Map<number, SimOrder[]>();
  for (const o of orders) m.set(cust(o).id, [...(m.get(cust(o).id) ?? []), o]);
  return m;
}
const orders = history(state);
const buyers = byBuyer(orders);

describe("buyer pool", () => {
  it("is deterministic for a seed and differs for another seed", () => {
    const again = createSimState(DEFAULTS, NOW);
    expect(history(again).map((o) => o.wire)).toEqual(orders.map((o) => o.wire));
    expect(again.accounts.main.rmas).toEqual(state.accounts.main.rmas);
    expect(again.accounts.fbe.rmas).toEqual(state.accounts.fbe.rmas);
    expect(again.buyers.buyers).toEqual(state.buyers.buyers);
    const other = createSimState({ ...DEFAULTS, seed: 43 }, NOW);
    expect(cust(other.accounts.main.orders[0]!)).not.toEqual(cust(state.accounts.main.orders[0]!));
  });

  it("keeps the order volumes and id ranges", () => {
    for (const kind of ["main", "fbe"] as const) {
      const list = state.accounts[kind].orders;
      expect(list).toHaveLength(3000);
      expect(list.every((o, i) => i === 0 || o.wire.id > list[i - 1]!.wire.id)).toBe(true);
      expect(list[0]!.wire.id).toBeGreaterThan(2 ** 31);
    }
  });

  it("draws orders from far fewer buyers, with a long tail", () => {
    const counts = [...buyers.values()].map((l) => l.length).sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThanOrEqual(2000);
    expect(counts.length).toBeLessThanOrEqual(3000);
    expect(counts.filter((n) => n === 1).length / counts.length).toBeGreaterThanOrEqual(0.5);
    const top = counts.slice(0, Math.ceil(counts.length / 100)).reduce((a, b) => a + b, 0);
    expect(top / orders.length).toBeGreaterThanOrEqual(0.1);
    expect(counts.filter((n) => n >= 10).length).toBeGreaterThanOrEqual(24); // a few dozen order often
  });

  it("shares buyers between MAIN and FBE under one id, email and name", () => {
    const fbe = new Map(state.accounts.fbe.orders.map((o) => [cust(o).id, cust(o)]));
    const both = state.accounts.main.orders.map(cust).filter((c) => fbe.has(c.id));
    expect(new Set(both.map((c) => c.id)).size).toBeGreaterThan(100);
    for (const c of both) expect([fbe.get(c.id)!.email, fbe.get(c.id)!.name, fbe.get(c.id)!.mkt_id]).toEqual([c.email, c.name, c.mkt_id]);
  });

  it("keeps id, mkt_id and the email hash stable per buyer; emails are opaque hashes", () => {
    const emails = new Set<string>();
    for (const [id, list] of buyers) {
      expect(id).toBeGreaterThan(2 ** 31);
      expect(new Set(list.map((o) => `${cust(o).mkt_id}|${cust(o).email}|${cust(o).name}`)).size).toBe(1);
      emails.add(cust(list[0]!).email);
    }
    expect(emails.size).toBe(buyers.size);
    // No two buyers share a phone either: the same number always means the same person here.
    expect(new Set(state.buyers.buyers.map((b) => b.phone)).size).toBe(state.buyers.buyers.length);
    expect([...emails].every((e) => /^[0-9a-f]{32}@marketplace\.emag\.ro$/.test(e))).toBe(true);
  });

  it("spells one buyer's phone differently across orders, always the same E.164 number", () => {
    expect(PHONE_SPELLINGS.map((f) => f("0722123456"))).toEqual(["0722 123 456", "+40722123456", "0040722123456", "0722123456", "0722-123-456"]);
    expect(PHONE_SPELLINGS.map((f) => toE164(f("0722123456")))).toEqual(Array(5).fill("+40722123456"));
    const frequent = [...buyers.values()].filter((l) => l.length >= 5);
    const varied = frequent.filter((l) => new Set(l.map((o) => cust(o).phone_1)).size > 1);
    expect(varied.length / frequent.length).toBeGreaterThan(0.5);
    for (const list of buyers.values()) expect(new Set(list.map((o) => toE164(cust(o).phone_1))).size).toBe(1);
    expect(orders.every((o) => cust(o).phone_1 === cust(o).billing_phone && toE164(cust(o).phone_1) !== null)).toBe(true);
  });

  it("has companies next to private persons, some ordering through two contacts", () => {
    const companies = new Map<string, Customer[]>();
    for (const c of orders.map(cust)) {
      if (!c.legal_entity) {
        expect([c.code, c.company]).toEqual(["", c.name]);
        continue;
      }
      companies.set(c.code, [...(companies.get(c.code) ?? []), c]);
    }
    expect(companies.size).toBeGreaterThan(50);
    const multi = [...companies.values()].filter((l) => new Set(l.map((c) => c.id)).size > 1);
    expect(multi.length).toBeGreaterThan(0);
    const contacts = [...new Map(multi[0]!.map((c) => [c.id, c])).values()];
    expect(new Set(contacts.map((c) => c.company)).size).toBe(1);
    expect(new Set(contacts.map((c) => toE164(c.phone_1))).size).toBe(contacts.length);
    expect(new Set(contacts.map((c) => c.email)).size).toBe(contacts.length);
    for (const code of companies.keys()) {
      const cui = code.replace(/^RO/, "");
      expect(cuiWithCheckDigit(Number(cui.slice(0, -1)))).toBe(cui);
    }
  });

  it("has different buyers with the same first and last name", () => {
    const byName = new Map<string, Set<number>>();
    for (const c of orders.map(cust)) byName.set(c.name, (byName.get(c.name) ?? new Set()).add(c.id));
    const shared = [...byName.values()].filter((ids) => ids.size > 1);
    expect(shared.length).toBeGreaterThan(10);
    const [a, b] = [...shared[0]!].map((id) => cust(buyers.get(id)![0]!));
    expect(a!.email).not.toBe(b!.email);
    expect(toE164(a!.phone_1)).not.toBe(toE164(b!.phone_1));
  });
});

describe("buyer habits", () => {
  const pool = state.buyers.buyers;
  const old = orders.filter((o) => NOW - o.createdMs > 7 * 86_400_000);
  const rmaOrders = new Set([...state.accounts.main.rmas, ...state.accounts.fbe.rmas].map((r) => Number(r.order_id)));
  /** Share of a tier's old orders matching `hit`, tiers by a buyer propensity. */
  const rateBy = (tier: (b: (typeof pool)[number]) => number, hit: (o: SimOrder) => boolean, list = old) => {
    const m = new Map<number, [number, number]>();
    for (const o of list) {
      const t = tier(pool[o.buyer]!);
      const [h, n] = m.get(t) ?? [0, 0];
      m.set(t, [h + (hit(o) ? 1 : 0), n + 1]);
    }
    return new Map([...m].map(([t, [h, n]]) => [t, h / n]));
  };

  it("cancel and return rates differ by buyer", () => {
    const cancels = rateBy((b) => b.cancelFactor, (o) => o.wire.status === 0 && !o.outcome);
    expect(cancels.get(4)!).toBeGreaterThan(4 * cancels.get(0.5)!);
    const returns = rateBy((b) => b.returnFactor, (o) => rmaOrders.has(o.wire.id));
    expect(returns.get(5)!).toBeGreaterThan(4 * returns.get(0.4)!);
    // Seen per buyer too: among frequent buyers some never cancel and some cancel a lot.
    const rates = [...buyers.values()].filter((l) => l.length >= 10).map((l) => l.filter((o) => o.wire.status === 0).length / l.length);
    expect(Math.min(...rates)).toBe(0);
    expect(Math.max(...rates)).toBeGreaterThanOrEqual(0.25);
  });

  it("refused cash-on-delivery parcels end as returned or cancelled after shipping", () => {
    const refused = orders.filter((o) => o.outcome === "refused");
    expect(refused.length).toBeGreaterThan(20);
    for (const o of refused) {
      expect(o.wire).toMatchObject({ payment_mode_id: 1, payment_status: 0, cashed_cod: 0 });
      expect(o.wire.finalization_date).not.toBeNull();
      if (o.wire.status === 0) expect([20, 25, 3]).toContain((o.wire.reason_cancellation as { id: number }).id);
      else expect(o.wire.status).toBe(5);
    }
    const cod = old.filter((o) => o.wire.payment_mode_id === 1);
    const byRefusal = rateBy((b) => b.codRefusal, (o) => o.outcome === "refused", cod);
    expect(byRefusal.get(0.45)!).toBeGreaterThan(5 * byRefusal.get(0.02)!);
  });

  it("keeps the overall mix: cancels around a tenth, returns a few percent, statuses from the contract", () => {
    const share = (f: (o: SimOrder) => boolean) => orders.filter(f).length / orders.length;
    expect(share((o) => o.wire.status === 0)).toBeGreaterThan(0.07);
    expect(share((o) => o.wire.status === 0)).toBeLessThan(0.16);
    expect(orders.every((o) => [0, 1, 2, 3, 4, 5].includes(o.wire.status))).toBe(true);
    expect(orders.filter((o) => o.wire.status === 0).every((o) => (o.wire.reason_cancellation as { id: number } | null)?.id)).toBe(true);
    for (const kind of ["main", "fbe"] as const) {
      const { rmas, orders: list } = state.accounts[kind];
      expect(rmas.length / list.length).toBeGreaterThan(0.02);
      expect(rmas.length / list.length).toBeLessThan(0.07);
    }
  });

  it("gives every full return a finalized or received RMA covering all its lines, dated in the past", () => {
    const main = state.accounts.main;
    const rmaByOrder = new Map(main.rmas.map((r) => [Number(r.order_id), r]));
    const returned = main.orders.filter((o) => o.outcome === "returned");
    expect(returned.length).toBeGreaterThan(10);
    for (const o of returned) {
      const r = rmaByOrder.get(o.wire.id)!;
      expect(o.wire.status).toBe(5);
      expect([6, 7]).toContain(r.request_status);
      expect((r.products as unknown[]).length).toBe(o.wire.products.length);
    }
    for (const r of main.rmas) {
      expect(main.orderById.get(Number(r.order_id))).toBeDefined();
      expect(r.date <= emagTimestamp(NOW)).toBe(true);
    }
    expect(main.orders.filter((o) => o.outcome === "refused").some((o) => rmaByOrder.has(o.wire.id))).toBe(false);
  });
});

describe("live orders", () => {
  it("come from the same pool, with a new buyer now and then", () => {
    const live = createSimState({ ...DEFAULTS, orders: { main: 1000, fbe: 1000 } }, NOW);
    const known = new Set(history(live).map((o) => cust(o).id));
    const before = live.buyers.buyers.length;
    const created = [...createNewOrders(live, "main", 200, NOW), ...createNewOrders(live, "fbe", 200, NOW)];
    const returning = created.filter((o) => known.has(cust(o).id)).length;
    expect(returning / created.length).toBeGreaterThan(0.5);
    const grown = live.buyers.buyers.length - before;
    expect(grown).toBeGreaterThan(20);
    expect(grown).toBeLessThan(100);
    // A new buyer keeps their identity on later orders, on either account.
    const fresh = live.buyers.buyers[before]!;
    expect(created.filter((o) => o.buyer === fresh.index).every((o) => cust(o).id === fresh.id && cust(o).email === fresh.email)).toBe(true);
  });
});
