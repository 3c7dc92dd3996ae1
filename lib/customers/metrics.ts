// One customer's aggregates from its orders and returns. Pure and order-independent (orders are
// sorted by `compareOrders` first), so the sync and a rebuild compute the same row. Definitions: README.
import { buyerPhones, companyCui, compareOrders, identityKeys, orderRefKey } from "./keys";
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

const cityKey = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s-]+/g, " ").trim();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const latestValue = <T, V>(xs: readonly T[], pick: (x: T) => V | null) => {
  for (let i = xs.length - 1; i >= 0; i--) {
    const v = pick(xs[i]!);
    if (v !== null) return v;
  }
  return null;
};

/** Cents of the order refunded: all of it in status 5, else the larger of the order's and its accepted RMAs' refunds. */
function refundedCents(o: CustomerOrderInput, totalCents: number, rmas: readonly CustomerReturnInput[]): number {
  if (o.status === 5) return totalCents;
  const rmaRefunds = sum(rmas.filter((r) => r.returnType === null || !REPLACEMENT_RETURN_TYPES.includes(r.returnType)).map((r) => toCents(r.refundValue)));
  return Math.min(totalCents, Math.max(0, toCents(o.refundedAmount ?? 0), rmaRefunds));
}

/** A COD parcel the buyer did not keep: fully returned, or cancelled after it was shipped / failed delivery. */
export const isRefusedCod = (o: CustomerOrderInput) =>
  o.paymentModeId === 1 && (o.status === 5 || (o.status === 0 && (o.shipped || FAILED_DELIVERY_REASONS.includes(o.cancellationReasonId ?? -1))));

