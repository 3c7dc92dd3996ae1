"use client";
// Products per account split into active / inactive / removed, as horizontal stacked bars.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface ProductsByAccountRow {
  label: string;
  active: number;
  inactive: number;
  removed: number;
}

export function ProductsByAccountChart({ data }: { data: ProductsByAccountRow[] }) {
  const { token } = theme.useToken();
  const series = [
    { key: "active", name: "Active", color: token.colorSuccess },
    { key: "inactive", name: "Inactive", color: token.colorTextQuaternary },
    { key: "removed", name: "Removed", color: token.colorWarning },
  ] as const;
  const tick = { fill: token.colorTextSecondary, fontSize: token.fontSizeSM };

  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: "100%", height: data.length * 56 + 64 }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} stroke={token.colorBorderSecondary} />
      <XAxis type="number" tick={tick} allowDecimals={false} />
      <YAxis type="category" dataKey="label" width={56} tick={{ ...tick, fill: token.colorText }} />
      <Tooltip cursor={{ fill: token.colorFillTertiary }} contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }} />
      <Legend
        wrapperStyle={{ fontSize: token.fontSizeSM }}
        itemSorter={null}
        formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>}
      />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} stackId="products" fill={s.color} barSize={24} />
      ))}
    </BarChart>
  );
}
