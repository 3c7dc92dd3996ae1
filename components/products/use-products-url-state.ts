"use client";
// The products table's page, sort, search and filters, kept in the URL.
import { accountKinds } from "@/lib/ui/queries/emag-accounts";
import { productSortFields, productStatuses, type ProductFilters, type ProductsListParams } from "@/lib/ui/queries/emag-products";
import { readEnum, readNumber, readPositiveInt, readText, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export const PRODUCT_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20, sort: "name", order: "asc" } as const;

export function parseProductsParams(sp: ReadableParams): ProductsListParams {
  const validation = readNumber(sp, "validation_status");
  return {
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    search: readText(sp, "search"),
    account: readEnum(sp, "account", accountKinds),
    status: readEnum(sp, "status", productStatuses),
    brand: readText(sp, "brand"),
    validation_status: validation !== undefined && Number.isInteger(validation) ? validation : undefined,
    stock_min: readNumber(sp, "stock_min"),
    stock_max: readNumber(sp, "stock_max"),
    price_min: readNumber(sp, "price_min"),
    price_max: readNumber(sp, "price_max"),
    sort: readEnum(sp, "sort", productSortFields) ?? DEFAULTS.sort,
    order: readEnum(sp, "order", ["asc", "desc"] as const) ?? DEFAULTS.order,
  };
}

// Same key order every time, so a copied URL reads naturally: filters, then sort, then page.
const serialize = (p: ProductsListParams) =>
  toSearch(
    {
      search: p.search,
      account: p.account,
      status: p.status,
      brand: p.brand,
      validation_status: p.validation_status,
      stock_min: p.stock_min,
      stock_max: p.stock_max,
      price_min: p.price_min,
      price_max: p.price_max,
      sort: p.sort,
      order: p.order,
      page: p.page,
      pageSize: p.pageSize,
    },
    DEFAULTS,
  );

export const noProductFilters: { [K in keyof Required<ProductFilters>]: undefined } = {
  search: undefined,
  account: undefined,
  status: undefined,
  brand: undefined,
  validation_status: undefined,
  stock_min: undefined,
  stock_max: undefined,
  price_min: undefined,
  price_max: undefined,
};

export const countProductFilters = (p: ProductsListParams, keys: readonly (keyof ProductFilters)[] = Object.keys(noProductFilters) as (keyof ProductFilters)[]) =>
  keys.filter((k) => p[k] !== undefined).length;

export function useProductsUrlState() {
  return useUrlState(parseProductsParams, serialize);
}
