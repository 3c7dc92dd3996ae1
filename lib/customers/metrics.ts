// One customer's aggregates from its orders and returns. Pure and order-independent (orders are
// sorted by `compareOrders` first), so the sync and a rebuild compute the same row. Definitions: README.
import { buyerPhones, companyCui, emagCustomerKey, orderRefKey } from "./keys";
import { daysBetween, fromCents, toCents } from "./money";
import type { AccountKind, CustomerOrderInput, CustomerReturnInput } from "./types";

/** RMA request statuses meaning the return was accepted: approved, received, finalized. */
export const ACCEPTED_RETURN_STATUSES: readonly number[] = [3, 6, 7];
/** Return types that give no money back (replacements), so their refund_value is not a refund. */
export const REPLACEMENT_RETURN_TYPES: readonly number[] = [1, 2];
/** Cancellation reasons (§6.3) that are the seller's doing: stock, late shipment, the seller's request. */
export const SELLER_CANCELLATION_REASONS: readonly number[] = [1, 17, 26, 28, 31, 33, 41, 42];
/** Cancellation reasons saying the parcel went out and was not taken: undelivered, failed delivery. */
export const FAILED_DELIVERY_REASONS: readonly number[] = [20, 25];
/** Orders that count as purchases: placed and neither cancelled (0) nor fully returned (5). */
export const PURCHASE_STATUSES: readonly number[] = [1, 2, 3, 4];

export interface CompanyDetails {
  cui: string;
  name: string | null;
  registrationNumber: string | null;
  vatPayer: boolean | null;
}

export interface CustomerContact {
  name: string | null;
  phone: string | null;
  emailHash: string | null;
  orders: number;
  lastOrderAt: Date;
}

export interface CustomerMetrics {
  orders: number;
  purchases: number;
  /** Status 4. */
  delivered: number;
  /** Status 1-3. */
  open: number;
  cancelled: number;
  cancelledBySeller: number;
  cancelledByCustomer: number;
  /** Distinct orders in status 5 or with an accepted RMA. */
  returned: number;
  /** Status 5. */
  fullyReturned: number;
  codOrders: number;
  refusedCod: number;
  /** RON, 2 decimals; `*Cents` are the exact integers behind them. */
  grossSpend: number;
  refunded: number;
  netSpend: number;
  netSpendCents: number;
  averageOrderValue: number | null;
  /** Orders in another currency than the base one: counted, left out of the amounts. */
  foreignCurrencyOrders: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  daysSinceLastOrder: number | null;
  daysSinceLastPurchase: number | null;
  accounts: Record<AccountKind, number>;
  cities: { city: string; orders: number }[];
  paymentModes: { paymentModeId: number; orders: number }[];
  preferredPaymentModeId: number | null;
  name: string | null;
  company: CompanyDetails | null;
  contacts: CustomerContact[];
  phones: string[];
  emailHashes: string[];
  emagCustomerIds: string[];
}

export interface MetricsOptions {
  now: Date;
  /** Amounts are summed in this currency only. Default RON. */
  baseCurrency?: string;
}

const CITY_MEMO_SIZE = 50_000;
const cityKeys = new Map<string, string>();
/** The grouping key of a city (memoised: a base has few distinct spellings). */
const cityKey = (s: string) => {
  let key = cityKeys.get(s);
  if (key === undefined) {
    if (cityKeys.size >= CITY_MEMO_SIZE) cityKeys.clear();
    cityKeys.set(s, (key = s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s-]+/g, " ").trim()));
  }
  return key;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Cents of the order refunded: all of it in status 5, else the larger of the order's and its accepted RMAs' refunds. */
function refundedCents(o: CustomerOrderInput, totalCents: number, rmas: readonly CustomerReturnInput[]): number {
  if (o.status === 5) return totalCents;
  const rmaRefunds = rmas.length === 0 ? 0 : sum(rmas.filter((r) => r.returnType === null || !REPLACEMENT_RETURN_TYPES.includes(r.returnType)).map((r) => toCents(r.refundValue)));
  return Math.min(totalCents, Math.max(0, toCents(o.refundedAmount ?? 0), rmaRefunds));
}

