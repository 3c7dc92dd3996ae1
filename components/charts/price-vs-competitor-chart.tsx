"use client";
// Our price now, our price after the repricer, and the best offer on eMAG, per offer. Only draws:
// rows come in as props.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface PriceCompareRow {
  label: string;
  current: number | null;
  target: number | null;
  best: number | null;
}

export function PriceVsCompetitorChart({ data, height = 240 }: { data: PriceCompareRow[]; height?: number }) {
  const { token } = theme.useToken();
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };
  const series = [
    { key: "current", name: "Our price now", color: token.colorTextQuaternary },
    { key: "target", name: "Our new price", color: token.colorPrimary },
    { key: "best", name: "Best offer on eMAG", color: token.colorWarning },
  ] as const;
  return (
    <BarChart data={data} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
      <XAxis dataKey="label" tick={tick} interval="preserveStartEnd" />
      <YAxis tick={tick} width={56} />
      <Tooltip cursor={{ fill: token.colorFillTertiary }} contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }} />
      <Legend wrapperStyle={{ fontSize: token.fontSizeSM }} formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} maxBarSize={24} radius={[token.borderRadiusSM, token.borderRadiusSM, 0, 0]} />
      ))}
    </BarChart>
  );
}
