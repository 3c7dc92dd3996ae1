// Simulated orders: Romanian customers, lines from the account's own offers, ids above 2^31.
// Older orders are mostly finalized; the last two days hold new and in-progress ones.
import { createRng, type Rng } from "../prng";
import { emagTimestamp, DAY_MS } from "../time";
import type { OfferRecord } from "./offers";
import { CANCEL_REASONS, COMPANIES, FIRST_NAMES, LAST_NAMES, LOCALITIES, PAYMENT_MODES, STREETS } from "./people-words";

export type WireOrder = Record<string, unknown> & { id: number; type: number; status: number; products: WireOrderLine[] };
export type WireOrderLine = Record<string, unknown> & { id: number; product_id: number | string; quantity: number; status: number; sale_price: string };

/** A stored order plus the simulator's bookkeeping (kept off the wire). */
export type SimOrder = { wire: WireOrder; createdMs: number; statusAt: number };

export type OrderIds = { nextOrderId: number; nextLineId: number };

const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join("");
const cancelReason = (rng: Rng) => {
  const [id, name] = rng.pick(CANCEL_REASONS);
  return { id, name };
};
const phone = (rng: Rng) => `07${rng.int(2, 8)}${rng.digits(7)}`;

function statusFor(rng: Rng, ageMs: number, type: number): number {
  if (ageMs > 7 * DAY_MS) return rng.weighted([[4, 80], [0, 12], [5, 8]] as const);
  if (ageMs > 2 * DAY_MS) return rng.weighted([[4, 60], [3, 20], [2, 10], [0, 10]] as const);
  if (type === 2) return rng.weighted([[2, 50], [3, 30], [4, 20]] as const);
  return rng.weighted([[1, 40], [2, 30], [3, 20], [0, 10]] as const);
}

function customer(rng: Rng, createdTs: string) {
  const first = rng.pick(FIRST_NAMES);
  const name = `${first} ${rng.pick(LAST_NAMES)}`;
  const company = rng.chance(0.08) ? rng.pick(COMPANIES) : null;
  const [city, county, localityId, zip] = rng.pick(LOCALITIES);
  const street = `${rng.pick(STREETS)} nr. ${rng.int(1, 180)}${rng.chance(0.5) ? `, bl. ${rng.pick(["A", "B", "C", "M"])}${rng.int(1, 30)}, ap. ${rng.int(1, 90)}` : ""}`;
  const tel = phone(rng);
  return {
    id: 2_200_000_000 + rng.int(0, 1_900_000_000),
    mkt_id: 66_000_000 + rng.int(0, 9_000_000),
    name,
    company: company ?? name,
    email: `${hex(rng, 32)}@marketplace.emag.ro`,
    gender: /a$/.test(first) ? "F" : "M",
    code: company ? `RO${rng.digits(8)}` : "",
    registration_number: company ? `J40/${rng.int(100, 9999)}/20${rng.int(10, 24)}` : "",
    bank: company ? "Banca Transilvania" : "",
    iban: company ? `RO${rng.digits(2)}BTRL${rng.digits(16)}` : "",
    fax: "",
    legal_entity: company ? 1 : 0,
    is_vat_payer: company ? 1 : 0,
    liable_person: "",
    phone_1: tel,
    phone_2: "",
    phone_3: "",
    billing_name: company ?? name,
    billing_phone: tel,
    billing_country: "RO",
    billing_suburb: county,
    billing_city: city,
    billing_locality_id: String(localityId),
    billing_street: street,
    billing_postal_code: `${zip}${rng.digits(3)}`,
    shipping_country: "RO",
    shipping_suburb: county,
    shipping_city: city,
    shipping_locality_id: localityId,
    shipping_street: street,
    shipping_postal_code: `${zip}${rng.digits(3)}`,
    shipping_contact: name,
    shipping_phone: tel,
    created: createdTs,
    modified: createdTs,
  };
}

export function buildOrder(rng: Rng, ids: OrderIds, offers: OfferRecord[], type: number, createdMs: number, nowMs: number): SimOrder {
  const created = emagTimestamp(createdMs);
  const status = statusFor(rng, nowMs - createdMs, type);
  const [payId, payMode, payDetail] = rng.weighted(PAYMENT_MODES.map((p) => [p, p[3]] as const));
  const locker = rng.chance(0.3);
  const cust = customer(rng, created);
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
  const statusAt = status <= 1 ? createdMs : Math.min(nowMs, createdMs + rng.int(1, 72) * 3_600_000);
  const finalized = status === 4 || status === 5;
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
    payment_status: payId === 3 || (finalized && payId === 1) ? 1 : 0,
    delivery_mode: locker ? "pickup" : "courier",
    observation: rng.chance(0.1) ? "Vă rog sunați înainte de livrare." : null,
    details: locker ? { locker_id: lockerId, locker_name: `easybox ${cust.shipping_city}`, locker_delivery_eligible: 1, courier_external_office_id: null } : [],
    cashed_co: payId === 3 ? Number(total.toFixed(2)) : 0,
    cashed_cod: payId === 1 && finalized ? Number(total.toFixed(2)) : 0,
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
    reason_cancellation: status === 0 ? cancelReason(rng) : null,
    maximum_date_for_shipment: emagTimestamp(createdMs + 2 * DAY_MS),
    finalization_date: finalized ? emagTimestamp(statusAt) : null,
    late_shipment: 0,
    flags: [],
    emag_club: rng.chance(0.3) ? 1 : 0,
    weekend_delivery: 0,
    enforced_vendor_courier_accounts: null,
  };
  ids.nextOrderId += rng.int(1, 23);
  return { wire, createdMs, statusAt };
}

/** Order history: `count` orders spread over the last 120 days, ascending by id and date. */
export function generateOrders(seed: number, account: number, count: number, offers: OfferRecord[], type: number, ids: OrderIds, nowMs: number): SimOrder[] {
  const rng = createRng(seed, account, 3);
  const span = 120 * DAY_MS;
  return Array.from({ length: count }, (_, k) => buildOrder(rng, ids, offers, type, nowMs - span + ((k + rng.next()) * span) / count, nowMs));
}
