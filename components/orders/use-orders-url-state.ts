"use client";
// The orders page's state in the URL: table page, sort, search and filters, plus the order whose
// drawer is open (?order_id=<uuid>), so a link to one order can be shared.
import { accountKinds } from "@/lib/ui/queries/emag-accounts";
import { orderSortFields, orderStatuses, type OrderFilters, type OrderStatus, type OrdersListParams } from "@/lib/ui/queries/orders";
import { readEnum, readPositiveInt, readText, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export const ORDER_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20, sort: "emag_created_at", order: "desc" } as const;

export interface OrdersPageState extends OrdersListParams {
  /** Our uuid of the order shown in the drawer. */
  open?: string;
}

const readDay = (sp: ReadableParams, key: string) => {
  const raw = sp.get(key);
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
};

function readStatuses(sp: ReadableParams): OrderStatus[] | undefined {
  const picked = (sp.get("status") ?? "")
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((s) => Number(s))
    .filter((n): n is OrderStatus => (orderStatuses as readonly number[]).includes(n));
  return picked.length ? [...new Set(picked)].sort() : undefined;
}

function readInt<T extends number>(sp: ReadableParams, key: string, values: readonly T[]): T | undefined {
  const n = Number(sp.get(key));
  return (values as readonly number[]).includes(n) ? (n as T) : undefined;
}

/**
 * `order` is the sort direction here (as on every table), but links elsewhere (notifications) may
 * say `?order=<uuid>`: anything that is not a direction is read as the order to open.
 */
function linkedOrder(sp: ReadableParams): string | undefined {
  const raw = readText(sp, "order");
  return raw && raw !== "asc" && raw !== "desc" ? raw : undefined;
}

export function parseOrdersParams(sp: ReadableParams): OrdersPageState {
  return {
    page: readPositiveInt(sp, "page", DEFAULTS.page),
    pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
    search: readText(sp, "search"),
    account: readEnum(sp, "account", accountKinds),
    status: readStatuses(sp),
    type: readInt(sp, "type", [2, 3] as const),
    payment_mode_id: readInt(sp, "payment_mode_id", [1, 2, 3] as const),
    date_from: readDay(sp, "date_from"),
    date_to: readDay(sp, "date_to"),
    sort: readEnum(sp, "sort", orderSortFields) ?? DEFAULTS.sort,
    order: readEnum(sp, "order", ["asc", "desc"] as const) ?? DEFAULTS.order,
    open: readText(sp, "order_id") ?? linkedOrder(sp),
  };
}

// Filters, then sort, then page, then the open drawer: a copied URL reads naturally.
const serialize = (p: OrdersPageState) =>
  toSearch(
    {
      search: p.search,
      account: p.account,
      status: p.status?.join(","),
      type: p.type,
      payment_mode_id: p.payment_mode_id,
      date_from: p.date_from,
      date_to: p.date_to,
      sort: p.sort,
      order: p.order,
      page: p.page,
      pageSize: p.pageSize,
      order_id: p.open,
    },
    DEFAULTS,
  );

export const noOrderFilters: { [K in keyof Required<OrderFilters>]: undefined } = {
  search: undefined,
  account: undefined,
  status: undefined,
  type: undefined,
  payment_mode_id: undefined,
  date_from: undefined,
  date_to: undefined,
};

export const countOrderFilters = (p: OrderFilters) => (Object.keys(noOrderFilters) as (keyof OrderFilters)[]).filter((k) => p[k] !== undefined).length;

/** The list query's parameters: everything but the open drawer. */
export const listParamsOf = ({ open: _open, ...list }: OrdersPageState): OrdersListParams => list;

export function useOrdersUrlState() {
  return useUrlState(parseOrdersParams, serialize);
}
