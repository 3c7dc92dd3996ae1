"use client";
// The customer's spend per month (bars) and in total over time (line), from the orders in the
// timeline: an order counts in the month it was placed unless it was cancelled or fully returned.
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { Empty, theme } from "antd";
import dayjs from "dayjs";
import type { CustomerTimelineEvent } from "@/lib/ui/queries/customers";

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface SpendMonth {
  month: string;
  spend: number;
  total: number;
}

/** Months from the first to the last kept order, empty months included. */
export function spendByMonth(events: CustomerTimelineEvent[]): SpendMonth[] {
  const dropped = new Set(events.filter((e) => e.kind === "order_cancelled" || e.kind === "order_returned").map((e) => e.order_id ?? e.emag_order_id));
  const kept = events.filter((e) => e.kind === "order_placed" && e.amount !== null && !dropped.has(e.order_id ?? e.emag_order_id));
  if (!kept.length) return [];
  const sums = new Map<string, number>();
  for (const e of kept) {
    const m = dayjs(e.at).format("YYYY-MM");
    sums.set(m, (sums.get(m) ?? 0) + (e.amount ?? 0));
  }
  const months = [...sums.keys()].sort();
  const out: SpendMonth[] = [];
  let total = 0;
  for (let m = dayjs(`${months[0]}-01`); !m.isAfter(dayjs(`${months.at(-1)}-01`)); m = m.add(1, "month")) {
    const spend = Math.round((sums.get(m.format("YYYY-MM")) ?? 0) * 100) / 100;
    total += spend;
    out.push({ month: m.format("YYYY-MM"), spend, total: Math.round(total * 100) / 100 });
  }
  return out;
}

export function CustomerSpendChart({ events, currency, height = 220 }: { events: CustomerTimelineEvent[]; currency: string; height?: number }) {
  const { token } = theme.useToken();
  const data = spendByMonth(events);
  if (!data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No kept orders to chart" />;
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };
  return (
    <div data-testid="customer-spend-chart">
      <ComposedChart data={data} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
        <XAxis dataKey="month" tick={tick} minTickGap={8} />
        <YAxis yAxisId="month" tick={tick} width={44} tickFormatter={(v: number) => compact.format(v)} />
        <YAxis yAxisId="total" orientation="right" tick={tick} width={44} tickFormatter={(v: number) => compact.format(v)} />
        <Tooltip
          cursor={{ fill: token.colorFillTertiary }}
          formatter={(v, name) => [`${full.format(Number(v))} ${currency}`, name]}
          contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
        />
        <Bar yAxisId="month" dataKey="spend" name="In the month" fill={token.colorPrimary} maxBarSize={28} />
        <Line yAxisId="total" dataKey="total" name="In total" stroke={token.colorWarning} strokeWidth={2} dot={false} type="monotone" />
      </ComposedChart>
    </div>
  );
}