/** A COD parcel the buyer did not keep: fully returned, or cancelled after it was shipped / failed delivery. */
export const isRefusedCod = (o: CustomerOrderInput) =>
  o.paymentModeId === 1 && (o.status === 5 || (o.status === 0 && (o.shipped || FAILED_DELIVERY_REASONS.includes(o.cancellationReasonId ?? -1))));

/**
 * A customer's aggregates in a form orders can be added to one at a time, in any order (every
 * "latest"/"oldest" is decided by the order's `sortKey`, not by arrival), so folding the same orders
 * gives the same state whatever their order, and `metricsOfAgg` gives what customerMetrics gives.
 * The database keeps it (customers.agg), so an order page adds its new orders to a customer without
 * reading the customer's other orders. Plain JSON: jsonb keeps it as is (objects' keys are sets).
 */
export interface CustomerAgg {
  v: 1;
  /** orders, purchases, delivered, open, cancelled, cancelledBySeller, returned, fullyReturned, codOrders, refusedCod, foreign, basePurchases. */
  n: [number, number, number, number, number, number, number, number, number, number, number, number];
  /** Cents: gross, refunded. */
  cents: [number, number];
  accounts: Record<AccountKind, number>;
  /** [sortKey, createdAt ms] of the oldest / latest order and purchase. */
  first: [string, number] | null;
  last: [string, number] | null;
  firstPurchase: [string, number] | null;
  lastPurchase: [string, number] | null;
  /** cityKey -> [orders, the latest order's spelling, its sortKey]. */
  cities: Record<string, [number, string, string]>;
  /** payment mode -> [orders, sortKey of the latest]. */
  modes: Record<string, [number, string]>;
  /** contact key -> [orders, sortKey of the latest, its name, phone, email hash, createdAt ms]. */
  contacts: Record<string, [number, string, string | null, string | null, string | null, number]>;
  /** The latest order's non-empty buyer name (else company name): [sortKey, value]. */
  name: [string, string] | null;
  /** Company orders: the latest one's CUI, and the latest non-empty name, registration number, VAT flag. */
  cui: [string, string] | null;
  companyName: [string, string] | null;
  registration: [string, string] | null;
  vat: [string, boolean] | null;
  phones: string[];
  emails: string[];
  emagIds: string[];
}

export const emptyAgg = (): CustomerAgg => ({
  v: 1, n: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], cents: [0, 0], accounts: { main: 0, fbe: 0 },
  first: null, last: null, firstPurchase: null, lastPurchase: null, cities: {}, modes: {}, contacts: {},
  name: null, cui: null, companyName: null, registration: null, vat: null, phones: [], emails: [], emagIds: [],
});

const base36 = (digits: string) => (digits.length <= 15 ? Number(digits) : BigInt(digits)).toString(36);
/**
 * A short string whose plain order is compareOrders' order: creation ms (9 base-36 digits), the
 * account's initial (`f` < `m`, as `fbe` < `main`), the order id by value (13 base-36 digits).
 */
export const sortKeyOf = (o: CustomerOrderInput) => `${o.createdAt.getTime().toString(36).padStart(9, "0")}${o.account[0]}${base36(o.emagOrderId).padStart(13, "0")}`;

const later = <V>(cur: [string, V] | null, sk: string, v: V | null): [string, V] | null => (v !== null && (cur === null || sk > cur[0]) ? [sk, v] : cur);
const earlier = <V>(cur: [string, V] | null, sk: string, v: V): [string, V] => (cur === null || sk < cur[0] ? [sk, v] : cur);

/**
 * Adds orders (with their returns: those of other orders are ignored) to `agg`, in place. An order
 * must not be in `agg` already: a changed or removed order needs the state rebuilt from all orders.
 */
