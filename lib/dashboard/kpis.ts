// The dashboard's KPIs: revenue, orders and average order value for today, 7 and 30 days, each
// against the period before; cancellation and return rates; the repeat-purchase rate; the top
// products by revenue. Three statements run together over emag_orders, emag_order_lines and
// emag_returns; the result is cached ("statistics", 5 min) and dropped by order, return and customer writes.
import { cached } from "@/lib/cache";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { KPI_PERIODS, type DashboardKpis, type DashboardKpisQuery, type KpiPeriodKey, type KpiRate, type KpiWindow, type TopProduct } from "./kpis-types";

const TZ = "Europe/Bucharest";
const LABELS: Record<KpiPeriodKey, string> = { today: "Today", "7d": "Last 7 days", "30d": "Last 30 days" };

export async function dashboardKpis(q: DashboardKpisQuery): Promise<DashboardKpis> {
  return cached("statistics", `dashboard-kpis:${q.account ?? "all"}`, ["orders", "returns", "customers"], () => computeDashboardKpis(q));
}

type WindowRow = { k: KpiPeriodKey; which: "current" | "previous"; from_at: Date; to_at: Date; orders: number; revenue_orders: number; revenue: number; cancelled: number; delivered: number; returned: number };
type RepeatRow = { buyers: number; repeat_buyers: number };

/** Uncached; `now` is for tests on hand-made data. */
export async function computeDashboardKpis(q: DashboardKpisQuery, now = new Date()): Promise<DashboardKpis> {
  const account = q.account ?? null;
  const onAccount = Prisma.sql`(${account}::text IS NULL OR o.account::text = ${account}::text)`;
  const at = Prisma.sql`${now.toISOString()}::timestamptz`;
  const placed = Prisma.sql`COALESCE(o.emag_created_at, o.first_seen_at)`;
  // Revenue: not cancelled (0), not fully returned (5), in RON.
  const kept = Prisma.sql`(o.status IN (1, 2, 3, 4) AND COALESCE(o.currency, 'RON') = 'RON')`;

  const [windows, [repeat], top] = await Promise.all([
    db.$queryRaw<WindowRow[]>`
      WITH w AS (
        SELECT * FROM (VALUES
          ('today', 'current', date_trunc('day', ${at} AT TIME ZONE ${TZ}) AT TIME ZONE ${TZ}, ${at}),
          ('today', 'previous', (date_trunc('day', ${at} AT TIME ZONE ${TZ}) - interval '1 day') AT TIME ZONE ${TZ}, (${at} AT TIME ZONE ${TZ} - interval '1 day') AT TIME ZONE ${TZ}),
          ('7d', 'current', ${at} - interval '7 days', ${at}),
          ('7d', 'previous', ${at} - interval '14 days', ${at} - interval '7 days'),
          ('30d', 'current', ${at} - interval '30 days', ${at}),
          ('30d', 'previous', ${at} - interval '60 days', ${at} - interval '30 days')
        ) AS v(k, which, from_at, to_at)
      ), o AS (
        SELECT ${placed} AS placed_at, o.status, o.total, ${kept} AS kept,
          (o.status = 5 OR (o.status = 4 AND EXISTS (SELECT 1 FROM emag_returns r
            WHERE r.account = o.account AND r.emag_order_id = o.emag_order_id AND r.request_status IN (3, 6, 7)))) AS returned
        FROM emag_orders o
        WHERE ${placed} >= (SELECT min(from_at) FROM w) AND ${placed} < ${at} AND ${onAccount}
      )
      SELECT w.k, w.which, w.from_at, w.to_at, count(o.placed_at)::int AS orders,
        count(o.placed_at) FILTER (WHERE o.kept)::int AS revenue_orders,
        COALESCE(round(sum(o.total) FILTER (WHERE o.kept), 2), 0)::float8 AS revenue,
        count(o.placed_at) FILTER (WHERE o.status = 0)::int AS cancelled,
        count(o.placed_at) FILTER (WHERE o.status IN (4, 5))::int AS delivered,
        count(o.placed_at) FILTER (WHERE o.returned)::int AS returned
      FROM w LEFT JOIN o ON o.placed_at >= w.from_at AND o.placed_at < w.to_at
      GROUP BY w.k, w.which, w.from_at, w.to_at`,
    db.$queryRaw<RepeatRow[]>`
      SELECT count(*)::int AS buyers, count(*) FILTER (WHERE n >= 2)::int AS repeat_buyers
      FROM (SELECT o.customer_id, count(*) AS n FROM emag_orders o
        WHERE o.customer_id IS NOT NULL AND o.status IN (1, 2, 3, 4) AND ${placed} < ${at} AND ${onAccount} GROUP BY o.customer_id) c`,
    db.$queryRaw<TopProduct[]>`
      SELECT COALESCE(l.part_number_key, l.product_id, l.name, '?') AS key,
        (array_agg(l.name ORDER BY ${placed} DESC) FILTER (WHERE l.name IS NOT NULL))[1] AS name,
        max(l.part_number_key) AS part_number_key, max(l.product_id) AS product_id,
        sum(l.quantity)::int AS quantity, count(DISTINCT l.order_id)::int AS orders,
        round(sum(l.sale_price * l.quantity * (1 + COALESCE(l.vat_rate, 0))), 2)::float8 AS revenue
      FROM emag_order_lines l JOIN emag_orders o ON o.id = l.order_id
      WHERE ${placed} >= ${at} - interval '30 days' AND ${placed} < ${at} AND ${kept} AND l.status <> 0 AND ${onAccount}
      GROUP BY 1 ORDER BY revenue DESC, key ASC LIMIT 10`,
  ]);

  const win = (k: KpiPeriodKey, which: WindowRow["which"]): KpiWindow => {
    const r = windows.find((w) => w.k === k && w.which === which)!;
    return {
      from: r.from_at.toISOString(), to: r.to_at.toISOString(), orders: r.orders, revenue: r.revenue, revenue_orders: r.revenue_orders,
      avg_order_value: r.revenue_orders ? round2(r.revenue / r.revenue_orders) : null, cancelled: r.cancelled, delivered: r.delivered, returned: r.returned,
    };
  };
  const periods = KPI_PERIODS.map((key) => {
    const current = win(key, "current");
    const previous = win(key, "previous");
    return {
      key, label: LABELS[key], current, previous,
      change: { revenue: change(current.revenue, previous.revenue), orders: change(current.orders, previous.orders), avg_order_value: change(current.avg_order_value, previous.avg_order_value) },
    };
  });
  const month = win("30d", "current");
  const before = win("30d", "previous");
  const r = repeat ?? { buyers: 0, repeat_buyers: 0 };
  return {
    generated_at: now.toISOString(),
    currency: "RON",
    account,
    periods,
    cancellation: rate(month.cancelled, month.orders, before.cancelled, before.orders),
    returns: rate(month.returned, month.delivered, before.returned, before.delivered),
    repeat_purchase: { ...r, rate: r.buyers ? r.repeat_buyers / r.buyers : null },
    top_products: top,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** (current − previous) / previous; null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

const rate = (count: number, of: number, prevCount: number, prevOf: number): KpiRate => ({
  rate: of ? count / of : null, count, of, previous_rate: prevOf ? prevCount / prevOf : null,
});
