// Simulated orders: placed by buyers from the shared pool (buyers.ts), lines from the account's
// own offers, ids above 2^31. Older orders are mostly finalized; the last two days hold new and
// in-progress ones.
import { createRng, type Rng } from "../prng";
import { emagTimestamp, DAY_MS } from "../time";
import type { OfferRecord } from "./offers";
import { drawBuyer, type Buyer, type BuyerPool } from "./buyers";
import { wireCustomer } from "./customer";
import { CANCEL_REASONS, PAYMENT_MODES, REFUSAL_REASONS } from "./people-words";

export type WireOrder = Record<string, unknown> & { id: number; type: number; status: number; products: WireOrderLine[] };
export type WireOrderLine = Record<string, unknown> & { id: number; product_id: number | string; quantity: number; status: number; sale_price: string };

/** A stored order plus the simulator's bookkeeping (kept off the wire). */
export type SimOrder = {
  wire: WireOrder;
  createdMs: number;
  statusAt: number;
  /** Pool index of the buyer who placed it. */
  buyer: number;
  /** When it was finalized (AWB issued), if it got that far. */
  finalizedMs?: number;
  /** How a shipped order ended when not delivered and kept: a refused COD parcel, or a full return. */
  outcome?: "refused" | "returned";
};

export type OrderIds = { nextOrderId: number; nextLineId: number };

type Outcome = { status: number; reason: readonly [number, string] | null; kind?: "refused" | "returned" };

/**
 * Status from the order's age and the buyer's habits. Before shipping a buyer may cancel (their
 * cancel factor scales the base rate); a cash-on-delivery parcel may be refused, which ends as
 * returned (5, finalized first) or as cancelled after shipping (4 -> 0 within 48 h, contract §6.2);
 * a delivered order may come back in full through a return (5 with a finalized RMA, rmas.ts).
 */
function outcomeFor(rng: Rng, buyer: Buyer, ageMs: number, type: number, cod: boolean): Outcome {
  const cancel = (reasons: typeof CANCEL_REASONS, kind?: "refused"): Outcome => ({ status: 0, reason: rng.pick(reasons), kind });
  if (ageMs > 2 * DAY_MS) {
    const old = ageMs > 7 * DAY_MS;
    if (rng.chance(0.1 * buyer.cancelFactor)) return cancel(CANCEL_REASONS);
    if (!old) {
      const open = rng.weighted([[4, 60], [3, 20], [2, 10]] as const);
      if (open !== 4) return { status: open, reason: null };
    }
    if (cod && rng.chance(buyer.codRefusal)) return old && rng.chance(0.65) ? { status: 5, reason: null, kind: "refused" } : cancel(REFUSAL_REASONS, "refused");
    if (old && rng.chance(0.025 * buyer.returnFactor)) return { status: 5, reason: null, kind: "returned" };
    return { status: 4, reason: null };
  }
  if (type === 2) return { status: rng.weighted([[2, 50], [3, 30], [4, 20]] as const), reason: null };
  return rng.chance(0.1 * buyer.cancelFactor) ? cancel(CANCEL_REASONS) : { status: rng.weighted([[1, 40], [2, 30], [3, 20]] as const), reason: null };
}

const HOUR_MS = 3_600_000;

const PAYMENT_W = PAYMENT_MODES.map((p) => [p, p[3]] as const);

