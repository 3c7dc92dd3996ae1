// The Customers API's request and response shapes, defined once for the routes and the UI
// (house-style debt "Types shared between the server and the UI"). Pure: zod and the customer core
// only, so browser code may import it. Field names are snake_case like the rest of the JSON API.
// Masking: without `customers.pii`, every phone is masked (`+40 7** *** 456`) and the company's CUI,
// registration number, bank and IBAN are masked too (`pii_masked: true` says so); the shapes do not change.
import { z } from "zod";
import type { AccountKind } from "@/lib/accounts/service";
import { isoDay, pageFields } from "@/lib/api/schemas";
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS } from "./rfm";
import { TIERS } from "./scores";

export { RFM_SEGMENT_LABELS, RFM_SEGMENTS, TIERS };
/** What `score_inputs` holds as the upkeep writes it (loyalty {score, inputs, parts}, risk {points, reasons}, metrics). */
export type { ScoreInputs as CustomerScoreInputs } from "./customer-row";
export const RISK_LEVELS = ["low", "medium", "high"] as const;
export const CUSTOMER_KINDS = ["person", "company"] as const;
const ACCOUNTS = ["main", "fbe"] as const satisfies readonly AccountKind[];

// ---- List query ---------------------------------------------------------------------------------

/** Sortable columns; every sort ends with `id` as a tiebreak, so pages never overlap. */
export const CUSTOMER_SORTS = [
  "net_spend", "orders_total", "purchases", "orders_delivered", "orders_cancelled", "orders_returned", "refused_cod",
  "avg_order_value", "first_order_at", "last_order_at", "loyalty", "name",
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const opt = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
/** `a,b` or a repeated parameter (`?tier=a&tier=b`), each value one of `values`. */
const listOf = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  opt(
    z.preprocess(
      (v) => [v].flat().flatMap((s) => (typeof s === "string" ? s.split(",") : [s])).map((s) => (typeof s === "string" ? s.trim() : s)).filter((s) => s !== ""),
      z.array(z.enum(values, { message: `must be ${name}: ${values.join(", ")} (a comma list for several)` })).min(1).max(values.length * 2),
    ),
  );
const money = z.coerce.number({ message: "must be a number" }).min(0, { message: "must be at least 0" }).max(1e12, { message: "is too large" });

const filterFields = {
    tier: listOf(TIERS, "a tier"),
    segment: listOf(RFM_SEGMENTS, "an RFM segment"),
    risk: listOf(RISK_LEVELS, "a risk level"),
    /** Customers who ordered on this account (accounts->>account > 0), whatever else they used. */
    account: opt(z.enum(ACCOUNTS, { message: "must be main or fbe" })),
    /** One of the customer's cities, exact spelling as listed in `cities` (case-insensitive). */
    city: opt(z.string().trim().min(1).max(100)),
    /** `company` = legal entities (orders with a CUI), `person` = everyone else. */
    kind: opt(z.enum(CUSTOMER_KINDS, { message: "must be person or company" })),
    /** Day ranges, inclusive, Europe/Bucharest days. */
    first_order_from: opt(isoDay),
    first_order_to: opt(isoDay),
    last_order_from: opt(isoDay),
    last_order_to: opt(isoDay),
    /** Net spend range, RON, inclusive. */
    min_spend: opt(money),
    max_spend: opt(money),
    /** Name (substring, trigram-indexed), phone in any spelling, company name or CUI (with or without RO). */
    search: opt(z.string().trim().min(1).max(200)),
    sort: z.enum(CUSTOMER_SORTS, { message: `must be one of ${CUSTOMER_SORTS.join(", ")}` }).default("net_spend"),
    order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("desc"),
};

type Ranges = { first_order_from?: string; first_order_to?: string; last_order_from?: string; last_order_to?: string; min_spend?: number; max_spend?: number };
/** A range's end before its start is refused, naming the end field. */
function checkRanges(q: Ranges, ctx: z.RefinementCtx) {
  const check = (from: string | number | undefined, to: string | number | undefined, field: string) => {
    if (from !== undefined && to !== undefined && from > to) ctx.addIssue({ code: "custom", path: [field], message: "must not be before the range's start" });
  };
  check(q.first_order_from, q.first_order_to, "first_order_to");
  check(q.last_order_from, q.last_order_to, "last_order_to");
  check(q.min_spend, q.max_spend, "max_spend");
}

/** The list's filters and sort (also used by the exports). */
export const customerFiltersSchema = z.object(filterFields).superRefine(checkRanges);
export type CustomerFilters = z.infer<typeof customerFiltersSchema>;

/** GET /api/v1/customers: the filters plus `page` (from 1) and `pageSize` (1..100, default 20). */
export const listCustomersQuerySchema = z.object({ ...filterFields, ...pageFields }).superRefine(checkRanges);
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;

/** GET /api/v1/customers/{id}: the page of the customer's orders (newest first). */
export const customerDetailQuerySchema = z.object({
  orders_page: pageFields.page,
  orders_page_size: pageFields.pageSize,
});
export type CustomerDetailQuery = z.infer<typeof customerDetailQuerySchema>;

export const customerIdParamsSchema = z.object({
  id: z.string().regex(/^c_[0-9a-z_]{1,80}$/, { message: "must be a customer id (c_…)" }),
});

// ---- Responses ----------------------------------------------------------------------------------

const isoInstant = z.string(); // ISO 8601 UTC, e.g. 2025-01-01T10:00:00.000Z

/** GET /api/v1/customers: one list row. Amounts are RON numbers with 2 decimals. */
export const customerSummaryRowSchema = z.object({
  id: z.string(),
  kind: z.enum(CUSTOMER_KINDS),
  /** Company name for a company, else the latest order's buyer name. */
  name: z.string().nullable(),
  /** Primary phone, E.164 (masked without customers.pii). */
  phone: z.string().nullable(),
  company_name: z.string().nullable(),
  /** Digits only (masked without customers.pii). */
  company_cui: z.string().nullable(),
  tier: z.enum(TIERS),
  /** 0-100. */
  loyalty: z.number().int(),
  risk: z.enum(RISK_LEVELS),
  /** Null for customers without a purchase (not in the RFM base). */
  rfm_segment: z.enum(RFM_SEGMENTS).nullable(),
  rfm_segment_label: z.string().nullable(),
  rfm: z.object({ r: z.number().int(), f: z.number().int(), m: z.number().int() }).nullable(),
  orders_total: z.number().int(),
  /** Orders in status 1-4 (placed, neither cancelled nor fully returned): the RFM frequency. */
  purchases: z.number().int(),
  orders_delivered: z.number().int(),
  orders_cancelled: z.number().int(),
  orders_returned: z.number().int(),
  /** Cash-on-delivery parcels not taken. */
  refused_cod: z.number().int(),
  net_spend: z.number(),
  avg_order_value: z.number(),
  currency: z.string().nullable(),
  first_order_at: isoInstant.nullable(),
  last_order_at: isoInstant.nullable(),
  /** Orders per account. */
  accounts: z.object({ main: z.number().int(), fbe: z.number().int() }),
  /** Most-used first. */
  cities: z.array(z.string()),
  /** 1 cash on delivery, 2 bank transfer, 3 card. */
  preferred_payment_mode_id: z.number().int().nullable(),
  /** True when phones and company identifiers in this row are masked. */
  pii_masked: z.boolean(),
});
export type CustomerSummaryRow = z.infer<typeof customerSummaryRowSchema>;

export const customerListSchema = z.object({
  data: z.array(customerSummaryRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** True when `total` is the planner's estimate (large unfiltered-ish lists), false when counted. */
  total_estimated: z.boolean(),
});
export type CustomerList = z.infer<typeof customerListSchema>;

export const customerCompanySchema = z.object({
  cui: z.string().nullable(),
  name: z.string().nullable(),
  registration_number: z.string().nullable(),
  vat_payer: z.boolean().nullable(),
  bank: z.string().nullable(),
  iban: z.string().nullable(),
});

export const customerContactSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email_hash: z.string().nullable(),
  orders: z.number().int(),
  last_order_at: isoInstant.nullable(),
});

