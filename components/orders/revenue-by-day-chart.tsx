"use client";
// Revenue per day split by account (MAIN vs FBE), as stacked bars. It only draws.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface RevenueDay {
  day: string;
  main: number;
  fbe: number;
}

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function RevenueByDayChart({ data, currency, height = 220 }: { data: RevenueDay[]; currency: string; height?: number }) {
  const { token } = theme.useToken();
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };
  const series = [
    { key: "main", name: "MAIN", color: token.colorPrimary },
    { key: "fbe", name: "FBE", color: token.colorWarning },
  ] as const;

  return (
    <BarChart data={data} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
      <XAxis dataKey="day" tick={tick} tickFormatter={(d: string) => d.slice(5)} minTickGap={12} />
      <YAxis tick={tick} width={44} tickFormatter={(v: number) => compact.format(v)} />
      <Tooltip
        cursor={{ fill: token.colorFillTertiary }}
        formatter={(v) => `${full.format(Number(v))} ${currency}`}
        contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
      />
      <Legend wrapperStyle={{ fontSize: token.fontSizeSM }} itemSorter={null} formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} stackId="revenue" fill={s.color} maxBarSize={28} />
      ))}
    </BarChart>
  );
}
