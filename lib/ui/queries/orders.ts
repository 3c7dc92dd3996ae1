// eMAG orders: wire types (contract: lib/orders/README.md), list parameters, keys, query options
// and the write calls. eMAG ids are decimal strings everywhere: they exceed 2^31.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { OrderReturnJson } from "@/lib/returns/types";
import { api, type Page } from "@/lib/ui/api-client";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

export const orderStatuses = [0, 1, 2, 3, 4, 5] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** eMAG's order type: 2 fulfilled by eMAG (FBE), 3 fulfilled by the seller (MAIN). */
export type OrderType = 2 | 3;

export interface OrderSummary {
  id: string;
  account: AccountKind;
  emag_order_id: string;
  type: OrderType;
  status: OrderStatus;
  status_label: string;
  customer_name: string | null;
  customer_phone: string | null;
  payment_mode: string | null;
  payment_mode_id: number | null;
  payment_status: number | null;
  delivery_mode: string | null;
  total: number | string;
  currency: string | null;
  line_count: number;
  awb_number: string | null;
  invoice_url: string | null;
  emag_created_at: string;
  acknowledged_at: string | null;
  allowed_statuses: number[];
  can_acknowledge: boolean;
  can_generate_awb: boolean;
}

export interface OrderAddress {
  contact: string | null;
  phone: string | null;
  country: string | null;
  county: string | null;
  city: string | null;
  street: string | null;
  postal_code: string | null;
  locality_id: number | string | null;
  name?: string | null;
}

export interface OrderLine {
  line_id: string | number;
  product_id: string | number;
  part_number: string | null;
  part_number_key: string | null;
  name: string | null;
  quantity: number;
  sale_price: number | string;
  vat_rate: number | string | null;
  line_total: number | string;
}

export interface OrderTimelineEntry {
  at: string;
  event: string;
  detail: string | null;
  by: string | null;
}

export interface OrderDetail extends OrderSummary {
  customer: { emag_id: string | number | null; name: string | null; email: string | null; phone: string | null; company: string | null } | null;
  /** The buyer's customer profile (lib/customers), once the upkeep has linked the order. */
  customer_id: string | null;
  shipping_address: OrderAddress | null;
  billing_address: OrderAddress | null;
  locker: { id: string; name: string | null } | null;
  shipping_tax: number | string | null;
  vouchers: { name?: string | null; value?: number | string | null; [key: string]: unknown }[];
  lines: OrderLine[];
  courier_name: string | null;
  awb: Record<string, unknown> | null;
  invoice_attached_at: string | null;
  finalized_at: string | null;
  cancellation_reason: { id: number; name: string | null } | null;
  observation: string | null;
  emag_modified_at: string | null;
  timeline: OrderTimelineEntry[];
  /** The order's eMAG returns (RMAs), newest first; the type is the server's (lib/returns/types.ts). */
  returns: OrderReturn[];
}

export type { ReturnProductJson as OrderReturnProduct } from "@/lib/returns/types";
export type OrderReturn = OrderReturnJson;

export const orderSortFields = ["emag_created_at", "total", "status", "emag_order_id"] as const;
export type OrderSortField = (typeof orderSortFields)[number];

export interface OrderFilters {
  search?: string;
  account?: AccountKind;
  status?: OrderStatus[];
  type?: OrderType;
  payment_mode_id?: number;
  date_from?: string;
  date_to?: string;
}

export interface OrdersListParams extends OrderFilters {
  page: number;
  pageSize: number;
  sort: OrderSortField;
  order: "asc" | "desc";
}

export interface OrderStatistics {
  by_status: { status: OrderStatus; count: number }[];
  by_account: { account: AccountKind; count: number; revenue: number | string }[];
  revenue_by_day: { day: string; main: number | string; fbe: number | string; orders: number }[];
  today: { new: number; unacknowledged: number; total: number };
}

export interface Courier {
  account_id: string;
  display_name: string;
  courier_name: string;
  type: string | number | null;
  active: boolean;
}

export interface OrderChange {
  order: OrderDetail;
  changed: boolean;
}

export interface StartOrderSyncBody {
  account_type: AccountKind | "both";
  mode: "incremental" | "backfill";
  days_back?: number;
}

export interface AwbBody {
  courier_account_id: string;
  parcel_number?: number;
  envelope_number?: number;
  weight?: number;
  is_oversize?: 0 | 1;
  observation?: string;
}

const base = "/api/v1/emag/orders";
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const orderKeys = {
  all: ["emag-orders"] as const,
  lists: () => [...orderKeys.all, "list"] as const,
  list: (params: OrdersListParams) => [...orderKeys.lists(), params] as const,
  detail: (id: string) => [...orderKeys.all, "detail", id] as const,
  statistics: (days: number) => [...orderKeys.all, "statistics", days] as const,
  couriers: (account: AccountKind) => [...orderKeys.all, "couriers", account] as const,
};

/** The API takes the status filter as a comma list ("1,2"). */
const listQuery = ({ status, ...rest }: OrdersListParams) => ({ ...rest, status: status?.length ? status.join(",") : undefined });

export const orderQueries = {
  list: (params: OrdersListParams) =>
    queryOptions({
      queryKey: orderKeys.list(params),
      queryFn: ({ signal }) => api.get<Page<OrderSummary>>(base, { signal, query: listQuery(params) }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: orderKeys.detail(id),
      queryFn: ({ signal }) => api.get<OrderDetail>(one(id), { signal }),
    }),
  statistics: (days = 30) =>
    queryOptions({
      queryKey: orderKeys.statistics(days),
      queryFn: ({ signal }) => api.get<OrderStatistics>(`${base}/statistics`, { signal, query: { days } }),
    }),
  couriers: (account: AccountKind) =>
    queryOptions({
      queryKey: orderKeys.couriers(account),
      queryFn: ({ signal }) => api.get<{ data: Courier[] }>(`${base}/couriers`, { signal, query: { account } }),
      select: (res) => res.data,
      staleTime: 5 * 60_000,
    }),
};

/** Order actions; errors arrive as ApiClientErrors (a 409 carries eMAG's rule in its message). */
export const ordersApi = {
  sync: (body: StartOrderSyncBody) => api.post<{ sync_id: string; status: "running"; accounts: AccountKind[]; mode: string }>(`${base}/sync`, body),
  acknowledge: (id: string) => api.post<OrderChange>(`${one(id)}/acknowledge`),
  setStatus: (id: string, status: number, reasonCancellation?: number) =>
    api.put<OrderChange>(`${one(id)}/status`, { status, ...(status === 0 ? { reason_cancellation: reasonCancellation } : {}) }),
  generateAwb: (id: string, body: AwbBody) => api.post<OrderChange>(`${one(id)}/awb`, body),
  attachInvoiceUrl: (id: string, url: string, name?: string) => api.post<OrderChange>(`${one(id)}/invoice`, { url, ...(name ? { name } : {}) }),
  uploadInvoice: (id: string, file: File, name?: string) => {
    const form = new FormData();
    form.set("file", file);
    if (name) form.set("name", name);
    return api.post<OrderChange>(`${one(id)}/invoice`, form);
  },
};