export const customerOrderSchema = z.object({
  id: z.string(),
  account: z.enum(ACCOUNTS),
  emag_order_id: z.string(),
  status: z.number().int(),
  status_label: z.string(),
  total: z.number(),
  currency: z.string().nullable(),
  payment_mode_id: z.number().int().nullable(),
  /** emag_created_at, else when the sync first saw it. */
  created_at: isoInstant,
  city: z.string().nullable(),
  awb_number: z.string().nullable(),
});

export const customerReturnSchema = z.object({
  id: z.string(),
  account: z.enum(ACCOUNTS),
  emag_rma_id: z.string(),
  emag_order_id: z.string().nullable(),
  order_id: z.string().nullable(),
  /** 1 incomplete, 2 new, 3 approved, 4 refused, 5 canceled, 6 received, 7 finalized. */
  request_status: z.number().int(),
  /** 1/2 replacement, 3 refund, 4 cancel contract, 5 voucher. */
  return_type: z.number().int().nullable(),
  return_reason: z.number().int().nullable(),
  refund_value: z.number(),
  date: isoInstant.nullable(),
});

export const TIMELINE_KINDS = ["order_placed", "order_cancelled", "order_returned", "return_requested"] as const;
export const customerTimelineEventSchema = z.object({
  at: isoInstant,
  kind: z.enum(TIMELINE_KINDS),
  account: z.enum(ACCOUNTS),
  emag_order_id: z.string().nullable(),
  order_id: z.string().nullable(),
  emag_rma_id: z.string().nullable(),
  amount: z.number().nullable(),
  label: z.string(),
});