export function addOrders(agg: CustomerAgg, orders: readonly CustomerOrderInput[], returns: readonly CustomerReturnInput[], baseCurrency = "RON"): CustomerAgg {
  const base = baseCurrency.toUpperCase();
  const accepted = new Map<string, CustomerReturnInput[]>();
  for (const r of returns) if (ACCEPTED_RETURN_STATUSES.includes(r.requestStatus)) accepted.set(orderRefKey(r), [...(accepted.get(orderRefKey(r)) ?? []), r]);
  const none: CustomerReturnInput[] = [];
  const n = agg.n;
  const phoneValues = new Set(agg.phones);
  const emailValues = new Set(agg.emails);
  const emagValues = new Set(agg.emagIds);
  for (const o of orders) {
    const sk = sortKeyOf(o);
    const at = o.createdAt.getTime();
    // Most customers have no accepted return: no key to build.
    const rmas = accepted.size ? (accepted.get(orderRefKey(o)) ?? none) : none;
    n[0] += 1;
    agg.accounts[o.account] += 1;
    const purchase = PURCHASE_STATUSES.includes(o.status);
    if (purchase) n[1] += 1;
    if (o.status === 4) n[2] += 1;
    if (o.status >= 1 && o.status <= 3) n[3] += 1;
    if (o.status === 0) n[4] += 1;
    if (o.status === 0 && SELLER_CANCELLATION_REASONS.includes(o.cancellationReasonId ?? -1)) n[5] += 1;
    if (o.status === 5 || rmas.length > 0) n[6] += 1;
    if (o.status === 5) n[7] += 1;
    if (o.paymentModeId === 1) n[8] += 1;
    if (isRefusedCod(o)) n[9] += 1;
    if (o.status !== 0) {
      if (o.currency !== null && o.currency !== base && o.currency.toUpperCase() !== base) n[10] += 1;
      else {
        const total = Math.max(0, toCents(o.total));
        agg.cents[0] += total;
        agg.cents[1] += refundedCents(o, total, rmas);
        if (purchase) n[11] += 1;
      }
    }
    agg.first = earlier(agg.first, sk, at);
    agg.last = later(agg.last, sk, at);
    if (purchase) {
      agg.firstPurchase = earlier(agg.firstPurchase, sk, at);
      agg.lastPurchase = later(agg.lastPurchase, sk, at);
    }
    const city = o.city?.trim();
    if (city) {
      const key = cityKey(city);
      const c = agg.cities[key];
      const label = city.replace(/\s+/g, " ");
      // The label is the latest order's spelling.
      agg.cities[key] = !c ? [1, label, sk] : sk > c[2] ? [c[0] + 1, label, sk] : [c[0] + 1, c[1], c[2]];
    }
    if (o.paymentModeId !== null) {
      const m = agg.modes[o.paymentModeId];
      agg.modes[o.paymentModeId] = !m ? [1, sk] : [m[0] + 1, sk > m[1] ? sk : m[1]];
    }
    const phones = buyerPhones(o.buyer);
    const contact = { name: o.buyer.name?.trim() || null, phone: phones[0] ?? null, emailHash: o.buyer.emailHash?.trim().toLowerCase() || null };
    const contactKey = JSON.stringify([contact.name?.toLowerCase() ?? null, contact.phone, contact.emailHash]);
    const k = agg.contacts[contactKey];
    agg.contacts[contactKey] = !k || sk > k[1] ? [(k?.[0] ?? 0) + 1, sk, contact.name, contact.phone, contact.emailHash, at] : [k[0] + 1, k[1], k[2], k[3], k[4], k[5]];
    agg.name = later(agg.name, sk, o.buyer.name?.trim() || o.buyer.companyName?.trim() || null);
    const cui = companyCui(o.buyer);
    if (cui !== null) {
      agg.cui = later(agg.cui, sk, cui);
      agg.companyName = later(agg.companyName, sk, o.buyer.companyName?.trim() || o.buyer.name?.trim() || null);
      agg.registration = later(agg.registration, sk, o.buyer.registrationNumber?.trim() || null);
      agg.vat = later(agg.vat, sk, o.buyer.vatPayer);
    }
    // The person keys' values (identityKeys as if no order were a company's).
    for (const p of phones) phoneValues.add(p);
    if (contact.emailHash) emailValues.add(contact.emailHash);
    const emagId = emagCustomerKey(o.buyer);
    if (emagId) emagValues.add(emagId);
  }
  if (phoneValues.size !== agg.phones.length) agg.phones = [...phoneValues].sort();
  if (emailValues.size !== agg.emails.length) agg.emails = [...emailValues].sort();
  if (emagValues.size !== agg.emagIds.length) agg.emagIds = [...emagValues].sort();
  return agg;
}

