// eMAG accounts: wire types, query keys and query options for the accounts page.
import { queryOptions } from "@tanstack/react-query";
import type { BucketUsage } from "@/lib/emag/limiter-usage";
import type { AccountKind } from "@/lib/realtime/events";
import { api } from "@/lib/ui/api-client";

export type { AccountKind, BucketUsage };
export const accountKinds: readonly AccountKind[] = ["main", "fbe"];

export interface EmagAccount {
  kind: AccountKind;
  displayName: string;
  mode: "live" | "demo";
  baseUrl: string;
  usage: {
    account: AccountKind;
    /** "redis" when the budget is shared across instances (usage is this process's share). */
    store: "memory" | "redis";
    buckets: { orders: BucketUsage; default: BucketUsage };
  };
  /** eMAG's new-order callback URL (it carries the account's secret): admins only, null for others. */
  callback_url: string | null;
}

export interface TestConnectionResult {
  status: "success";
  message: string;
  data: { account_type: AccountKind; base_url: string; mode: "live" | "demo"; total_products: number };
}

export const emagAccountKeys = {
  all: ["emag-accounts"] as const,
  list: () => [...emagAccountKeys.all, "list"] as const,
};

export const emagAccountQueries = {
  /** `live` polls every 2 s for the rate-limit meters (react-query pauses it while the tab is hidden). */
  list: ({ live = false }: { live?: boolean } = {}) =>
    queryOptions({
      queryKey: emagAccountKeys.list(),
      queryFn: ({ signal }) => api.get<{ data: EmagAccount[] }>("/api/v1/emag/accounts", { signal }),
      select: (res) => res.data,
      refetchInterval: live ? 2_000 : false,
      staleTime: live ? 0 : 15_000,
    }),
};

export const testConnection = (account: AccountKind) =>
  api.post<TestConnectionResult>("/api/v1/emag/products/test-connection", undefined, { query: { account_type: account } });
