"use client";
// Customers per month: first order in the month (new) and ordering again (returning), stacked. Only draws.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";
import dayjs from "dayjs";
import type { CustomersSummary } from "@/lib/ui/queries/customers";

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

export function NewReturningChart({ data, height = 260 }: { data: CustomersSummary["new_vs_returning"]; height?: number }) {
  const { token } = theme.useToken();
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };
  return (
    <div data-testid="customers-new-returning-chart">
      <BarChart data={data} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
        <XAxis dataKey="month" tick={tick} tickFormatter={(m: string) => dayjs(`${m}-01`).format("MMM YY")} minTickGap={4} />
        <YAxis tick={tick} width={40} allowDecimals={false} tickFormatter={(v: number) => compact.format(v)} />
        <Tooltip
          cursor={{ fill: token.colorFillTertiary }}
          labelFormatter={(m) => dayjs(`${String(m)}-01`).format("MMMM YYYY")}
          contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
        />
        <Legend wrapperStyle={{ fontSize: token.fontSizeSM }} formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>} />
        <Bar dataKey="new" name="New" stackId="customers" fill={token.colorPrimary} maxBarSize={32} />
        <Bar dataKey="returning" name="Returning" stackId="customers" fill={token.colorSuccess} maxBarSize={32} />
      </BarChart>
    </div>
  );
}