const dateOf = (x: [string, number] | null) => (x ? new Date(x[1]) : null);

/** The metrics of a state (customerMetrics of the orders folded into it). */
export function metricsOfAgg(agg: CustomerAgg, opts: MetricsOptions): CustomerMetrics {
  const [orders, purchases, delivered, open, cancelled, cancelledBySeller, returned, fullyReturned, codOrders, refusedCod, foreign, basePurchases] = agg.n;
  const [gross, refunded] = agg.cents;
  const net = gross - refunded;
  const company: CompanyDetails | null = agg.cui === null ? null : {
    cui: agg.cui[1],
    name: agg.companyName?.[1] ?? null,
    registrationNumber: agg.registration?.[1] ?? null,
    vatPayer: agg.vat?.[1] ?? null,
  };
  const modes = Object.entries(agg.modes).map(([id, [n, sk]]) => ({ id: Number(id), n, sk }));
  const preferred = [...modes].sort((a, b) => b.n - a.n || (b.sk > a.sk ? 1 : b.sk < a.sk ? -1 : 0))[0];
  const lastOrderAt = dateOf(agg.last);
  const lastPurchaseAt = dateOf(agg.lastPurchase);
  return {
    orders,
    purchases,
    delivered,
    open,
    cancelled,
    cancelledBySeller,
    cancelledByCustomer: cancelled - cancelledBySeller,
    returned,
    fullyReturned,
    codOrders,
    refusedCod,
    grossSpend: fromCents(gross),
    refunded: fromCents(refunded),
    netSpend: fromCents(net),
    netSpendCents: net,
    averageOrderValue: basePurchases > 0 ? fromCents(Math.round(net / basePurchases)) : null,
    foreignCurrencyOrders: foreign,
    firstOrderAt: dateOf(agg.first),
    lastOrderAt,
    firstPurchaseAt: dateOf(agg.firstPurchase),
    lastPurchaseAt,
    daysSinceLastOrder: lastOrderAt && daysBetween(lastOrderAt, opts.now),
    daysSinceLastPurchase: lastPurchaseAt && daysBetween(lastPurchaseAt, opts.now),
    accounts: { ...agg.accounts },
    cities: Object.entries(agg.cities)
      .sort(([ka, a], [kb, b]) => b[0] - a[0] || (ka < kb ? -1 : 1))
      .map(([, [n, city]]) => ({ city, orders: n })),
    paymentModes: modes.sort((a, b) => a.id - b.id).map((m) => ({ paymentModeId: m.id, orders: m.n })),
    preferredPaymentModeId: preferred?.id ?? null,
    // A company customer is named after the company, not after whoever ordered last.
    name: company?.name ?? agg.name?.[1] ?? null,
    company,
    contacts: Object.entries(agg.contacts)
      .sort(([ka, a], [kb, b]) => b[5] - a[5] || b[0] - a[0] || (ka < kb ? -1 : 1))
      .map(([, [n, , name, phone, emailHash, at]]) => ({ name, phone, emailHash, orders: n, lastOrderAt: new Date(at) })),
    phones: [...agg.phones],
    emailHashes: [...agg.emails],
    emagCustomerIds: [...agg.emagIds],
  };
}

/** The orders' and returns' state from nothing. */
export const aggOf = (orders: readonly CustomerOrderInput[], returns: readonly CustomerReturnInput[], baseCurrency = "RON") => addOrders(emptyAgg(), orders, returns, baseCurrency);

export function customerMetrics(orders: readonly CustomerOrderInput[], returns: readonly CustomerReturnInput[], opts: MetricsOptions): CustomerMetrics {
  return metricsOfAgg(aggOf(orders, returns, opts.baseCurrency ?? "RON"), opts);
}
