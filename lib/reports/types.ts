// The scheduled reports' shapes, defined once for lib/reports, the routes and the UI (pure zod:
// browser code imports it). A report covers one period in Europe/Bucharest (eMAG's timezone)
// against the period before it.
import { z } from "zod";
import { isoDay, pageFields } from "@/lib/api/schemas";

export const REPORT_KINDS = ["daily", "weekly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_TZ = "Europe/Bucharest";

export const reportKindParamsSchema = z.object({ kind: z.enum(REPORT_KINDS, { message: "must be daily or weekly" }) });

/** `?period=YYYY-MM-DD`: the period's first day (daily: that day; weekly: 7 days from it). Absent: the latest complete period. */
export const reportQuerySchema = z.object({
  period: z.preprocess((v) => (v === "" ? undefined : v), isoDay.optional()),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const change = z.object({ abs: z.number(), pct: z.number().nullable() });
const figures = z.object({ orders: z.number().int(), revenue: z.number(), revenue_orders: z.number().int() });

/** Orders and revenue of one account (or "all") in the period, the previous one, and the change. */
export const accountFiguresSchema = z.object({
  account: z.enum(["main", "fbe", "all"]),
  current: figures,
  previous: figures,
  change: z.object({ orders: change, revenue: change }),
});
export type AccountFigures = z.infer<typeof accountFiguresSchema>;

export const reportTopProductSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  part_number_key: z.string().nullable(),
  quantity: z.number().int(),
  orders: z.number().int(),
  /** Σ sale_price × quantity × (1 + VAT), RON. */
  revenue: z.number(),
});

export const cancellationRowSchema = z.object({
  account: z.enum(["main", "fbe", "all"]),
  orders: z.number().int(),
  cancelled: z.number().int(),
  /** cancelled / orders; null without orders. */
  rate: z.number().nullable(),
  /** Σ total of the cancelled orders (RON). */
  value: z.number(),
});

export const syncHealthRowSchema = z.object({ type: z.string(), status: z.string(), count: z.number().int() });
export const syncFailureSchema = z.object({
  id: z.string(),
  type: z.string(),
  accounts: z.array(z.string()),
  status: z.string(),
  started_at: z.string(),
  errors: z.number().int(),
  message: z.string().nullable(),
});

/**
 * eMAG API usage from the sync logs (persisted, so any instance reports the same): a sync over both
 * accounts counts its requests under "main+fbe", since the log does not split them.
 */
export const apiUsageRowSchema = z.object({
  account: z.string(),
  syncs: z.number().int(),
  requests: z.number().int(),
  /** Requests that waited for the client-side budget. */
  rate_limit_waits: z.number().int(),
  /** Errors recorded with HTTP 429 (after the client's retries). */
  rate_limited: z.number().int(),
  errors: z.number().int(),
});

export const periodSchema = z.object({ key: z.string(), from: z.string(), to: z.string(), label: z.string() });

export const reportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  generated_at: z.string(),
  timezone: z.literal(REPORT_TZ),
  currency: z.literal("RON"),
  period: periodSchema,
  previous: periodSchema,
  /** main, fbe, then all. */
  accounts: z.array(accountFiguresSchema),
  top_products: z.array(reportTopProductSchema),
  cancellations: z.array(cancellationRowSchema),
  sync: z.object({ by_type_status: z.array(syncHealthRowSchema), failures: z.array(syncFailureSchema) }),
  api_usage: z.array(apiUsageRowSchema),
});
export type Report = z.infer<typeof reportSchema>;

// Subscriptions -------------------------------------------------------------------------------

const email = z.string().trim().toLowerCase().pipe(z.email({ message: "must be an e-mail address" }).max(254, { message: "must be at most 254 characters" }));

export const createSubscriptionSchema = z
  .object({
    email,
    user_id: z.uuid({ message: "must be a user id" }).nullable().optional(),
    daily: z.boolean({ message: "must be true or false" }).default(false),
    weekly: z.boolean({ message: "must be true or false" }).default(false),
  })
  .strict();
export type CreateSubscription = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z
  .object({
    email: email.optional(),
    user_id: z.uuid({ message: "must be a user id" }).nullable().optional(),
    daily: z.boolean({ message: "must be true or false" }).optional(),
    weekly: z.boolean({ message: "must be true or false" }).optional(),
  })
  .strict();
export type UpdateSubscription = z.infer<typeof updateSubscriptionSchema>;

export const subscriptionsQuerySchema = z.object(pageFields);
export type SubscriptionsQuery = z.infer<typeof subscriptionsQuerySchema>;

export const subscriptionSchema = z.object({
  id: z.string(),
  email: z.string(),
  user_id: z.string().nullable(),
  user_name: z.string().nullable(),
  daily: z.boolean(),
  weekly: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The latest delivery to this address, if any. */
  last_delivery: z.object({ kind: z.string(), period: z.string(), status: z.string(), at: z.string(), error: z.string().nullable() }).nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
