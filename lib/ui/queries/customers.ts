// Customers in the browser: list parameters and their URL state, keys, query options, exports and
// the rebuild. Every request and response shape is the server's (lib/customers/api-types.ts).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  CUSTOMER_KINDS, CUSTOMER_SORTS, RFM_SEGMENTS, RISK_LEVELS, TIERS,
  type CustomerDetail, type CustomerList, type CustomersSummary, type ListCustomersQuery, type RebuildResult,
} from "@/lib/customers/api-types";
import { api } from "@/lib/ui/api-client";
import { accountKinds } from "@/lib/ui/queries/emag-accounts";
import { readEnum, readNumber, readPositiveInt, readText, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export type {
  CustomerDetail, CustomerList, CustomerOrder, CustomerReturn, CustomerSort, CustomerSummaryRow, CustomerTimelineEvent, CustomersSummary, RebuildResult,
} from "@/lib/customers/api-types";
export type { RfmSegment, RiskLevel, Tier } from "@/lib/customers";

/** The list's parameters, exactly the API's (parsed) query. */
export type CustomersListParams = ListCustomersQuery;
export type CustomerFilterKey = Exclude<keyof CustomersListParams, "page" | "pageSize" | "sort" | "order">;

// ---- URL state ----------------------------------------------------------------------------------

export const CUSTOMER_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20, sort: "net_spend", order: "desc" } as const;

export interface CustomersPageState extends CustomersListParams {
  /** The customer whose drawer is open (?customer=c_…), so a profile can be linked. */
  open?: string;
  /** An order of that customer opened on top (?order_id=<uuid>). */
  openOrder?: string;
}

const readDay = (sp: ReadableParams, key: string) => {
  const raw = sp.get(key);
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
};
/** A comma list of known values (unknown ones dropped), in the values' own order. */
function readList<T extends string>(sp: ReadableParams, key: string, values: readonly T[]): T[] | undefined {
  const picked = new Set((sp.get(key) ?? "").split(",").map((s) => s.trim()));
  const list = values.filter((v) => picked.has(v));
  return list.length ? list : undefined;
}

export function parseCustomersParams(sp: ReadableParams): CustomersPageState {
  const customer = readText(sp, "customer");
  return {
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    search: readText(sp, "search"),
    tier: readList(sp, "tier", TIERS),
    segment: readList(sp, "segment", RFM_SEGMENTS),
    risk: readList(sp, "risk", RISK_LEVELS),
    account: readEnum(sp, "account", accountKinds),
    city: readText(sp, "city"),
    kind: readEnum(sp, "kind", CUSTOMER_KINDS),
    first_order_from: readDay(sp, "first_order_from"),
    first_order_to: readDay(sp, "first_order_to"),
    last_order_from: readDay(sp, "last_order_from"),
    last_order_to: readDay(sp, "last_order_to"),
    min_spend: readNumber(sp, "min_spend"),
    max_spend: readNumber(sp, "max_spend"),
    sort: readEnum(sp, "sort", CUSTOMER_SORTS) ?? DEFAULTS.sort,
    order: readEnum(sp, "order", ["asc", "desc"] as const) ?? DEFAULTS.order,
    open: customer && /^c_[0-9a-z_]{1,80}$/.test(customer) ? customer : undefined,
    openOrder: readText(sp, "order_id"),
  };
}

/** The API's query: lists as comma lists, nothing for unset filters. */
export function customersQuery({ tier, segment, risk, ...rest }: Partial<CustomersListParams>) {
  return { ...rest, tier: tier?.join(","), segment: segment?.join(","), risk: risk?.join(",") };
}

// Filters, then sort, then page, then the open drawers: a copied URL reads naturally.
const serialize = ({ open, openOrder, page, pageSize, sort, order, ...filters }: CustomersPageState) =>
  toSearch({ ...customersQuery(filters), sort, order, page, pageSize, customer: open, order_id: openOrder }, DEFAULTS);

export const noCustomerFilters: { [K in CustomerFilterKey]: undefined } = {
  search: undefined, tier: undefined, segment: undefined, risk: undefined, account: undefined, city: undefined, kind: undefined,
  first_order_from: undefined, first_order_to: undefined, last_order_from: undefined, last_order_to: undefined, min_spend: undefined, max_spend: undefined,
};

export const countCustomerFilters = (p: Partial<CustomersListParams>, keys: readonly CustomerFilterKey[] = Object.keys(noCustomerFilters) as CustomerFilterKey[]) =>
  keys.filter((k) => p[k] !== undefined).length;

/** The list query's parameters: everything but the open drawers. */
export const listParamsOf = ({ open: _open, openOrder: _order, ...list }: CustomersPageState): CustomersListParams => list;

export function useCustomersUrlState() {
  return useUrlState(parseCustomersParams, serialize);
}

// ---- Queries ------------------------------------------------------------------------------------

const base = "/api/v1/customers";

export const customerKeys = {
  all: ["customers"] as const,
  lists: () => [...customerKeys.all, "list"] as const,
  list: (params: CustomersListParams) => [...customerKeys.lists(), params] as const,
  detail: (id: string, ordersPage: number, ordersPageSize: number) => [...customerKeys.all, "detail", id, ordersPage, ordersPageSize] as const,
  summary: () => [...customerKeys.all, "summary"] as const,
};

export const customerQueries = {
  list: (params: CustomersListParams) =>
    queryOptions({
      queryKey: customerKeys.list(params),
      queryFn: ({ signal }) => api.get<CustomerList>(base, { signal, query: customersQuery(params) }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string, ordersPage = 1, ordersPageSize = 10) =>
    queryOptions({
      queryKey: customerKeys.detail(id, ordersPage, ordersPageSize),
      queryFn: ({ signal }) =>
        api.get<CustomerDetail>(`${base}/${encodeURIComponent(id)}`, { signal, query: { orders_page: ordersPage, orders_page_size: ordersPageSize } }),
      // Paging the orders keeps the profile on screen.
      placeholderData: (previous) => (previous?.id === id ? previous : undefined),
    }),
  summary: () =>
    queryOptions({
      queryKey: customerKeys.summary(),
      queryFn: ({ signal }) => api.get<CustomersSummary>(`${base}/summary`, { signal }),
      staleTime: 60_000,
    }),
};

export const customersApi = {
  /** Every customer matching the list's filters, in its sort, as a file. */
  export: (format: "csv" | "xlsx", { page: _p, pageSize: _s, ...filters }: CustomersListParams) =>
    api.download(`${base}/export.${format}`, { query: customersQuery(filters) }),
  rebuild: () => api.post<RebuildResult>(`${base}/rebuild`),
};
