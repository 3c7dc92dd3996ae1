import { describe, expect, it } from "vitest";
import { aggOf } from "./metrics";
import { replaceOrder } from "./replace";
import { order, rma } from "./test-fixtures";
import type { CustomerOrderInput, CustomerReturnInput } from "./types";

/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function rng(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["Cluj-Napoca", "cluj napoca", "Iași", "IASI", "Brașov", null];
const NAMES = ["Ana Pop", "ana pop", "Ion Ionescu", null];
const PHONES = ["0722 123 456", "0040-722-123-456", "0733 000 111", "junk"];

function randomOrder(r: () => number, day: number): CustomerOrderInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const company = r() < 0.2;
  return order(new Date(Date.UTC(2025, 0, 1 + day, Math.floor(r() * 24))).toISOString(), {
    account: r() < 0.5 ? "main" : "fbe",
    status: pick([0, 1, 2, 3, 4, 4, 4, 5] as const),
    total: Math.round(r() * 50_000) / 100,
    currency: r() < 0.05 ? "EUR" : "RON",
    paymentModeId: pick([1, 2, 3, null]),
    city: pick(CITIES),
    shipped: r() < 0.5,
    cancellationReasonId: pick([null, 1, 2, 20]),
    refundedAmount: r() < 0.2 ? Math.round(r() * 10_000) / 100 : null,
    buyer: {
      emagCustomerId: pick(["3900000001", "3900000002", null]),
      emailHash: pick(["abc", "def", null]),
      phones: [pick(PHONES), r() < 0.3 ? pick(PHONES) : null],
      name: pick(NAMES),
      legalEntity: company,
      cui: company ? pick(["RO12345678", "12345678"]) : null,
      companyName: company ? pick(["Firma SRL", null]) : null,
      registrationNumber: company ? pick(["J12/1/2020", null]) : null,
      vatPayer: company ? r() < 0.5 : null,
    },
  });
}

/** A new version of `o` as a re-sync brings it: mostly a status change, sometimes other fields. */
function resynced(r: () => number, o: CustomerOrderInput): CustomerOrderInput {
  const fresh = randomOrder(r, 0);
  const next: CustomerOrderInput = { ...o, status: fresh.status, shipped: r() < 0.7 ? o.shipped : fresh.shipped };
  if (r() < 0.3) next.total = fresh.total;
  if (r() < 0.2) next.city = fresh.city;
  if (r() < 0.2) next.paymentModeId = fresh.paymentModeId;
  if (r() < 0.2) next.refundedAmount = fresh.refundedAmount;
  if (r() < 0.15) next.buyer = { ...o.buyer, name: fresh.buyer.name };
  if (r() < 0.1) next.buyer = fresh.buyer;
  return next;
}

describe("replaceOrder", () => {
  it("gives the state of the orders with one order's new version, or null", () => {
    let replaced = 0;
    let refused = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const orders = Array.from({ length: 1 + Math.floor(r() * 12) }, (_, i) => randomOrder(r, Math.floor(r() * 60) + i));
      const returns: CustomerReturnInput[] = orders.flatMap((o) => (r() < 0.25 ? [rma(o, { refundValue: Math.round(r() * o.total * 100) / 100, requestStatus: r() < 0.8 ? 7 : 4, returnType: r() < 0.2 ? 1 : 3 })] : []));
      let agg = aggOf(orders, returns);
      // Several re-syncs in a row, each applied to the state the previous one left.
      for (let step = 0; step < 4; step++) {
        const i = Math.floor(r() * orders.length);
        const next = resynced(r, orders[i]!);
        const mine = returns.filter((x) => x.account === next.account && x.emagOrderId === next.emagOrderId);
        const out = replaceOrder(agg, orders[i]!, next, mine);
        orders[i] = next;
        const expected = aggOf(orders, returns);
        if (out === null) {
          refused++;
          agg = expected;
        } else {
          replaced++;
          expect(out, `seed ${seed}, step ${step}`).toEqual(expected);
          agg = out;
        }
      }
    }
    // Most re-syncs are applied as a difference; the rest fall back to a recompute.
    expect(replaced).toBeGreaterThan(refused);
    expect(refused).toBeGreaterThan(0);
  });

  it("a status change of the latest order carries the latest values over", () => {
    const a = order("2025-01-10", { status: 4, total: 100, buyer: { name: "Ana", phones: ["0722 123 456"] } });
    const b = order("2025-02-10", { status: 1, total: 50, buyer: { name: "Ana Pop", phones: ["0722 123 456"] } });
    const next = { ...b, status: 4 as const };
    expect(replaceOrder(aggOf([a, b], []), b, next, [])).toEqual(aggOf([a, next], []));
  });

  it("refuses what only the other orders can tell", () => {
    const a = order("2025-01-10", { status: 4, buyer: { phones: ["0722 123 456"] } });
    const b = order("2025-02-10", { status: 4, buyer: { phones: ["0733 000 111"] } });
    const agg = aggOf([a, b], []);
    // The latest purchase is cancelled: the previous purchase is in another order.
    expect(replaceOrder(agg, b, { ...b, status: 0 }, [])).toBeNull();
    // A phone dropped: another order may still have it.
    expect(replaceOrder(agg, b, { ...b, buyer: { ...b.buyer, phones: [] } }, [])).toBeNull();
    // Another order altogether.
    expect(replaceOrder(agg, b, { ...b, emagOrderId: "1" }, [])).toBeNull();
  });
});
