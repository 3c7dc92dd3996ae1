// buildReport(kind, now): a period's figures by SQL over PostgreSQL. Orders are placed at
// emag_created_at (else first seen) and counted in revenue like the dashboard (lib/dashboard/kpis.ts):
// status 1-4, in RON. Sync health and eMAG API usage come from sync_logs, which every instance writes,
// so the report reads the same wherever it runs (the Prometheus counters are per process).
import { change } from "@/lib/dashboard/kpis";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportPeriods, type ReportWindow } from "./period";
import { REPORT_TZ, type AccountFigures, type Report, type ReportKind } from "./types";

type FigureRow = { which: "current" | "previous"; account: "main" | "fbe"; orders: number; revenue_orders: number; revenue: number; cancelled: number; cancelled_value: number };
type Figures = AccountFigures["current"];
type Cancel = Report["cancellations"][number];

const ACCOUNTS = ["main", "fbe"] as const;
const placed = Prisma.sql`COALESCE(o.emag_created_at, o.first_seen_at)`;
const ron = Prisma.sql`COALESCE(o.currency, 'RON') = 'RON'`;
const kept = Prisma.sql`(o.status IN (1, 2, 3, 4) AND ${ron})`;
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;
// sync_logs.started_at is a UTC timestamp without time zone.
const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const round2 = (n: number) => Math.round(n * 100) / 100;

