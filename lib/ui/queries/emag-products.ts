// Synced eMAG products: wire types, list parameters, keys and query options.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "@/lib/ui/api-client";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

/** Decimals may arrive as numbers or as decimal strings. */
export type Decimal = number | string | null;

export interface Product {
  id: string;
  account: AccountKind;
  emag_offer_id: string;
  part_number: string | null;
  part_number_key: string | null;
  name: string;
  brand: string | null;
  category_id: number | null;
  sale_price: Decimal;
  recommended_price: Decimal;
  min_sale_price: Decimal;
  max_sale_price: Decimal;
  currency: string | null;
  vat_id: number | null;
  general_stock: number | string | null;
  estimated_stock: number | string | null;
  /** Days until dispatch (eMAG's handling_time); FBE offers carry eMAG's. */
  handling_time?: number | null;
  stock: { warehouse_id: number | string; value: number | string }[] | null;
  /** "active" | "inactive" | "removed", or eMAG's 0/1/2 from an older row. */
  status: string | number | null;
  validation_status: number | string | null;
  offer_validation_status: number | string | null;
  number_of_offers: number | null;
  buy_button_rank: number | null;
  best_offer_sale_price: Decimal;
  best_offer_recommended_price: Decimal;
  images: string[] | null;
  eans: string[] | null;
  local_edits: Record<string, unknown> | null;
  first_seen_at: string | null;
  last_synced_at: string | null;
  removed_at: string | null;
}

export interface ProductDetail extends Product {
  /** The offer as eMAG last sent it. */
  raw: unknown;
}

export const productStatuses = ["active", "inactive", "removed"] as const;
export type ProductStatus = (typeof productStatuses)[number];
export const productSortFields = ["name", "sale_price", "general_stock", "last_synced_at", "part_number"] as const;
export type ProductSortField = (typeof productSortFields)[number];

export interface ProductFilters {
  search?: string;
  account?: AccountKind;
  status?: ProductStatus;
  brand?: string;
  validation_status?: number;
  stock_min?: number;
  stock_max?: number;
  price_min?: number;
  price_max?: number;
}

export interface ProductsListParams extends ProductFilters {
  page: number;
  pageSize: number;
  sort: ProductSortField;
  order: "asc" | "desc";
}

const base = "/api/v1/emag/products";

export const productKeys = {
  all: ["emag-products"] as const,
  lists: () => [...productKeys.all, "list"] as const,
  list: (params: ProductsListParams) => [...productKeys.lists(), params] as const,
  detail: (id: string) => [...productKeys.all, "detail", id] as const,
};

export const productQueries = {
  list: (params: ProductsListParams) =>
    queryOptions({
      queryKey: productKeys.list(params),
      queryFn: ({ signal }) => api.get<Page<Product>>(`${base}/products`, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: productKeys.detail(id),
      queryFn: ({ signal }) => api.get<ProductDetail>(`${base}/products/${encodeURIComponent(id)}`, { signal }),
    }),
};

/** The CSV of every product matching the list's filters, in the list's order. */
export const exportProducts = ({ page: _page, pageSize: _pageSize, ...rest }: ProductsListParams) =>
  api.download(`${base}/export.csv`, { query: { ...rest } });
