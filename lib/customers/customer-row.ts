// A customers row from a customer's orders and returns: the columns the upkeep and the rebuild
// both write (the database modules only read inputs and write these values). Pure.
import { buyerFromEmagCustomer } from "./keys";
import { aggOf, metricsOfAgg, type CustomerAgg, type CustomerMetrics } from "./metrics";
import { toCents } from "./money";
import { loyaltyScore, riskScore, tierFor, type LoyaltyResult, type RiskReason } from "./scores";
import type { AccountKind, CustomerOrderInput, CustomerReturnInput, OrderStatus, ReturnRequestStatus, ReturnType } from "./types";

/** The fields of eMAG's order customer that `buyerFromEmagCustomer` reads: SQL selects only these. */
export const BUYER_FIELDS = [
  "id", "email", "phone_1", "phone_2", "phone_3", "billing_phone", "name", "billing_name",
  "legal_entity", "code", "company", "registration_number", "is_vat_payer",
] as const;

/**
 * One order's metric inputs as `ORDER_TUPLE` (refresh.ts) sends them (and emag_orders.customer_input keeps them): a JSON array, so a customer's
 * orders arrive as one JSON value (parsed natively) rather than as rows parsed field by field.
 * Times are epoch milliseconds; amounts are decimal text.
 */
export type OrderTuple = [
  account: AccountKind, emagOrderId: string, createdMs: number, identityMs: number, status: number, total: string,
  currency: string | null, paymentModeId: number | null, city: string | null, shipped: boolean, reasonId: number | null,
  refunded: string | number | null, buyer: unknown[],
];

/** One RMA as `RETURN_TUPLE` (refresh.ts) sends it. */
export type ReturnTuple = [account: AccountKind, emagOrderId: string, rmaId: string, requestStatus: number, returnType: number | null, refundValue: string, createdMs: number];

/** The buyer values of a tuple (BUYER_FIELDS order) as the object buyerFromEmagCustomer reads. */
export function buyerObject(values: readonly unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  BUYER_FIELDS.forEach((f, i) => (o[f] = values[i]));
  return o;
}

const num = (s: string | number | null) => (s === null || s === "" ? null : Number(s));

export function orderInputOf(t: OrderTuple): CustomerOrderInput {
  return {
    account: t[0],
    emagOrderId: t[1],
    createdAt: new Date(t[2]),
    status: t[4] as OrderStatus,
    total: Number(t[5]),
    currency: t[6],
    paymentModeId: t[7],
    city: t[8],
    shipped: t[9],
    cancellationReasonId: t[10],
    refundedAmount: num(t[11]),
    buyer: buyerFromEmagCustomer(buyerObject(t[12]) as Parameters<typeof buyerFromEmagCustomer>[0]),
  };
}

export const returnInputOf = (t: ReturnTuple): CustomerReturnInput => ({
  account: t[0],
  emagOrderId: t[1],
  rmaId: t[2],
  requestStatus: t[3] as ReturnRequestStatus,
  returnType: t[4] as ReturnType | null,
  refundValue: Number(t[5]),
  createdAt: new Date(t[6]),
});