export function customerMetrics(orders: readonly CustomerOrderInput[], returns: readonly CustomerReturnInput[], opts: MetricsOptions): CustomerMetrics {
  const base = (opts.baseCurrency ?? "RON").toUpperCase();
  const sorted = [...orders].sort(compareOrders);
  const accepted = new Map<string, CustomerReturnInput[]>();
  for (const r of returns) if (ACCEPTED_RETURN_STATUSES.includes(r.requestStatus)) accepted.set(orderRefKey(r), [...(accepted.get(orderRefKey(r)) ?? []), r]);

  const m = { delivered: 0, open: 0, cancelled: 0, cancelledBySeller: 0, returned: 0, fullyReturned: 0, codOrders: 0, refusedCod: 0, foreign: 0, basePurchases: 0 };
  let gross = 0;
  let refunded = 0;
  const accounts: Record<AccountKind, number> = { main: 0, fbe: 0 };
  const cities = new Map<string, { city: string; orders: number }>();
  const modes = new Map<number, { orders: number; last: number }>();
  const contacts = new Map<string, CustomerContact>();
  sorted.forEach((o, i) => {
    const rmas = accepted.get(orderRefKey(o)) ?? [];
    accounts[o.account] += 1;
    if (o.status === 4) m.delivered += 1;
    if (o.status >= 1 && o.status <= 3) m.open += 1;
    if (o.status === 0) m.cancelled += 1;
    if (o.status === 0 && SELLER_CANCELLATION_REASONS.includes(o.cancellationReasonId ?? -1)) m.cancelledBySeller += 1;
    if (o.status === 5 || rmas.length > 0) m.returned += 1;
    if (o.status === 5) m.fullyReturned += 1;
    if (o.paymentModeId === 1) m.codOrders += 1;
    if (isRefusedCod(o)) m.refusedCod += 1;
    if (o.status !== 0) {
      if ((o.currency ?? base).toUpperCase() !== base) m.foreign += 1;
      else {
        const total = Math.max(0, toCents(o.total));
        gross += total;
        refunded += refundedCents(o, total, rmas);
        if (PURCHASE_STATUSES.includes(o.status)) m.basePurchases += 1;
      }
    }
    const city = o.city?.trim();
    if (city) {
      const key = cityKey(city);
      // Iterating oldest first, the label ends as the latest order's spelling.
      cities.set(key, { city: city.replace(/\s+/g, " "), orders: (cities.get(key)?.orders ?? 0) + 1 });
    }
    if (o.paymentModeId !== null) modes.set(o.paymentModeId, { orders: (modes.get(o.paymentModeId)?.orders ?? 0) + 1, last: i });
    const contact = { name: o.buyer.name?.trim() || null, phone: buyerPhones(o.buyer)[0] ?? null, emailHash: o.buyer.emailHash?.trim().toLowerCase() || null };
    const contactKey = JSON.stringify([contact.name?.toLowerCase() ?? null, contact.phone, contact.emailHash]);
    contacts.set(contactKey, { ...contact, orders: (contacts.get(contactKey)?.orders ?? 0) + 1, lastOrderAt: o.createdAt });
  });

  const purchases = sorted.filter((o) => PURCHASE_STATUSES.includes(o.status));
  const net = gross - refunded;
  const companyOrders = sorted.filter((o) => companyCui(o.buyer) !== null);
  const company: CompanyDetails | null = companyOrders.length === 0 ? null : {
    cui: companyCui(companyOrders.at(-1)!.buyer)!,
    name: latestValue(companyOrders, (o) => o.buyer.companyName?.trim() || o.buyer.name?.trim() || null),
    registrationNumber: latestValue(companyOrders, (o) => o.buyer.registrationNumber?.trim() || null),
    vatPayer: latestValue(companyOrders, (o) => o.buyer.vatPayer),
  };
  const preferred = [...modes].sort(([, a], [, b]) => b.orders - a.orders || b.last - a.last)[0];
  const lastOrderAt = sorted.at(-1)?.createdAt ?? null;
  const lastPurchaseAt = purchases.at(-1)?.createdAt ?? null;
  const keys = sorted.flatMap((o) => identityKeys({ ...o.buyer, legalEntity: false }));
  const keyValues = (prefix: string) => [...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))].sort();
  return {
    orders: sorted.length,
    purchases: purchases.length,
    delivered: m.delivered,
    open: m.open,
    cancelled: m.cancelled,
    cancelledBySeller: m.cancelledBySeller,
    cancelledByCustomer: m.cancelled - m.cancelledBySeller,
    returned: m.returned,
    fullyReturned: m.fullyReturned,
    codOrders: m.codOrders,
    refusedCod: m.refusedCod,
    grossSpend: fromCents(gross),
    refunded: fromCents(refunded),
    netSpend: fromCents(net),
    netSpendCents: net,
    averageOrderValue: m.basePurchases > 0 ? fromCents(Math.round(net / m.basePurchases)) : null,
    foreignCurrencyOrders: m.foreign,
    firstOrderAt: sorted[0]?.createdAt ?? null,
    lastOrderAt,
    firstPurchaseAt: purchases[0]?.createdAt ?? null,
    lastPurchaseAt,
    daysSinceLastOrder: lastOrderAt && daysBetween(lastOrderAt, opts.now),
    daysSinceLastPurchase: lastPurchaseAt && daysBetween(lastPurchaseAt, opts.now),
    accounts,
    cities: [...cities].sort(([ka, a], [kb, b]) => b.orders - a.orders || (ka < kb ? -1 : 1)).map(([, c]) => c),
    paymentModes: [...modes].sort(([a], [b]) => a - b).map(([paymentModeId, v]) => ({ paymentModeId, orders: v.orders })),
    preferredPaymentModeId: preferred?.[0] ?? null,
    // A company customer is named after the company, not after whoever ordered last.
    name: company?.name ?? latestValue(sorted, (o) => o.buyer.name?.trim() || o.buyer.companyName?.trim() || null),
    company,
    contacts: [...contacts]
      .sort(([ka, a], [kb, b]) => b.lastOrderAt.getTime() - a.lastOrderAt.getTime() || b.orders - a.orders || (ka < kb ? -1 : 1))
      .map(([, c]) => c),
    phones: keyValues("phone:"),
    emailHashes: keyValues("email:"),
    emagCustomerIds: keyValues("emag:"),
  };
}
