"use client";
// Our price now, our price after the repricer, and the best offer on eMAG, per offer. Only draws:
// rows come in as props. Offers of very different prices (50 next to 2,500) share a log scale, so
// the cheap ones do not shrink to nothing.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { theme } from "antd";
import { formatMoney } from "@/lib/ui/format";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export interface PriceCompareRow {
  label: string;
  current: number | null;
  target: number | null;
  best: number | null;
}

/** Above this ratio between the highest and the lowest price, the axis goes logarithmic. */
const LOG_SPREAD = 8;

/** A log axis from the power of ten under the lowest price, ticked at 1-2-5 steps; null: stay linear. */
function logScale(prices: number[]): { domain: [number, number]; ticks: number[] } | null {
  if (!prices.length) return null;
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  if (max / min <= LOG_SPREAD) return null;
  const lo = 10 ** Math.floor(Math.log10(min));
  const hi = max * 1.1;
  const ticks: number[] = [];
  for (let p = lo; p <= hi; p *= 10) for (const m of [1, 2, 5]) if (p * m <= hi) ticks.push(p * m);
  return { domain: [lo, hi], ticks };
}

export function PriceVsCompetitorChart({ data, height = 240 }: { data: PriceCompareRow[]; height?: number }) {
  const { token } = theme.useToken();
  const prices = data.flatMap((r) => [r.current, r.target, r.best]).filter((v): v is number => typeof v === "number" && v > 0);
  const logAxis = logScale(prices);
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
      <YAxis tick={tick} width={56} tickFormatter={(v: number) => compact.format(v)} {...(logAxis ? { scale: "log" as const, domain: logAxis.domain, ticks: logAxis.ticks, allowDataOverflow: true } : {})} />
      <Tooltip
        cursor={{ fill: token.colorFillTertiary }}
        formatter={(v) => (typeof v === "number" ? formatMoney(v) : String(v))}
        contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }}
      />
      <Legend wrapperStyle={{ fontSize: token.fontSizeSM }} itemSorter={null} formatter={(value: string) => <span style={{ color: token.colorTextSecondary }}>{value}</span>} />
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} maxBarSize={24} radius={[token.borderRadiusSM, token.borderRadiusSM, 0, 0]} />
      ))}
    </BarChart>
  );
}
