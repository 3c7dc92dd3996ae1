"use client";
// Customers by the accounts they ordered on: MAIN only, FBE only, both. A donut with its legend. Only draws.
import { Cell, Legend, Pie, PieChart, Tooltip } from "recharts";
import { theme } from "antd";
import type { CustomersSummary } from "@/lib/ui/queries/customers";

const count = new Intl.NumberFormat("en-GB");

export function ChannelsChart({ channels, height = 240 }: { channels: CustomersSummary["channels"]; height?: number }) {
  const { token } = theme.useToken();
  const total = channels.main_only + channels.fbe_only + channels.both;
  const data = [
    { key: "main", name: "MAIN only", value: channels.main_only, color: token.colorPrimary },
    { key: "fbe", name: "FBE only", value: channels.fbe_only, color: token.colorWarning },
    { key: "both", name: "Both", value: channels.both, color: token.colorSuccess },
  ];
  const share = (v: number) => (total ? `${Math.round((v / total) * 100)}%` : "—");
  return (
    <div data-testid="customers-channels-chart">
      <PieChart responsive style={{ width: "100%", height }} accessibilityLayer>
        <Pie data={data} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="80%" paddingAngle={2} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} stroke={token.colorBgContainer} />
          ))}
        </Pie>
        <Tooltip formatter={(v, name) => [`${count.format(Number(v))} (${share(Number(v))})`, name]} contentStyle={{ borderRadius: token.borderRadius, borderColor: token.colorBorderSecondary }} />
        <Legend
          wrapperStyle={{ fontSize: token.fontSizeSM }}
          itemSorter={null}
          formatter={(value: string, entry) => (
            <span style={{ color: token.colorTextSecondary }}>{`${value} · ${share(Number((entry.payload as { value?: number } | undefined)?.value ?? 0))}`}</span>
          )}
        />
      </PieChart>
    </div>
  );
}