/** GET /api/v1/customers/{id}. */
export const customerDetailSchema = customerSummaryRowSchema.extend({
  /** Every phone seen, E.164, sorted (masked without customers.pii). */
  phones: z.array(z.string()),
  email_hash: z.string().nullable(),
  company: customerCompanySchema.nullable(),
  /** People who ordered (for a company: its contacts), latest first. */
  contacts: z.array(customerContactSchema),
  /**
   * The inputs and reasons behind loyalty and risk, as the upkeep stored them: `loyalty`
   * ({score, inputs, parts}, lib/customers/scores.ts LoyaltyResult), `risk` ({level, points,
   * reasons[]}), and any metric inputs (e.g. purchases). Shown as-is; keys may grow.
   */
  score_inputs: z.record(z.string(), z.unknown()),
  created_at: isoInstant,
  updated_at: isoInstant,
  /** The customer's orders, newest first (orders_page / orders_page_size). */
  orders: z.object({ data: z.array(customerOrderSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  /** Every return (RMA) of the customer, newest first. */
  returns: z.array(customerReturnSchema),
  /** Orders placed, cancellations, full returns and RMAs, newest first (the latest 500). */
  timeline: z.array(customerTimelineEventSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
export type CustomerOrder = z.infer<typeof customerOrderSchema>;
export type CustomerReturn = z.infer<typeof customerReturnSchema>;
export type CustomerTimelineEvent = z.infer<typeof customerTimelineEventSchema>;
export type CustomerCompany = z.infer<typeof customerCompanySchema>;

const countOf = <K extends z.ZodType>(key: K) => z.object({ key, label: z.string(), count: z.number().int() });

/** GET /api/v1/customers/summary (cached 5 min; invalidated by order, return and customer writes). */
export const customersSummarySchema = z.object({
  generated_at: isoInstant,
  total_customers: z.number().int(),
  by_tier: z.array(countOf(z.enum(TIERS))),
  /** Every segment, plus key `none` for customers without a purchase. */
  by_segment: z.array(countOf(z.union([z.enum(RFM_SEGMENTS), z.literal("none")]))),
  by_risk: z.array(countOf(z.enum(RISK_LEVELS))),
  /** Customers by the accounts they ordered on. */
  channels: z.object({ main_only: z.number().int(), fbe_only: z.number().int(), both: z.number().int() }),
  /**
   * The last 12 months (oldest first, current month last; Europe/Bucharest): customers whose first
   * order fell in the month (`new`) and customers who ordered in the month after an earlier first order (`returning`).
   * Orders of any status, dated by eMAG's creation time.
   */
  new_vs_returning: z.array(z.object({ month: z.string(), new: z.number().int(), returning: z.number().int() })),
  /** Customers with 2+ purchases (status 1-4) over customers with 1+ (rate 0..1). */
  repeat_purchase: z.object({ buyers: z.number().int(), repeat_buyers: z.number().int(), rate: z.number() }),
  /** The 10 highest net spenders. */
  top_customers: z.array(customerSummaryRowSchema),
  /**
   * Monthly cohorts by first-order month, the last 12 (oldest first). `retention[k-1]` is the share
   * (0..1) of the cohort with an order (any status) in month +k; null where month +k has not started yet.
   */
  cohorts: z.array(z.object({ month: z.string(), size: z.number().int(), retention: z.array(z.number().nullable()).length(12) })),
});
export type CustomersSummary = z.infer<typeof customersSummarySchema>;

/** POST /api/v1/customers/rebuild. */
export const rebuildResultSchema = z.object({ customers: z.number().int(), orders: z.number().int(), ms: z.number() });
export type RebuildResult = z.infer<typeof rebuildResultSchema>;
