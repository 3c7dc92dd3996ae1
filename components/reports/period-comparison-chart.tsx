"use client";
// This period against the previous one, per account, as grouped bars. Only draws: data comes in as props.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface PeriodComparisonRow {
  label: string;
  current: number;
  previous: number;
}

export function PeriodComparisonChart({ data, currentName, previousName, format }: { data: PeriodComparisonRow[]; currentName: string; previousName: string; format: (n: number) => string }) {
  const { token } = theme.useToken();
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };
  return (
    <BarChart data={data} responsive style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
      <XAxis dataKey="label" tick={{ ...tick, fill: token.colorText }} />
      <YAxis tick={tick} width={64} tickFormatter={(v: number) => format(v)} />
      <Tooltip
        cursor={{ fill: token.colorFillTertiary }}
        formatter={(v) => format(Number(v))}
        contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
      />
      <Legend wrapperStyle={{ fontSize: token.fontSizeSM }} itemSorter={null} formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>} />
      <Bar dataKey="previous" name={previousName} fill={token.colorTextQuaternary} radius={[token.borderRadiusSM, token.borderRadiusSM, 0, 0]} />
      <Bar dataKey="current" name={currentName} fill={token.colorPrimary} radius={[token.borderRadiusSM, token.borderRadiusSM, 0, 0]} />
    </BarChart>
  );
}
