"use client";
// Horizontal percentage bars (e.g. disk and memory usage). Only draws: data comes in as props.
import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { theme } from "antd";

export interface UsageBar {
  label: string;
  percent: number;
  /** Shown in the tooltip, e.g. "12 GB of 50 GB". */
  detail?: string;
}

interface UsageBarsChartProps {
  data: UsageBar[];
  warnAt?: number;
  dangerAt?: number;
}

const ROW_HEIGHT = 40;

export function UsageBarsChart({ data, warnAt = 80, dangerAt = 90 }: UsageBarsChartProps) {
  const { token } = theme.useToken();
  const colorFor = (percent: number) =>
    percent >= dangerAt ? token.colorError : percent >= warnAt ? token.colorWarning : token.colorPrimary;
  const rows = data.map((d) => ({ ...d, percent: Math.max(0, Math.min(100, Math.round(d.percent * 10) / 10)) }));

  return (
    <BarChart
      layout="vertical"
      data={rows}
      responsive
      style={{ width: "100%", height: rows.length * ROW_HEIGHT + 40 }}
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} stroke={token.colorBorderSecondary} />
      <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fill: token.colorTextSecondary, fontSize: token.fontSizeSM }} />
      <YAxis
        type="category"
        dataKey="label"
        width={110}
        tick={{ fill: token.colorText, fontSize: token.fontSizeSM }}
      />
      <Tooltip
        cursor={{ fill: token.colorFillTertiary }}
        formatter={(value, _name, item) => {
          const detail = (item?.payload as UsageBar | undefined)?.detail;
          return [`${String(value)}%${detail ? ` (${detail})` : ""}`, "Used"];
        }}
        contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
      />
      <Bar
        dataKey="percent"
        barSize={16}
        radius={[0, token.borderRadiusSM, token.borderRadiusSM, 0]}
        background={{ fill: token.colorFillQuaternary }}
        shape={(props: BarShapeProps) => (
          <Rectangle {...props} fill={colorFor((props.payload as UsageBar | undefined)?.percent ?? 0)} />
        )}
      />
    </BarChart>
  );
}
