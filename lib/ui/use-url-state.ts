"use client";
// Table state (page, sort, filters) kept in the URL, so a view can be shared and survives reloads.
import { useCallback, useMemo } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReadableParams } from "@/lib/ui/url-params";

export interface SetParamsOptions {
  /** Filter and sort changes go back to page 1. */
  resetPage?: boolean;
}

export function useUrlState<P extends { page: number }>(parse: (sp: ReadableParams) => P, serialize: (params: P) => string) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => parse(searchParams), [parse, searchParams]);

  const setParams = useCallback(
    (patch: Partial<P>, opts: SetParamsOptions = {}) => {
      const next = { ...params, ...patch, ...(opts.resetPage ? { page: 1 } : {}) };
      // Native replaceState is wired into the App Router (useSearchParams updates) and, unlike
      // router.replace, does not re-run the server page for what is purely client-side state.
      window.history.replaceState(null, "", `${pathname}${serialize(next)}`);
    },
    [params, pathname, serialize],
  );

  return { params, setParams };
}
