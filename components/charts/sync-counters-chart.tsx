"use client";
// Stacked bars of what each recent sync did (created / updated / unchanged / removed / failed).
// Only draws: rows come in as props, oldest first.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface SyncCountersRow {
  label: string;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  failed: number;
}

export function SyncCountersChart({ data, height = 260 }: { data: SyncCountersRow[]; height?: number }) {
  const { token } = theme.useToken();
  const series = [
    { key: "created", name: "Created", color: token.colorSuccess },
    { key: "updated", name: "Updated", color: token.colorPrimary },
    { key: "unchanged", name: "Unchanged", color: token.colorTextQuaternary },
    { key: "removed", name: "Removed", color: token.colorWarning },
    { key: "failed", name: "Failed", color: token.colorError },
  ] as const;
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };

  return (
    <BarChart data={data} responsive style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
      <XAxis dataKey="label" tick={tick} interval="preserveStartEnd" />
      <YAxis tick={tick} width={48} allowDecimals={false} />
      <Tooltip cursor={{ fill: token.colorFillTertiary }} contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }} />
      <Legend
        wrapperStyle={{ fontSize: token.fontSizeSM }}
        itemSorter={null}
        formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>}
      />
      {series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stackId="counters"
          fill={s.color}
          maxBarSize={40}
          radius={i === series.length - 1 ? [token.borderRadiusSM, token.borderRadiusSM, 0, 0] : 0}
        />
      ))}
    </BarChart>
  );
}