export function buildOrder(rng: Rng, ids: OrderIds, offers: OfferRecord[], type: number, createdMs: number, nowMs: number, buyer: Buyer): SimOrder {
  const created = emagTimestamp(createdMs);
  // Buyers mostly pay the way they usually do.
  const [payId, payMode, payDetail] = rng.chance(0.8) ? PAYMENT_MODES[buyer.payment]! : rng.weighted(PAYMENT_W);
  const { status, reason, kind } = outcomeFor(rng, buyer, nowMs - createdMs, type, payId === 1);
  const locker = rng.chance(buyer.lockerShare);
  const cust = wireCustomer(rng, buyer, created);
  const lockerId = `EBX${rng.digits(4)}`;
  if (locker) cust.shipping_street = `${cust.shipping_street} [EasyBox #${lockerId.slice(3)}]`;
  const products: WireOrderLine[] = [];
  for (let n = rng.weighted([[1, 70], [2, 22], [3, 8]] as const); n > 0 && offers.length; n--) {
    const o = offers[rng.int(0, offers.length - 1)]!;
    const qty = rng.weighted([[1, 85], [2, 12], [3, 3]] as const);
    products.push({
      id: ids.nextLineId++,
      product_id: products.length % 2 ? String(o.id) : o.id, // eMAG sends it either way
      mkt_id: o.emagOfferId,
      name: o.name,
      status: 1,
      part_number: o.pnk,
      part_number_key: o.pnk,
      ext_part_number: o.partNumber,
      currency: "RON",
      sale_price: o.salePrice.toFixed(4),
      original_price: o.salePrice.toFixed(4),
      vat: o.vatId === 2 ? "0.1100" : "0.2100",
      quantity: qty,
      initial_qty: qty,
      storno_qty: 0,
      retained_amount: 0,
      reversible_vat_charging: 0,
      details: [],
      attachments: [],
      product_voucher_split: [],
      created,
      modified: created,
    });
  }
  const total = products.reduce((s, p) => s + Number(p.sale_price) * p.quantity * (1 + Number(p.vat)), 0);
  const shipping = total > 250 || locker ? 0 : 15.99;
  // Pre-shipping cancels and new orders sit where they were placed; refusals and returns end
  // days after the AWB (a refused parcel travels back; a return is picked up and checked first).
  const moved = status <= 1 && !kind ? createdMs : Math.min(nowMs, createdMs + rng.int(1, 72) * HOUR_MS);
  const shipped = status === 4 || kind !== undefined;
  const finalizedMs = shipped ? moved : undefined;
  const statusAt =
    kind === "refused" ? Math.min(nowMs, moved + (status === 0 ? rng.int(12, 47) * HOUR_MS : rng.int(3, 10) * DAY_MS))
    : kind === "returned" ? Math.min(nowMs, moved + rng.int(5, 25) * DAY_MS)
    : moved;
  const delivered = status === 4 || kind === "returned";
  const wire: WireOrder = {
    id: ids.nextOrderId,
    vendor_name: type === 2 ? "MagFlow FBE" : "MagFlow SRL",
    type,
    parent_id: null,
    date: created,
    created,
    modified: emagTimestamp(statusAt),
    status,
    is_complete: 1,
    payment_mode: payMode,
    payment_mode_id: payId,
    detailed_payment_method: payDetail,
    payment_status: payId === 3 || (delivered && payId === 1) ? 1 : 0,
    delivery_mode: locker ? "pickup" : "courier",
    observation: rng.chance(0.1) ? "Vă rog sunați înainte de livrare." : null,
    details: locker ? { locker_id: lockerId, locker_name: `easybox ${cust.shipping_city}`, locker_delivery_eligible: 1, courier_external_office_id: null } : [],
    cashed_co: payId === 3 ? Number(total.toFixed(2)) : 0,
    cashed_cod: payId === 1 && delivered ? Number(total.toFixed(2)) : 0,
    shipping_tax: shipping.toFixed(4),
    shipping_tax_voucher_split: [],
    customer: cust,
    products,
    vouchers: [],
    attachments: [],
    proforms: [],
    cancellation_request: null,
    has_editable_products: status === 2 || status === 3 ? 1 : 0,
    refunded_amount: "0",
    refund_status: null,
    reason_cancellation: reason ? { id: reason[0], name: reason[1] } : null,
    maximum_date_for_shipment: emagTimestamp(createdMs + 2 * DAY_MS),
    finalization_date: finalizedMs === undefined ? null : emagTimestamp(finalizedMs),
    late_shipment: 0,
    flags: [],
    emag_club: rng.chance(0.3) ? 1 : 0,
    weekend_delivery: 0,
    enforced_vendor_courier_accounts: null,
  };
  ids.nextOrderId += rng.int(1, 23);
  return { wire, createdMs, statusAt, buyer: buyer.index, finalizedMs, outcome: kind };
}

/** Order history: `count` orders spread over the last 120 days, ascending by id and date, placed by pool buyers. */
export function generateOrders(seed: number, account: number, count: number, offers: OfferRecord[], type: number, ids: OrderIds, nowMs: number, pool: BuyerPool): SimOrder[] {
  const rng = createRng(seed, account, 3);
  // Buyer picks on their own stream: who orders next does not depend on how many draws the
  // previous order's lines and status took.
  const picks = createRng(seed, account, 6);
  const span = 120 * DAY_MS;
  return Array.from({ length: count }, (_, k) => {
    const createdMs = nowMs - span + ((k + rng.next()) * span) / count;
    return buildOrder(rng, ids, offers, type, createdMs, nowMs, drawBuyer(pool, picks));
  });
}
