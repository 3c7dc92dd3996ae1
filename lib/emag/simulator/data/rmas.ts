// Returns in eMAG's rma/read shape. Two kinds, both scaled by the buyer's return factor:
// - an order the buyer sent back in full (status 5, outcome "returned"): every line, a finalized
//   or received request, refunded or paid out as a voucher;
// - a partial return on a delivered order (status 4, about 2.5 % at factor 1): one unit of one
//   line, with today's spread of request statuses and return types.
// A refused cash-on-delivery parcel is a courier return, not an RMA, so it gets none.
import { createRng, type Rng } from "../prng";
import { emagTimestamp, DAY_MS } from "../time";
import type { Buyer } from "./buyers";
import type { SimOrder, WireOrderLine } from "./orders";

export type WireRma = Record<string, unknown> & { emag_id: number; order_id: string; request_status: number; type: number; date: string };

const REASONS = [30, 31, 32, 35, 36, 37, 39, 40];

function rmaProduct(id: number, line: WireOrderLine, quantity: number, reason: number) {
  const refund = (Number(line.sale_price) * quantity).toFixed(4);
  return { id, product_emag_id: line.mkt_id, product_id: line.product_id, quantity, product_name: line.name, return_reason: reason, observations: "", refund_value: refund };
}

function partialReturn(rng: Rng, o: SimOrder, nowMs: number) {
  // The request follows delivery by 1..14 days and never lies in the future.
  const days = Math.min(14, Math.floor((nowMs - o.statusAt) / DAY_MS));
  const line = o.wire.products[rng.int(0, o.wire.products.length - 1)];
  if (days < 1 || !line) return undefined;
  return {
    dateMs: o.statusAt + rng.int(1, days) * DAY_MS,
    lines: [[line, 1] as const],
    request_status: rng.weighted([[7, 50], [6, 15], [3, 15], [2, 10], [4, 5], [5, 5]] as const),
    return_type: rng.weighted([[3, 70], [1, 15], [5, 15]] as const),
  };
}

function fullReturn(rng: Rng, o: SimOrder) {
  // Requested between delivery and the order turning 5 (set once everything is back).
  const from = o.finalizedMs ?? o.createdMs;
  const days = Math.max(1, Math.floor((o.statusAt - from) / DAY_MS) - 1);
  return {
    dateMs: Math.min(o.statusAt, from + rng.int(1, days) * DAY_MS),
    lines: o.wire.products.filter((p) => p.status === 1).map((p) => [p, p.quantity] as const),
    request_status: rng.weighted([[7, 80], [6, 20]] as const),
    return_type: rng.weighted([[3, 80], [5, 20]] as const),
  };
}

export function generateRmas(seed: number, account: number, orders: SimOrder[], type: number, buyers: readonly Buyer[], nowMs: number): WireRma[] {
  const rng = createRng(seed, account, 4);
  const out: WireRma[] = [];
  let productNo = 0;
  for (const o of orders) {
    const factor = buyers[o.buyer]?.returnFactor ?? 1;
    const r =
      o.outcome === "returned" ? fullReturn(rng, o)
      : o.wire.status === 4 && rng.chance(0.025 * factor) ? partialReturn(rng, o, nowMs)
      : undefined;
    if (!r || !r.lines.length) continue;
    const cust = o.wire.customer as Record<string, unknown>;
    const reason = rng.pick(REASONS);
    out.push({
      emag_id: 1_143_000 + account * 100_000 + out.length,
      id: null,
      vendor_id: 3001,
      order_id: String(o.wire.id), // rma/read sends it as a string
      type,
      is_full_fbe: type === 2 ? 1 : 0,
      return_parent_id: null,
      customer_name: cust.name,
      customer_company: cust.company,
      customer_phone: cust.phone_1,
      pickup_country: "RO",
      pickup_suburb: cust.shipping_suburb,
      pickup_city: cust.shipping_city,
      pickup_address: cust.shipping_street,
      pickup_locality_id: cust.shipping_locality_id,
      pickup_method: rng.pick([1, 1, 3]),
      observations: null,
      request_status: r.request_status,
      return_type: r.return_type,
      return_reason: reason,
      date: emagTimestamp(r.dateMs),
      return_tax_value: "0",
      products: r.lines.map(([line, qty]) => rmaProduct(5_000_000 + productNo++, line, qty, reason)),
      awbs: [],
    });
  }
  return out;
}
