// GET /api/v1/dashboard/kpis: its query and response, defined once for the route and the UI
// (house-style debt "Types shared between the server and the UI"). Pure zod: browser code imports it.
import { z } from "zod";
import type { AccountKind } from "@/lib/accounts/service";

const ACCOUNTS = ["main", "fbe"] as const satisfies readonly AccountKind[];

/** `?account=main|fbe` narrows every figure to one account; absent (or empty) = both. */
export const dashboardKpisQuerySchema = z.object({
  account: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ACCOUNTS, { message: "must be main or fbe" }).optional()),
});
export type DashboardKpisQuery = z.infer<typeof dashboardKpisQuerySchema>;

export const KPI_PERIODS = ["today", "7d", "30d"] as const;
export type KpiPeriodKey = (typeof KPI_PERIODS)[number];

const isoInstant = z.string();
const ratio = z.number().nullable();

/**
 * Figures of the orders placed in [from, to) (placed = emag_created_at, else first seen).
 * Revenue counts orders in status 1-4 (not cancelled, not fully returned) in RON; other currencies are left out.
 */
export const kpiWindowSchema = z.object({
  from: isoInstant,
  to: isoInstant,
  /** Every order placed, any status. */
  orders: z.number().int(),
  /** Σ total of the orders counted in revenue, RON, 2 decimals. */
  revenue: z.number(),
  revenue_orders: z.number().int(),
  /** revenue / revenue_orders; null without such orders. */
  avg_order_value: z.number().nullable(),
  /** Status 0. */
  cancelled: z.number().int(),
  /** Status 4 or 5: the orders that reached the customer. */
  delivered: z.number().int(),
  /** Delivered orders fully returned (status 5) or with an accepted RMA (request_status 3, 6 or 7). */
  returned: z.number().int(),
});
export type KpiWindow = z.infer<typeof kpiWindowSchema>;

/**
 * One period against the one before it. `today` runs from Bucharest midnight to now and is compared
 * with yesterday up to the same time of day; `7d` and `30d` are rolling windows ending now.
 * A change is (current − previous) / previous, null when the previous figure is 0.
 */
export const kpiPeriodSchema = z.object({
  key: z.enum(KPI_PERIODS),
  label: z.string(),
  current: kpiWindowSchema,
  previous: kpiWindowSchema,
  change: z.object({ revenue: ratio, orders: ratio, avg_order_value: ratio }),
});
export type KpiPeriod = z.infer<typeof kpiPeriodSchema>;

/** A rate over the last 30 days and the 30 before (0..1, null with no denominator). */
export const kpiRateSchema = z.object({ rate: ratio, count: z.number().int(), of: z.number().int(), previous_rate: ratio });
export type KpiRate = z.infer<typeof kpiRateSchema>;

export const topProductSchema = z.object({
  /** part_number_key, else the seller's product id, else the line's name. */
  key: z.string(),
  name: z.string().nullable(),
  part_number_key: z.string().nullable(),
  product_id: z.string().nullable(),
  quantity: z.number().int(),
  orders: z.number().int(),
  /** Σ sale_price × quantity × (1 + VAT) over the lines, RON. */
  revenue: z.number(),
});
export type TopProduct = z.infer<typeof topProductSchema>;

export const dashboardKpisSchema = z.object({
  generated_at: isoInstant,
  currency: z.literal("RON"),
  account: z.enum(ACCOUNTS).nullable(),
  periods: z.array(kpiPeriodSchema),
  /** Cancelled / placed, and returned / delivered, for the orders placed in the last 30 days. */
  cancellation: kpiRateSchema,
  returns: kpiRateSchema,
  /**
   * All time: customers with 2+ purchases (orders in status 1-4) over customers with 1+ (the
   * customers summary's definition, here counted from the orders so that `account` applies).
   */
  repeat_purchase: z.object({ buyers: z.number().int(), repeat_buyers: z.number().int(), rate: ratio }),
  /** The 10 products with the most revenue over the last 30 days (lines of orders counted in revenue). */
  top_products: z.array(topProductSchema),
});
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>;
