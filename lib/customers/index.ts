// The customers core: pure functions the order sync and a full rebuild both call (README.md).
export { normalizePhone } from "./phone";
export { buyerFromEmagCustomer, buyerPhones, companyCui, compareOrders, customerIdFor, identityKeys, normalizeCui, orderRefKey, type IdentityKey } from "./keys";
export { groupOrders, MemoryKeyStore, planResolution, resolveOrder, type CustomerKeyStore, type Resolution } from "./identity";
export { customerMetrics, isRefusedCod, type CompanyDetails, type CustomerContact, type CustomerMetrics, type MetricsOptions } from "./metrics";
export { daysBetween, toCents } from "./money";
export {
  DEFAULT_LOYALTY,
  DEFAULT_RISK,
  DEFAULT_TIER_THRESHOLDS,
  loyaltyScore,
  riskScore,
  tierFor,
  tierThresholdsSchema,
  type LoyaltyConfig,
  type LoyaltyResult,
  type RiskConfig,
  type RiskLevel,
  type RiskReason,
  type Tier,
  type TierThresholds,
} from "./scores";
export { fmScore, quintileScores, RFM_GRID, RFM_SEGMENT_LABELS, RFM_SEGMENTS, rfmInputOf, rfmScores, rfmSegment, type RfmInput, type RfmResult, type RfmSegment } from "./rfm";
export type * from "./types";
