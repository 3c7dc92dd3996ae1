// Route table. Paths are below /api-3; ids in REST-style paths become params and never reach
// the stats keys (order/acknowledge/3115229985 is counted as "order/acknowledge").
import type { RouteHandler } from "../context";
import { acknowledgeOrder, countOrders, readOrders, saveAttachments, saveOrders } from "./orders";
import { countOffers, patchOfferStock, readOffers, saveLightOffers, saveProductOffers, smartDealsCheck } from "./products";
import { countCategories, countRmas, readCategories, readHandlingTimes, readRmas, readVat } from "./reference";
import { readAddresses, readAwb, readCourierAccounts, saveAwb } from "./shipping";

const POST_ROUTES: Record<string, RouteHandler> = {
  "product_offer/read": readOffers,
  "product_offer/count": countOffers,
  "product_offer/save": saveProductOffers,
  "offer/save": saveLightOffers,
  "category/read": readCategories,
  "category/count": countCategories,
  "vat/read": readVat,
  "handling_time/read": readHandlingTimes,
  "order/read": readOrders,
  "order/count": countOrders,
  "order/save": saveOrders,
  "order/attachments/save": saveAttachments,
  "awb/save": saveAwb,
  "awb/read": readAwb,
  "courier_accounts/read": readCourierAccounts,
  "addresses/read": readAddresses,
  "rma/read": readRmas,
  "rma/count": countRmas,
};

const GET_ROUTES: Record<string, RouteHandler> = {
  "smart-deals-price-check": smartDealsCheck,
};

export type ResolvedRoute = { key: string; handler?: RouteHandler; params: string[] };

export function resolveRoute(method: string, path: string): ResolvedRoute {
  const seg = path.split("/").filter(Boolean);
  if (seg[0] === "order" && seg[1] === "acknowledge" && seg.length === 3)
    return { key: "order/acknowledge", handler: method === "POST" ? acknowledgeOrder : undefined, params: [seg[2]!] };
  if (seg[0] === "offer_stock" && seg.length === 2)
    return { key: "offer_stock", handler: method === "PATCH" ? patchOfferStock : undefined, params: [seg[1]!] };
  const key = seg.join("/");
  const handler = method === "POST" ? POST_ROUTES[key] : method === "GET" ? GET_ROUTES[key] : undefined;
  return { key: handler ? key : "unknown", handler, params: [] };
}

/** eMAG's budget buckets: every /order/... route shares one, everything else another. */
export const simBucketFor = (key: string) => (key === "order" || key.startsWith("order/") ? "orders" : "default");
export type SimBucket = ReturnType<typeof simBucketFor>;
