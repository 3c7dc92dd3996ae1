"use client";
// Why the customer scores as it does: the loyalty formula's parts and inputs, the risk reasons
// with their points, and the RFM scores behind the segment. score_inputs is read defensively
// (its keys may grow); anything not understood is listed as it came.
import type { ReactNode } from "react";
import { Descriptions, Empty, Flex, Progress, Tag, Typography, theme } from "antd";
import { z } from "zod";
import { RiskTag, SegmentTag } from "@/components/customers/customer-tags";
import { loyaltyInputLabels, loyaltyPartLabels, riskReasonLabels } from "@/components/customers/labels";
import type { CustomerDetail } from "@/lib/ui/queries/customers";

const loyaltySchema = z.object({
  score: z.number(),
  inputs: z.record(z.string(), z.union([z.number(), z.null()])).default({}),
  parts: z.record(z.string(), z.object({ value: z.number(), weight: z.number(), points: z.number() })).default({}),
});
const riskSchema = z.object({
  points: z.number(),
  reasons: z.array(z.object({ code: z.string(), points: z.number(), count: z.number().nullish(), rate: z.number().nullish(), message: z.string().nullish() })).default([]),
});

const PART_ORDER = ["frequency", "recency", "spend", "tenure"];
const byFormula = ([a]: [string, unknown], [b]: [string, unknown]) => (PART_ORDER.indexOf(a) + 1 || 99) - (PART_ORDER.indexOf(b) + 1 || 99);
const scalar = (v: unknown) => typeof v === "number" || typeof v === "string" || typeof v === "boolean";
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const show = (v: unknown) => (typeof v === "number" ? number.format(v) : String(v));
/** "grossSpend" -> "Gross spend": the stored metric names, readable. */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^./, (c) => c.toUpperCase());

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={token.marginSM}>
      <Flex align="center" gap={token.marginXS} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra}
      </Flex>
      {children}
    </Flex>
  );
}

export function CustomerScores({ customer: c }: { customer: CustomerDetail }) {
  const { token } = theme.useToken();
  const loyalty = loyaltySchema.safeParse(c.score_inputs.loyalty);
  const risk = riskSchema.safeParse(c.score_inputs.risk);
  const metrics = c.score_inputs.metrics && typeof c.score_inputs.metrics === "object" ? Object.entries(c.score_inputs.metrics as Record<string, unknown>).filter(([, v]) => scalar(v)) : [];

  return (
    <Flex vertical gap={token.marginLG} data-testid="customer-scores">
      <Section title={`Loyalty ${c.loyalty} / 100`}>
        {loyalty.success ? (
          <>
            <Typography.Text type="secondary">100 × (0.35 frequency + 0.30 recency + 0.20 spend + 0.15 tenure); each part runs 0 to 1.</Typography.Text>
            {Object.entries(loyalty.data.parts).sort(byFormula).map(([key, p]) => (
              <Flex key={key} vertical gap={0} data-testid="customer-loyalty-part">
                <Flex justify="space-between" gap={token.marginXS}>
                  <Typography.Text>{loyaltyPartLabels[key] ?? key}</Typography.Text>
                  <Typography.Text type="secondary">{`${p.points.toFixed(1)} of ${Math.round(p.weight * 100)} points`}</Typography.Text>
                </Flex>
                <Progress percent={Math.round(p.value * 100)} size="small" showInfo={false} />
              </Flex>
            ))}
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}
              items={Object.entries(loyalty.data.inputs).map(([key, v]) => ({ key, label: loyaltyInputLabels[key] ?? key, children: v === null ? "—" : show(v) }))} />
          </>
        ) : (
          <Typography.Text type="secondary">No loyalty inputs recorded yet.</Typography.Text>
        )}
      </Section>

      <Section title="Risk" extra={<RiskTag risk={c.risk} />}>
        <Typography.Text type="secondary">Points are summed: 1 or more is medium, 3 or more is high.</Typography.Text>
        {risk.success && risk.data.reasons.length > 0 ? (
          <Flex vertical gap={token.marginXS} data-testid="customer-risk-reasons">
            {risk.data.reasons.map((r) => (
              <Flex key={r.code} justify="space-between" align="center" gap={token.marginSM}
                style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, padding: `${token.paddingXS}px ${token.paddingSM}px` }}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong>{riskReasonLabels[r.code] ?? r.code}</Typography.Text>
                  {r.message && <Typography.Text type="secondary">{r.message}</Typography.Text>}
                </Flex>
                <Tag color={r.points >= 2 ? "red" : "gold"} style={{ marginInlineEnd: 0 }}>{`+${r.points}`}</Tag>
              </Flex>
            ))}
          </Flex>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No risk signals" />
        )}
      </Section>

      <Section title="RFM segment" extra={<SegmentTag segment={c.rfm_segment} rfm={c.rfm} />}>
        {c.rfm ? (
          <Descriptions size="small" bordered column={3}
            items={[{ key: "r", label: "Recency", children: c.rfm.r }, { key: "f", label: "Frequency", children: c.rfm.f }, { key: "m", label: "Monetary", children: c.rfm.m }]} />
        ) : (
          <Typography.Text type="secondary">No purchase yet: customers are ranked once they buy.</Typography.Text>
        )}
        <Typography.Text type="secondary">Scores 1 to 5 are quintiles over every customer with a purchase; the segment comes from recency against the mean of frequency and monetary.</Typography.Text>
      </Section>

      {metrics.length > 0 && (
        <Section title="Other inputs">
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} items={metrics.map(([key, v]) => ({ key, label: words(key), children: show(v) }))} />
        </Section>
      )}
    </Flex>
  );
}
