// Public surface of the eMAG integration. The simulator is imported separately from
// "@/lib/emag/simulator" so the app bundle does not pull it into every route.
export { createEmagClient, type CreateEmagClientOptions, type EmagClient } from "./client";
export { emagAccountConfig, emagAccountSummary, emagSimulatorUrl, getEmagClient, resetEmagClients, setEmagSimulatorUrl, type EmagAccountConfig } from "./config";
export { EmagApiError, isEmagApiError, type EmagErrorCode } from "./errors";
export { createEmagRateLimiter, EMAG_BUDGETS, bucketForPath, type EmagBucket, type EmagRateLimiter, type EmagUsage } from "./limiter";
export type { BucketUsage } from "./limiter-usage";
export { fetchPagesConcurrently, readAll, readPages } from "./paging";
export { MAX_ENTITIES_PER_SAVE } from "./endpoints";
export type { EmagCount } from "./envelope";
export type { ProductOffer, OfferSaveItemResult } from "./schemas/offers";
export type { EmagOrder, EmagOrderProduct, EmagOrderCustomer } from "./schemas/orders";
export type { EmagCategory, EmagVat, EmagHandlingTime } from "./schemas/reference";
export type { EmagAwb, EmagAwbSaveResult, EmagCourierAccount, EmagAddress } from "./schemas/shipping";
export type { EmagRma } from "./schemas/rma";
export type * from "./types";
