// Returns generated from finalized orders (about 3 %), in eMAG's rma/read shape.
import { createRng } from "../prng";
import { emagTimestamp, DAY_MS } from "../time";
import type { SimOrder } from "./orders";

export type WireRma = Record<string, unknown> & { emag_id: number; order_id: string; request_status: number; type: number; date: string };

export function generateRmas(seed: number, account: number, orders: SimOrder[], type: number): WireRma[] {
  const rng = createRng(seed, account, 4);
  const out: WireRma[] = [];
  for (const o of orders) {
    if (o.wire.status !== 4 || !rng.chance(0.03)) continue;
    const line = o.wire.products[0];
    if (!line) continue;
    const cust = o.wire.customer as Record<string, unknown>;
    const dateMs = o.statusAt + rng.int(1, 14) * DAY_MS;
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
      request_status: rng.weighted([[7, 50], [6, 15], [3, 15], [2, 10], [4, 5], [5, 5]] as const),
      return_type: rng.weighted([[3, 70], [1, 15], [5, 15]] as const),
      return_reason: rng.pick([30, 31, 32, 35, 36, 37, 39, 40]),
      date: emagTimestamp(dateMs),
      return_tax_value: "0",
      products: [{ id: 5_000_000 + out.length, product_emag_id: line.mkt_id, product_id: line.product_id, quantity: 1, product_name: line.name, return_reason: 35, observations: "", refund_value: line.sale_price }],
      awbs: [],
    });
  }
  return out;
}
