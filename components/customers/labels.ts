// Display names and colours of customer values, shared by the list, the drawer and the overview.
// Colours are antd preset names: tags take them as they are, charts read token[name].
import type { PresetColorKey } from "antd/es/theme/interface";
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS } from "@/lib/customers";
import { CUSTOMER_KINDS, RISK_LEVELS, TIERS } from "@/lib/customers/api-types";
import type { RfmSegment, RiskLevel, Tier } from "@/lib/ui/queries/customers";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const tierLooks: Record<Tier, { label: string; color: PresetColorKey }> = {
  bronze: { label: "Bronze", color: "orange" },
  silver: { label: "Silver", color: "geekblue" },
  gold: { label: "Gold", color: "gold" },
  platinum: { label: "Platinum", color: "purple" },
};

export const riskLooks: Record<RiskLevel, { label: string; color: PresetColorKey }> = {
  low: { label: "Low risk", color: "green" },
  medium: { label: "Medium risk", color: "gold" },
  high: { label: "High risk", color: "red" },
};

/** Good segments green-blue, slipping ones warm, gone ones red. */
export const segmentColors: Record<RfmSegment, PresetColorKey> = {
  champions: "green",
  loyal: "cyan",
  potential_loyalists: "blue",
  new: "geekblue",
  promising: "lime",
  need_attention: "gold",
  at_risk: "orange",
  cant_lose_them: "volcano",
  hibernating: "purple",
  lost: "red",
};
export const segmentLabel = (s: RfmSegment) => RFM_SEGMENT_LABELS[s];

export const kindLabels: Record<(typeof CUSTOMER_KINDS)[number], string> = { person: "Person", company: "Company" };

export const tierOptions = TIERS.map((value) => ({ value, label: tierLooks[value].label }));
export const segmentOptions = RFM_SEGMENTS.map((value) => ({ value, label: RFM_SEGMENT_LABELS[value] }));
export const riskOptions = RISK_LEVELS.map((value) => ({ value, label: cap(value) }));
export const kindOptions = CUSTOMER_KINDS.map((value) => ({ value, label: kindLabels[value] }));

/** eMAG's RMA request_status and return_type (contract §8). */
export const returnStatusLabels: Record<number, string> = { 1: "Incomplete", 2: "New", 3: "Approved", 4: "Refused", 5: "Canceled", 6: "Received", 7: "Finalized" };
export const returnTypeLabels: Record<number, string> = { 1: "Replacement", 2: "Replacement", 3: "Refund", 4: "Contract cancelled", 5: "Voucher" };

/** Names of the loyalty parts and risk reasons the upkeep stores in score_inputs (lib/customers/scores.ts). */
export const loyaltyPartLabels: Record<string, string> = { frequency: "Frequency", recency: "Recency", spend: "Spend", tenure: "Tenure" };
export const loyaltyInputLabels: Record<string, string> = {
  purchases: "Purchases",
  netSpend: "Net spend (RON)",
  daysSinceLastPurchase: "Days since last purchase",
  activeDays: "Days between first and last purchase",
};
export const riskReasonLabels: Record<string, string> = {
  refused_cod: "Refused cash on delivery",
  cancellations: "Cancellations",
  returns: "Returns",
  inactive: "Inactive",
};
