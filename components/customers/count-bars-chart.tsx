"use client";
// Counts per category as horizontal bars, one colour per bar (tiers, segments, risk). Only draws.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";

export interface CountBar {
  key: string;
  label: string;
  count: number;
  /** A resolved colour (from the theme's tokens). */
  color: string;
}

const ROW = 30;
const count = new Intl.NumberFormat("en-GB");

export function CountBarsChart({ data, labelWidth = 120, testId }: { data: CountBar[]; labelWidth?: number; testId?: string }) {
  const { token } = theme.useToken();
  const tick = { fill: token.colorText, fontSize: token.fontSizeSM };
  return (
    <div data-testid={testId}>
      <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height: data.length * ROW + 30 }} margin={{ top: 0, right: 48, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid horizontal={false} stroke={token.colorBorderSecondary} />
        <XAxis type="number" allowDecimals={false} tick={{ ...tick, fill: token.colorTextSecondary }} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={tick} interval={0} />
        <Tooltip
          cursor={{ fill: token.colorFillTertiary }}
          formatter={(v) => [count.format(Number(v)), "Customers"]}
          contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
        />
        <Bar dataKey="count" barSize={18} radius={[0, token.borderRadiusSM, token.borderRadiusSM, 0]}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} />
          ))}
          <LabelList dataKey="count" position="right" formatter={(v) => count.format(Number(v))} style={{ fill: token.colorTextSecondary, fontSize: token.fontSizeSM }} />
        </Bar>
      </BarChart>
    </div>
  );
}