export async function buildReport(kind: ReportKind, now = new Date(), periodKey?: string): Promise<Report> {
  const { current: cur, previous: prev } = await reportPeriods(kind, now, periodKey);
  const inSyncPeriod = Prisma.sql`s.started_at >= ${utc(cur.from)} AND s.started_at < ${utc(cur.to)}`;

  const [figureRows, top, syncRows, failures, usage] = await Promise.all([
    db.$queryRaw<FigureRow[]>`
      WITH w(which, from_at, to_at) AS (VALUES ('current', ${ts(cur.from)}, ${ts(cur.to)}), ('previous', ${ts(prev.from)}, ${ts(prev.to)})),
        a(account) AS (VALUES ('main'), ('fbe'))
      SELECT w.which, a.account, count(o.id)::int AS orders,
        count(o.id) FILTER (WHERE ${kept})::int AS revenue_orders,
        COALESCE(round(sum(o.total) FILTER (WHERE ${kept}), 2), 0)::float8 AS revenue,
        count(o.id) FILTER (WHERE o.status = 0)::int AS cancelled,
        COALESCE(round(sum(o.total) FILTER (WHERE o.status = 0 AND ${ron}), 2), 0)::float8 AS cancelled_value
      FROM w CROSS JOIN a
      LEFT JOIN emag_orders o ON o.account::text = a.account AND ${placed} >= w.from_at AND ${placed} < w.to_at
      GROUP BY w.which, a.account`,
    db.$queryRaw<Report["top_products"]>`
      SELECT COALESCE(l.part_number_key, l.product_id, l.name, '?') AS key,
        (array_agg(l.name ORDER BY ${placed} DESC) FILTER (WHERE l.name IS NOT NULL))[1] AS name,
        max(l.part_number_key) AS part_number_key, sum(l.quantity)::int AS quantity, count(DISTINCT l.order_id)::int AS orders,
        round(sum(l.sale_price * l.quantity * (1 + COALESCE(l.vat_rate, 0))), 2)::float8 AS revenue
      FROM emag_order_lines l JOIN emag_orders o ON o.id = l.order_id
      WHERE ${placed} >= ${ts(cur.from)} AND ${placed} < ${ts(cur.to)} AND ${kept} AND l.status <> 0
      GROUP BY 1 ORDER BY revenue DESC, key ASC LIMIT 10`,
    db.$queryRaw<Report["sync"]["by_type_status"]>`
      SELECT s.type, s.status::text AS status, count(*)::int AS count FROM sync_logs s WHERE ${inSyncPeriod} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<(Omit<Report["sync"]["failures"][number], "started_at"> & { started_at: Date })[]>`
      SELECT s.id::text AS id, s.type, s.accounts, s.status::text AS status, (s.started_at AT TIME ZONE 'UTC') AS started_at,
        CASE WHEN jsonb_typeof(s.errors) = 'array' THEN jsonb_array_length(s.errors) ELSE 0 END::int AS errors,
        CASE WHEN jsonb_typeof(s.errors) = 'array' THEN s.errors -> -1 ->> 'message' END AS message
      FROM sync_logs s WHERE ${inSyncPeriod} AND s.status IN ('failed', 'partial')
      ORDER BY s.started_at DESC LIMIT 20`,
    db.$queryRaw<Report["api_usage"]>`
      SELECT s.label AS account, count(*)::int AS syncs, COALESCE(sum(s.api_requests), 0)::int AS requests,
        COALESCE(sum(s.rate_limit_waits), 0)::int AS rate_limit_waits,
        COALESCE(sum((SELECT count(*) FROM jsonb_array_elements(s.errs) e WHERE e ->> 'message' ILIKE '%HTTP 429%')), 0)::int AS rate_limited,
        COALESCE(sum(jsonb_array_length(s.errs)), 0)::int AS errors
      FROM (SELECT s.*, array_to_string(ARRAY(SELECT x FROM unnest(s.accounts) x ORDER BY x DESC), '+') AS label,
          CASE WHEN jsonb_typeof(s.errors) = 'array' THEN s.errors ELSE '[]'::jsonb END AS errs
        FROM sync_logs s WHERE ${inSyncPeriod}) s
      GROUP BY s.label ORDER BY s.label DESC`,
  ]);

  const get = (which: FigureRow["which"], account: FigureRow["account"]) => figureRows.find((r) => r.which === which && r.account === account)!;
  const sum = (which: FigureRow["which"]): FigureRow => {
    const [m, f] = [get(which, "main"), get(which, "fbe")];
    return { which, account: "main", orders: m.orders + f.orders, revenue_orders: m.revenue_orders + f.revenue_orders, revenue: round2(m.revenue + f.revenue), cancelled: m.cancelled + f.cancelled, cancelled_value: round2(m.cancelled_value + f.cancelled_value) };
  };
  const rows = [...ACCOUNTS.map((a) => ({ account: a, c: get("current", a), p: get("previous", a) })), { account: "all" as const, c: sum("current"), p: sum("previous") }];

  const usageRows = [...usage];
  for (const a of ACCOUNTS) if (!usageRows.some((u) => u.account === a)) usageRows.push({ account: a, syncs: 0, requests: 0, rate_limit_waits: 0, rate_limited: 0, errors: 0 });
  usageRows.sort((x, y) => y.account.localeCompare(x.account));

  return {
    kind,
    generated_at: now.toISOString(),
    timezone: REPORT_TZ,
    currency: "RON",
    period: windowOut(cur),
    previous: windowOut(prev),
    accounts: rows.map(({ account, c, p }) => ({ account, current: figures(c), previous: figures(p), change: { orders: delta(c.orders, p.orders), revenue: delta(c.revenue, p.revenue) } })),
    top_products: top,
    cancellations: rows.map(({ account, c }): Cancel => ({ account, orders: c.orders, cancelled: c.cancelled, rate: c.orders ? c.cancelled / c.orders : null, value: c.cancelled_value })),
    sync: { by_type_status: syncRows, failures: failures.map((f) => ({ ...f, started_at: f.started_at.toISOString() })) },
    api_usage: usageRows,
  };
}

const windowOut = (w: ReportWindow) => ({ key: w.key, from: w.from.toISOString(), to: w.to.toISOString(), label: w.label });
const figures = (r: FigureRow): Figures => ({ orders: r.orders, revenue: r.revenue, revenue_orders: r.revenue_orders });
const delta = (current: number, previous: number) => ({ abs: round2(current - previous), pct: change(current, previous) });
