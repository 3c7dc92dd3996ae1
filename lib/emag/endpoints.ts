// The typed calls, one per eMAG route. Reads send filters as top-level JSON (what live clients
// use); saves send lists, bare or wrapped in {data} per route (contract §2.2, switchable).
import { z } from "zod";
import { countSchema } from "./envelope";
import { EmagApiError } from "./errors";
import { offerSaveResultsSchema, productOfferSchema, smartDealsResultSchema } from "./schemas/offers";
import { orderSchema } from "./schemas/orders";
import { categorySchema, handlingTimeSchema, vatSchema } from "./schemas/reference";
import { rmaSchema } from "./schemas/rma";
import { addressSchema, awbSaveResultSchema, awbSchema, courierAccountSchema } from "./schemas/shipping";
import { emagCall, type TransportConfig } from "./transport";
import type * as T from "./types";
import { listOf, toWireId } from "./wire";

export type SaveShape = "list" | "wrapped";
export type SaveRoute = "product_offer/save" | "offer/save" | "order/save" | "order/attachments/save" | "awb/save";

/** [D]/[M] show bare lists for the first three; third-party clients wrap the others in {data}. */
export const DEFAULT_SAVE_SHAPES: Record<SaveRoute, SaveShape> = {
  "product_offer/save": "list",
  "offer/save": "list",
  "order/save": "list",
  "order/attachments/save": "wrapped",
  "awb/save": "wrapped",
};

/** eMAG's bulk limit per save request (contract §4). */
export const MAX_ENTITIES_PER_SAVE = 50;

const anyResults = z.unknown();
const pageSize = (n?: number) => Math.min(100, Math.max(1, n ?? 100));

/** Ids in filters and bodies go out as integers; every other key is passed as given. */
function withWireIds<V extends Record<string, unknown>>(v: V, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v };
  for (const k of keys) {
    const x = out[k];
    if (Array.isArray(x)) out[k] = x.map((i) => toWireId(i as T.EmagId));
    else if (x !== undefined && x !== null) out[k] = toWireId(x as T.EmagId);
  }
  return out;
}

