"use client";
// Monthly cohorts (by first-order month) against the share of them ordering again 1..12 months
// later, as a grid of percentages shaded from the theme's primary colour. The cohort column stays
// put while the months scroll sideways, so it reads at 390 px.
import { Flex, Table, Typography, theme, type TableProps } from "antd";
import dayjs from "dayjs";
import type { CustomersSummary } from "@/lib/ui/queries/customers";

type Cohort = CustomersSummary["cohorts"][number];

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;

export function CohortHeatmap({ cohorts }: { cohorts: Cohort[] }) {
  const { token } = theme.useToken();
  // The scale runs to the highest share seen, so a base with 5 % retention is not all white.
  const max = Math.max(0.01, ...cohorts.flatMap((c) => c.retention.filter((v): v is number => v !== null)));
  const shade = (v: number) => {
    const strength = Math.round(10 + (v / max) * 80);
    return { background: `color-mix(in srgb, ${token.colorPrimary} ${strength}%, ${token.colorBgContainer})`, color: strength > 50 ? token.colorTextLightSolid : token.colorText };
  };
  const cell = { textAlign: "center" as const, padding: `${token.paddingXXS}px ${token.paddingXS}px`, whiteSpace: "nowrap" as const, fontVariantNumeric: "tabular-nums" as const };

  const columns: TableProps<Cohort>["columns"] = [
    {
      title: "Cohort",
      dataIndex: "month",
      fixed: "left",
      width: 92,
      render: (m: string) => <span style={{ whiteSpace: "nowrap" }}>{dayjs(`${m}-01`).format("MMM YYYY")}</span>,
    },
    { title: "Size", dataIndex: "size", width: 64, align: "right", render: (n: number) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{n}</span> },
    ...Array.from({ length: 12 }, (_, k) => ({
      title: `+${k + 1}`,
      key: `m${k + 1}`,
      width: 56,
      onCell: (c: Cohort) => {
        const v = c.retention[k];
        return { style: { ...cell, ...(v !== null && v !== undefined && c.size > 0 ? shade(v) : {}) } };
      },
      render: (_: unknown, c: Cohort) => {
        const v = c.retention[k];
        if (v === null || v === undefined) return null; // month +k has not started yet
        return c.size > 0 ? pct(v) : "—";
      },
    })),
  ];

  return (
    <Flex vertical gap={token.marginXS}>
      <Table<Cohort>
        size="small"
        rowKey="month"
        columns={columns}
        dataSource={cohorts}
        pagination={false}
        bordered
        scroll={{ x: "max-content" }}
        data-testid="customers-cohort-heatmap"
      />
      <Flex align="center" gap={token.marginXS} wrap>
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          Share of each first-order month that ordered again 1 to 12 months later. Scale:
        </Typography.Text>
        {[0, 0.5, 1].map((f) => (
          <span key={f} style={{ ...cell, ...shade(f * max), borderRadius: token.borderRadiusSM, fontSize: token.fontSizeSM }}>
            {pct(f * max)}
          </span>
        ))}
      </Flex>
    </Flex>
  );
}
