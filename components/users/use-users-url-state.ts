"use client";
// The users table's page, sort and filters live in the URL, so a view can be shared and survives reloads.
import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { isRole } from "@/lib/auth/permissions";
import { userSortFields, type UserSortField, type UsersListParams } from "@/lib/ui/queries/users";

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20, sort: "createdAt", order: "desc" } as const;

type ReadableParams = Pick<URLSearchParams, "get">;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function parseUsersParams(sp: ReadableParams): UsersListParams {
  const sort = sp.get("sort");
  const role = sp.get("role");
  const active = sp.get("active");
  const search = sp.get("search")?.trim();
  return {
    page: positiveInt(sp.get("page"), DEFAULTS.page),
    pageSize: positiveInt(sp.get("pageSize"), DEFAULTS.pageSize, 100),
    search: search || undefined,
    role: isRole(role) ? role : undefined,
    active: active === "true" ? true : active === "false" ? false : undefined,
    sort: (userSortFields as readonly string[]).includes(sort ?? "") ? (sort as UserSortField) : DEFAULTS.sort,
    order: sp.get("order") === "asc" ? "asc" : DEFAULTS.order,
  };
}

function toSearch(params: UsersListParams): string {
  const out = new URLSearchParams();
  if (params.search) out.set("search", params.search);
  if (params.role) out.set("role", params.role);
  if (params.active !== undefined) out.set("active", String(params.active));
  if (params.sort !== DEFAULTS.sort || params.order !== DEFAULTS.order) {
    out.set("sort", params.sort);
    out.set("order", params.order);
  }
  if (params.page !== DEFAULTS.page) out.set("page", String(params.page));
  if (params.pageSize !== DEFAULTS.pageSize) out.set("pageSize", String(params.pageSize));
  const qs = out.toString();
  return qs ? `?${qs}` : "";
}

export function hasUserFilters(params: UsersListParams): boolean {
  return !!params.search || !!params.role || params.active !== undefined;
}

export function useUsersUrlState() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parseUsersParams(searchParams), [searchParams]);

  /** Merges `patch` into the URL. Filter changes go back to page 1. */
  const setParams = useCallback(
    (patch: Partial<UsersListParams>, opts: { resetPage?: boolean } = {}) => {
      const next = { ...params, ...patch, ...(opts.resetPage ? { page: 1 } : {}) };
      // Native replaceState is wired into the App Router (useSearchParams updates) and, unlike
      // router.replace, does not re-run the server page for what is purely client-side table state.
      window.history.replaceState(null, "", `${pathname}${toSearch(next)}`);
    },
    [params, pathname],
  );

  const clearFilters = useCallback(
    () => setParams({ search: undefined, role: undefined, active: undefined }, { resetPage: true }),
    [setParams],
  );

  return { params, setParams, clearFilters };
}
