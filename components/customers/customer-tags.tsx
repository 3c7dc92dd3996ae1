"use client";
// Small tags for a customer: tier, RFM segment (with its R/F/M scores on hover) and risk.
import { Tag, Tooltip } from "antd";
import { riskLooks, segmentColors, segmentLabel, tierLooks } from "@/components/customers/labels";
import type { CustomerSummaryRow, RfmSegment, RiskLevel, Tier } from "@/lib/ui/queries/customers";

const tight = { marginInlineEnd: 0 } as const;

export function TierTag({ tier }: { tier: Tier }) {
  const look = tierLooks[tier];
  return (
    <Tag color={look.color} style={tight} data-testid="customer-tier" data-tier={tier}>
      {look.label}
    </Tag>
  );
}

export function SegmentTag({ segment, rfm }: { segment: RfmSegment | null; rfm?: CustomerSummaryRow["rfm"] }) {
  if (!segment) {
    return (
      <Tooltip title="No purchase yet, so no RFM score">
        <Tag style={tight} data-testid="customer-segment" data-segment="none">No purchase</Tag>
      </Tooltip>
    );
  }
  const tag = (
    <Tag color={segmentColors[segment]} variant="outlined" style={tight} data-testid="customer-segment" data-segment={segment}>
      {segmentLabel(segment)}
    </Tag>
  );
  return rfm ? <Tooltip title={`Recency ${rfm.r} · Frequency ${rfm.f} · Monetary ${rfm.m} (1-5)`}>{tag}</Tooltip> : tag;
}

/** `short` drops the word "risk" (in a column headed Risk). */
export function RiskTag({ risk, short = false }: { risk: RiskLevel; short?: boolean }) {
  const look = riskLooks[risk];
  return (
    <Tag color={look.color} variant="filled" style={tight} data-testid="customer-risk" data-risk={risk}>
      {short ? look.label.replace(/ risk$/, "") : look.label}
    </Tag>
  );
}
