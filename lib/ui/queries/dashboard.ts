// Dashboard KPIs: keys and query options. The response type is the server's (lib/dashboard/kpis-types.ts).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { DashboardKpis } from "@/lib/dashboard/kpis-types";
import { api } from "@/lib/ui/api-client";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

export type { DashboardKpis, KpiPeriod, KpiRate, TopProduct } from "@/lib/dashboard/kpis-types";

export const dashboardKeys = {
  all: ["dashboard"] as const,
  kpis: (account: AccountKind | undefined) => [...dashboardKeys.all, "kpis", account ?? "all"] as const,
};

export const dashboardQueries = {
  kpis: (account?: AccountKind) =>
    queryOptions({
      queryKey: dashboardKeys.kpis(account),
      queryFn: ({ signal }) => api.get<DashboardKpis>("/api/v1/dashboard/kpis", { signal, query: { account } }),
      // Switching the account keeps the figures on screen until the new ones arrive.
      placeholderData: keepPreviousData,
      // "Today" moves with the clock even when no order event arrives.
      refetchInterval: 5 * 60_000,
    }),
};
