// The customers summary: counts by tier, segment and risk, channels, repeat rate, top spenders,
// new vs returning per month and the monthly cohort retention matrix. Six small statements run
// together on the read pool; the result is cached ("summaries", 5 min) and dropped by any order, return or customer
// write, so a read right after a sync page shows it. Cached unmasked: the route masks per role.
import { cached } from "@/lib/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomersSummary } from "./api-types";
import { CUSTOMER_COLUMNS, customersQuery, summaryRowOf, type CustomerDbRow } from "./list-sql";
import { maskSummaryRow } from "./mask";
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS } from "./rfm";
import { TIERS } from "./scores";

const TZ = "Europe/Bucharest";
const MONTHS = 12;
const RISKS = ["low", "medium", "high"] as const;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The cached summary; the top customers' phones and CUIs masked unless `pii`. */
export async function customersSummary({ pii }: { pii: boolean }): Promise<CustomersSummary> {
  const s = await cached("summaries", "customers", ["customers", "orders", "returns"], computeCustomersSummary);
  return pii ? s : { ...s, top_customers: s.top_customers.map((c) => maskSummaryRow(c, false)) };
}

type CountRow = { key: string | null; n: number };
type BaseRow = { main_only: number; fbe_only: number; both: number; buyers: number; repeat_buyers: number; now: Date; cur: string };
/**
 * Customers by first-order month bucket `fm` and the set of month buckets they ordered in (`mask`,
 * bit b = bucket b). Buckets: 1..12 = the window's months, oldest first; 0 = before the window.
 */
type ActivityRow = { fm: number; mask: number; n: number };

// Tier, segment and risk are counted on their own indexes (index-only scans): the customer rows are
// wide (score_inputs, agg), so no statement scans the table: channels and the repeat rate read the
// (purchases, accounts) index, index-only too.
const countBy = (col: "tier" | "rfm_segment" | "risk") => customersQuery<CountRow>(Prisma.sql`SELECT ${Prisma.raw(col)} AS key, count(*)::int AS n FROM customers GROUP BY 1`);

export async function computeCustomersSummary(): Promise<CustomersSummary> {
  const [tiers, segments, risks, [base], activity, top] = await Promise.all([
    countBy("tier"),
    countBy("rfm_segment"),
    countBy("risk"),
    customersQuery<BaseRow>(Prisma.sql`SELECT
        count(*) FILTER (WHERE m > 0 AND f = 0)::int AS main_only, count(*) FILTER (WHERE f > 0 AND m = 0)::int AS fbe_only,
        count(*) FILTER (WHERE m > 0 AND f > 0)::int AS both,
        count(*) FILTER (WHERE purchases >= 1)::int AS buyers, count(*) FILTER (WHERE purchases >= 2)::int AS repeat_buyers,
        now() AS now, to_char(date_trunc('month', now() AT TIME ZONE ${TZ}), 'YYYY-MM') AS cur
      FROM (SELECT coalesce((accounts->>'main')::int, 0) AS m, coalesce((accounts->>'fbe')::int, 0) AS f, purchases FROM customers) c`),
    activityRows(),
    customersQuery<CustomerDbRow>(Prisma.sql`SELECT ${CUSTOMER_COLUMNS} FROM customers c ORDER BY c.net_spend DESC, c.id ASC LIMIT 10`),
  ]);
  const b = base!;
  const months = lastMonths(b.cur);
  const count = (rows: CountRow[], key: string | null) => rows.find((r) => r.key === key)?.n ?? 0;
  // Sums over the activity rows: customers whose first-order bucket passes `first` and who ordered in bucket `bucket`.
  const sum = (first: (fm: number) => boolean, bucket: number) => activity.reduce((s, a) => (first(a.fm) && a.mask & (1 << bucket) ? s + a.n : s), 0);
  return {
    generated_at: b.now.toISOString(),
    total_customers: tiers.reduce((s, r) => s + r.n, 0),
    by_tier: TIERS.map((t) => ({ key: t, label: cap(t), count: count(tiers, t) })),
    by_segment: [
      ...RFM_SEGMENTS.map((s) => ({ key: s, label: RFM_SEGMENT_LABELS[s], count: count(segments, s) })),
      { key: "none" as const, label: "No purchase", count: count(segments, null) },
    ],
    by_risk: RISKS.map((r) => ({ key: r, label: cap(r), count: count(risks, r) })),
    channels: { main_only: b.main_only, fbe_only: b.fbe_only, both: b.both },
    new_vs_returning: months.map((month, i) => ({ month, new: sum((fm) => fm === i + 1, i + 1), returning: sum((fm) => fm < i + 1, i + 1) })),
    repeat_purchase: { buyers: b.buyers, repeat_buyers: b.repeat_buyers, rate: b.buyers ? b.repeat_buyers / b.buyers : 0 },
    top_customers: top.map(summaryRowOf),
    cohorts: months.map((month, i) => {
      const size = sum((fm) => fm === i + 1, i + 1);
      const retention = Array.from({ length: MONTHS }, (_, k) => {
        const later = i + 1 + k + 1;
        return later > MONTHS ? null : size ? sum((fm) => fm === i + 1, later) / size : 0;
      });
      return { month, size, retention };
    }),
  };
}

/** "2025-06" -> the 12 month keys ending there, oldest first. */
function lastMonths(cur: string): string[] {
  const [y, m] = cur.split("-").map(Number) as [number, number];
  return Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (MONTHS - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/**
 * One pass over the (customer_id, emag_created_at) index (index-only, no table rows): per customer,
 * the bucket of its first order and a bitmask of the buckets it ordered in (any status), then
 * customers counted per (first bucket, mask). Bucket edges are the Europe/Bucharest month starts,
 * so no timestamp is converted per row. Orders are dated by eMAG's creation time (orders without
 * one, which eMAG never sends, are left out), and a customer's first month is its oldest order's
 * (the smallest bucket: buckets grow with time, so one per order is enough).
 */
function activityRows() {
  return customersQuery<ActivityRow>(Prisma.sql`
    WITH e AS MATERIALIZED (
      SELECT array_agg((date_trunc('month', now() AT TIME ZONE ${TZ}) + k * interval '1 month') AT TIME ZONE ${TZ} ORDER BY k) AS edges
      FROM generate_series(${1 - MONTHS}::int, 1) k
    ),
    per AS (
      SELECT min(x.b) AS fm, bit_or(1 << x.b) AS mask
      FROM (
        SELECT o.customer_id, least(width_bucket(o.emag_created_at, (SELECT edges FROM e)), ${MONTHS}::int) AS b
        FROM emag_orders o
        WHERE o.customer_id IS NOT NULL AND o.emag_created_at IS NOT NULL
      ) x
      GROUP BY x.customer_id
    )
    SELECT fm, mask, count(*)::int AS n FROM per WHERE mask > 1 GROUP BY 1, 2`);
}