export function buildEndpoints(cfg: TransportConfig, kind: T.EmagAccountKind, shapes: Record<SaveRoute, SaveShape>) {
  const post = <S extends z.ZodType>(path: string, body: unknown, results: S, o?: T.CallOptions & { idempotent?: boolean }) => {
    const [resource = path, action = ""] = path.split("/");
    return emagCall(cfg, { path, resource, action, body, results, signal: o?.signal, idempotent: o?.idempotent });
  };
  const read = <S extends z.ZodType>(path: string, filters: T.Paging & object, item: S, idKeys: string[], o?: T.CallOptions) =>
    post(path, withWireIds({ ...filters, itemsPerPage: pageSize(filters.itemsPerPage) }, idKeys), listOf(item), o);
  const count = (path: string, filters: object, idKeys: string[], o?: T.CallOptions) =>
    post(path, withWireIds({ ...filters }, idKeys), countSchema, o);

  /** Splits saves into requests of at most 50 entities and concatenates their results. */
  async function save<S extends z.ZodType>(route: SaveRoute, items: object[], results: S, idKeys: string[], o?: T.CallOptions & { idempotent?: boolean }) {
    const out: z.output<S>[] = [];
    for (let i = 0; i < items.length; i += MAX_ENTITIES_PER_SAVE) {
      const chunk = items.slice(i, i + MAX_ENTITIES_PER_SAVE).map((it) => withWireIds(it as Record<string, unknown>, idKeys));
      out.push(await post(route, shapes[route] === "list" ? chunk : { data: chunk }, results, o));
    }
    return out;
  }

  const orderType = (f: { type?: 2 | 3 }) => ({ ...f, type: f.type ?? (kind === "fbe" ? 2 : 3) });
  const orderIds = ["id"];

  return {
    productOffer: {
      read: (f: T.ProductOfferFilters = {}, o?: T.CallOptions) => read("product_offer/read", f, productOfferSchema, ["id"], o),
      count: (f: T.ProductOfferFilters = {}, o?: T.CallOptions) => count("product_offer/count", f, ["id"], o),
      save: async (items: T.ProductOfferSaveItem[], o?: T.CallOptions) => {
        await save("product_offer/save", items, anyResults, ["id"], o);
      },
    },
    offer: {
      /** Light offer update; per-offer outcomes come back (top-level isError stays false). */
      save: async (items: T.LightOfferSaveItem[], o?: T.CallOptions & { idempotent?: boolean }) =>
        (await save("offer/save", items, offerSaveResultsSchema, ["id"], o)).flat(),
    },
    offerStock: {
      /** PATCH /offer_stock/{id} with {"stock": N} (the documented integer form). */
      update: async (offerId: T.EmagId, stock: number, o?: T.CallOptions & { idempotent?: boolean }) => {
        if (!Number.isInteger(stock) || stock < 0 || stock > 65535)
          throw new EmagApiError("invalid_request", "refused locally", { account: cfg.account, resource: "offer_stock", action: "patch", messages: ["stock must be an integer 0..65535"] });
        await emagCall(cfg, { method: "PATCH", path: `offer_stock/${toWireId(offerId)}`, resource: "offer_stock", action: "patch", body: { stock }, results: anyResults, expectEmpty: true, signal: o?.signal, idempotent: o?.idempotent });
      },
    },
    smartDeals: {
      /**
       * GET /smart-deals-price-check?productId=N: the Smart Deals target price, or null when the
       * offer has none. productId is taken to be the seller offer id (unconfirmed, contract §5.11).
       */
      check: (offerId: T.EmagId, o?: T.CallOptions): Promise<number | null> =>
        emagCall(cfg, {
          method: "GET",
          path: `smart-deals-price-check?productId=${encodeURIComponent(String(toWireId(offerId)))}`,
          resource: "smart-deals-price-check",
          action: "check",
          results: smartDealsResultSchema,
          signal: o?.signal,
        }),
    },
    category: {
      read: (f: T.CategoryFilters = {}, o?: T.CallOptions) => read("category/read", f, categorySchema, [], o),
      count: (f: T.CategoryFilters = {}, o?: T.CallOptions) => count("category/count", f, [], o),
    },
    vat: { read: (o?: T.CallOptions) => post("vat/read", {}, listOf(vatSchema), o) },
    handlingTime: { read: (o?: T.CallOptions) => post("handling_time/read", {}, listOf(handlingTimeSchema), o) },
    order: {
      /** Defaults type to this account's kind (3 on MAIN, 2 on FBE): eMAG's own default is 3. */
      read: (f: T.OrderFilters = {}, o?: T.CallOptions) => read("order/read", orderType(f), orderSchema, orderIds, o),
      count: (f: T.OrderFilters = {}, o?: T.CallOptions) => count("order/count", orderType(f), orderIds, o),
      save: async (orders: T.OrderSaveItem[], o?: T.CallOptions) => {
        await save("order/save", orders, anyResults, ["id"], o);
      },
      acknowledge: async (orderId: T.EmagId, o?: T.CallOptions) => {
        const id = String(toWireId(orderId));
        await emagCall(cfg, { path: `order/acknowledge/${id}`, resource: "order", action: "acknowledge", results: anyResults, signal: o?.signal });
      },
    },
    orderAttachments: {
      save: async (items: T.OrderAttachment[], o?: T.CallOptions) => {
        await save("order/attachments/save", items, anyResults, ["order_id", "order_product_id"], o);
      },
    },
    awb: {
      /** Not retried after timeouts or 5xx: a repeated awb/save could book a second shipment. */
      save: async (req: T.AwbSaveRequest, o?: T.CallOptions) => {
        const [res] = await save("awb/save", [req], listOf(awbSaveResultSchema), ["order_id", "rma_id", "courier_account_id"], { ...o, idempotent: false });
        return res ?? [];
      },
      read: (f: T.AwbFilters, o?: T.CallOptions) => post("awb/read", withWireIds(f, ["emag_id", "reservation_id"]), listOf(awbSchema), o),
    },
    courierAccounts: { read: (o?: T.CallOptions) => post("courier_accounts/read", {}, listOf(courierAccountSchema), o) },
    addresses: { read: (o?: T.CallOptions) => post("addresses/read", {}, listOf(addressSchema), o) },
    rma: {
      read: (f: T.RmaFilters = {}, o?: T.CallOptions) => read("rma/read", f, rmaSchema, ["id", "emag_id", "order_id", "product_id"], o),
      count: (f: T.RmaFilters = {}, o?: T.CallOptions) => count("rma/count", f, ["id", "emag_id", "order_id", "product_id"], o),
    },
  };
}

export type EmagEndpoints = ReturnType<typeof buildEndpoints>;