/** Exact decimal text of integer cents (numeric columns get it as text, never as a float). */
export function centsText(cents: number): string {
  const a = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Rates and sub-scores to 4 decimals: enough to show, and a third of the bytes of a full double. */
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * What score_inputs holds: loyalty's score, inputs and parts (value 0-1 and points; the weights are
 * DEFAULT_LOYALTY's), risk's points and reasons, and the metrics that have no column.
 */
export interface ScoreInputs {
  loyalty: { score: number; inputs: LoyaltyResult["inputs"]; parts: Record<keyof LoyaltyResult["parts"], { value: number; points: number }> };
  risk: { points: number; reasons: RiskReason[] };
  metrics: Pick<CustomerMetrics, "grossSpend" | "refunded" | "open" | "fullyReturned" | "cancelledBySeller" | "cancelledByCustomer" | "codOrders"
    | "foreignCurrencyOrders" | "daysSinceLastOrder" | "paymentModes"> & { firstPurchaseAt: string | null };
}

function scoreInputs(m: CustomerMetrics, loyalty: LoyaltyResult, risk: { points: number; reasons: RiskReason[] }): ScoreInputs {
  const p = loyalty.parts;
  const part = (x: { value: number; points: number }) => ({ value: r4(x.value), points: x.points });
  return {
    loyalty: { score: loyalty.score, inputs: loyalty.inputs, parts: { frequency: part(p.frequency), recency: part(p.recency), spend: part(p.spend), tenure: part(p.tenure) } },
    risk: { points: risk.points, reasons: risk.reasons.map((r) => ({ ...r, rate: r.rate === null ? null : r4(r.rate) })) },
    metrics: {
      grossSpend: m.grossSpend,
      refunded: m.refunded,
      open: m.open,
      fullyReturned: m.fullyReturned,
      cancelledBySeller: m.cancelledBySeller,
      cancelledByCustomer: m.cancelledByCustomer,
      codOrders: m.codOrders,
      foreignCurrencyOrders: m.foreignCurrencyOrders,
      firstPurchaseAt: iso(m.firstPurchaseAt),
      daysSinceLastOrder: m.daysSinceLastOrder,
      paymentModes: m.paymentModes,
    },
  };
}

/** The values of one customers row (snake_case = column names; timestamps as ISO text). */
export interface CustomerRowValues {
  id: string;
  kind: "person" | "company";
  name: string | null;
  email_hash: string | null;
  phone: string | null;
  phones: string[];
  company_name: string | null;
  company_cui: string | null;
  company: { cui: string; name: string | null; registration_number: string | null; vat_payer: boolean | null } | null;
  contacts: { name: string | null; phone: string | null; email_hash: string | null; orders: number; last_order_at: string }[];
  orders_total: number;
  orders_delivered: number;
  orders_cancelled: number;
  orders_returned: number;
  refused_cod: number;
  net_spend: string;
  avg_order_value: string;
  currency: string;
  first_order_at: string | null;
  last_order_at: string | null;
  accounts: Record<AccountKind, number>;
  cities: string[];
  preferred_payment_mode_id: number | null;
  tier: string;
  loyalty: number;
  risk: string;
  purchases: number;
  last_purchase_at: string | null;
  canonical_id: string;
  /** The state the row was computed from (metrics.ts CustomerAgg): the upkeep adds new orders to it. */
  agg: CustomerAgg;
}

export const BASE_CURRENCY = "RON";

/** `canonicalId`: the id the customer settles to (its oldest order's); the row's own id by default. */
export function customerRow(id: string, orders: readonly CustomerOrderInput[], returns: readonly CustomerReturnInput[], now: Date, canonicalId = id): CustomerRowValues {
  return customerRowOfAgg(id, aggOf(orders, returns, BASE_CURRENCY), now, canonicalId);
}

/**
 * The inputs behind a customer's scores (what the detail view explains), from the state its row was
 * computed from, as of `at` (its updated_at: the row's loyalty and risk were computed then). Not
 * stored: computed on read, so the upkeep writes ~30 % less per customer row.
 */
export function scoreInputsOfAgg(agg: CustomerAgg, at: Date): ScoreInputs {
  const m = metricsOfAgg(agg, { now: at, baseCurrency: BASE_CURRENCY });
  return scoreInputs(m, loyaltyScore(m), riskScore(m));
}

/** The row of a customer's aggregate state (its orders folded in with addOrders). */
export function customerRowOfAgg(id: string, agg: CustomerAgg, now: Date, canonicalId = id): CustomerRowValues {
  const m = metricsOfAgg(agg, { now, baseCurrency: BASE_CURRENCY });
  const loyalty = loyaltyScore(m);
  const risk = riskScore(m);
  // Contacts are latest first, so these are the most recently used phone and email hash.
  const latest = (pick: (c: (typeof m.contacts)[number]) => string | null) => m.contacts.map(pick).find((v) => v !== null) ?? null;
  return {
    id,
    kind: m.company ? "company" : "person",
    name: m.name,
    email_hash: latest((c) => c.emailHash) ?? m.emailHashes[0] ?? null,
    phone: latest((c) => c.phone) ?? m.phones[0] ?? null,
    phones: m.phones,
    company_name: m.company?.name ?? null,
    company_cui: m.company?.cui ?? null,
    company: m.company && { cui: m.company.cui, name: m.company.name, registration_number: m.company.registrationNumber, vat_payer: m.company.vatPayer },
    contacts: m.contacts.map((c) => ({ name: c.name, phone: c.phone, email_hash: c.emailHash, orders: c.orders, last_order_at: c.lastOrderAt.toISOString() })),
    orders_total: m.orders,
    orders_delivered: m.delivered,
    orders_cancelled: m.cancelled,
    orders_returned: m.returned,
    refused_cod: m.refusedCod,
    net_spend: centsText(m.netSpendCents),
    avg_order_value: centsText(toCents(m.averageOrderValue ?? 0)),
    currency: BASE_CURRENCY,
    first_order_at: iso(m.firstOrderAt),
    last_order_at: iso(m.lastOrderAt),
    accounts: m.accounts,
    cities: m.cities.map((c) => c.city),
    preferred_payment_mode_id: m.preferredPaymentModeId,
    tier: tierFor(m.netSpend),
    loyalty: loyalty.score,
    risk: risk.level,
    purchases: m.purchases,
    last_purchase_at: iso(m.lastPurchaseAt),
    canonical_id: canonicalId,
    agg,
  };
}
