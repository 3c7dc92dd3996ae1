// eMAG accounts: wire types, query keys and query options for the accounts page.
import { queryOptions } from "@tanstack/react-query";
import type { UpdateAccountInput } from "@/lib/accounts/manage";
import type { AccountView } from "@/lib/accounts/service";
import type { BucketUsage } from "@/lib/emag/limiter-usage";
import type { AccountKind } from "@/lib/realtime/events";
import { api } from "@/lib/ui/api-client";

export type { AccountKind, BucketUsage };
export const accountKinds: readonly AccountKind[] = ["main", "fbe"];

/** One account as GET /api/v1/emag/accounts returns it (the server's own type, so both sides agree). */
export type EmagAccount = AccountView;

/** PATCH /api/v1/emag/accounts/{account}: only the fields that change. */
export type UpdateEmagAccountBody = UpdateAccountInput;

export interface UpdateEmagAccountResult {
  data: EmagAccount;
  changed: boolean;
  connection?: { total_products: number } | null;
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

const accountPath = (account: AccountKind) => `/api/v1/emag/accounts/${account}`;
export const updateEmagAccount = (account: AccountKind, body: UpdateEmagAccountBody) => api.patch<UpdateEmagAccountResult>(accountPath(account), body);
export const clearEmagAccountCredentials = (account: AccountKind) => api.delete<UpdateEmagAccountResult>(`${accountPath(account)}/credentials`);
