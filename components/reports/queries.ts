// Report keys and query options (browser). Response types are the server's (lib/reports/types.ts).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Report, ReportKind, Subscription } from "@/lib/reports/types";
import { api, type Page } from "@/lib/ui/api-client";

export type { Report, ReportKind, Subscription } from "@/lib/reports/types";

export const SUBSCRIPTIONS_PATH = "/api/v1/reports/subscriptions";
export const subscriptionPath = (id: string) => `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(id)}`;
export const reportXlsxPath = (kind: ReportKind) => `/api/v1/reports/${kind}/export.xlsx`;

export const reportKeys = {
  all: ["reports"] as const,
  report: (kind: ReportKind, period: string | undefined) => [...reportKeys.all, "report", kind, period ?? "latest"] as const,
  subscriptions: (page: number, pageSize: number) => [...reportKeys.all, "subscriptions", page, pageSize] as const,
};

export const reportQueries = {
  report: (kind: ReportKind, period?: string) =>
    queryOptions({
      queryKey: reportKeys.report(kind, period),
      queryFn: ({ signal }) => api.get<Report>(`/api/v1/reports/${kind}`, { signal, query: { period } }),
      placeholderData: keepPreviousData,
    }),
  subscriptions: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: reportKeys.subscriptions(page, pageSize),
      queryFn: ({ signal }) => api.get<Page<Subscription>>(SUBSCRIPTIONS_PATH, { signal, query: { page, pageSize } }),
      placeholderData: keepPreviousData,
    }),
};
