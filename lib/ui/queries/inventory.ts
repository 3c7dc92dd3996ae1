// Inventory in the browser: settings, items (URL state for the table), drift, the low-stock card.
// Shapes are the server's (lib/inventory/api-types.ts); keys and query options live here only.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  INVENTORY_SORTS, type InventoryItemJson, type InventoryPage, type InventorySettingsJson, type InventorySort, type ItemPatch, type LowStockJson,
  type PushResult, type SettingsBody,
} from "@/lib/inventory/api-types";
import { api } from "@/lib/ui/api-client";
import { readEnum, readPositiveInt, readText, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export type { InventoryItemJson, InventorySettingsJson, InventorySort, ItemPatch, PushResult, SettingsBody };
export type DriftRow = InventoryItemJson & { difference: number | null };

export const INVENTORY_PAGE_SIZES = [20, 50, 100] as const;
export const inventoryTabs = ["items", "drift"] as const;
export type InventoryTab = (typeof inventoryTabs)[number];

export interface InventoryItemsParams {
  page: number;
  pageSize: number;
  sort: InventorySort;
  order: "asc" | "desc";
  low?: boolean;
  search?: string;
}
export interface InventoryPageState extends InventoryItemsParams {
  tab: InventoryTab;
  driftPage: number;
}

const DEFAULTS = { page: 1, pageSize: 20, sort: "name", order: "asc", tab: "items", driftPage: 1 } as const;

export function parseInventoryParams(sp: ReadableParams): InventoryPageState {
  const low = sp.get("low");
  return {
    tab: readEnum(sp, "tab", inventoryTabs) ?? DEFAULTS.tab,
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    sort: readEnum(sp, "sort", INVENTORY_SORTS) ?? DEFAULTS.sort,
    order: readEnum(sp, "order", ["asc", "desc"] as const) ?? DEFAULTS.order,
    low: low === "1" || low === "true" ? true : undefined,
    search: readText(sp, "search"),
    driftPage: readPositiveInt(sp, "driftPage", DEFAULTS.driftPage),
  };
}

const serialize = (p: InventoryPageState) => toSearch({ tab: p.tab, search: p.search, low: p.low ? 1 : undefined, sort: p.sort, order: p.order, page: p.page, pageSize: p.pageSize, driftPage: p.driftPage }, DEFAULTS);

export const useInventoryUrlState = () => useUrlState(parseInventoryParams, serialize);
export const itemsParamsOf = ({ tab: _tab, driftPage: _d, ...p }: InventoryPageState): InventoryItemsParams => p;

const base = "/api/v1/emag/offers/inventory";

export const inventoryKeys = {
  all: ["inventory"] as const,
  settings: () => [...inventoryKeys.all, "settings"] as const,
  itemLists: () => [...inventoryKeys.all, "items"] as const,
  items: (p: InventoryItemsParams) => [...inventoryKeys.itemLists(), p] as const,
  drifts: () => [...inventoryKeys.all, "drift"] as const,
  drift: (p: { page: number; pageSize: number }) => [...inventoryKeys.drifts(), p] as const,
  lowStock: (limit: number) => [...inventoryKeys.all, "low-stock", limit] as const,
};

export const inventoryQueries = {
  settings: () => queryOptions({ queryKey: inventoryKeys.settings(), queryFn: ({ signal }) => api.get<InventorySettingsJson>(`${base}/settings`, { signal, query: { account: "main" } }) }),
  items: (p: InventoryItemsParams) =>
    queryOptions({
      queryKey: inventoryKeys.items(p),
      queryFn: ({ signal }) => api.get<InventoryPage<InventoryItemJson>>(`${base}/items`, { signal, query: { ...p, low: p.low ? "true" : undefined } }),
      placeholderData: keepPreviousData,
    }),
  drift: (p: { page: number; pageSize: number }) =>
    queryOptions({
      queryKey: inventoryKeys.drift(p),
      queryFn: ({ signal }) => api.get<InventoryPage<DriftRow>>(`${base}/drift`, { signal, query: { ...p } }),
      placeholderData: keepPreviousData,
    }),
  lowStock: (limit: number) => queryOptions({ queryKey: inventoryKeys.lowStock(limit), queryFn: ({ signal }) => api.get<LowStockJson>(`${base}/low-stock`, { signal, query: { limit } }) }),
};

export const inventoryApi = {
  updateSettings: (body: SettingsBody) => api.put<InventorySettingsJson>(`${base}/settings`, body, { query: { account: "main" } }),
  updateItem: (id: string, body: ItemPatch) => api.patch<InventoryItemJson>(`${base}/items/${encodeURIComponent(id)}`, body),
  fixDrift: (ids?: string[]) => api.post<PushResult & { marked: number }>(`${base}/drift/fix`, ids ? { ids } : {}),
};
