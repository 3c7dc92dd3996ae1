// Repricer rules in the browser: URL state of the rules table, keys, query options. Every request
// and response shape is the server's (lib/repricer/api-types.ts).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { REPRICER_ACCOUNTS, type DryRunQuery, type DryRunResult, type ListRulesQuery, type RuleJson } from "@/lib/repricer/api-types";
import { api, type Page } from "@/lib/ui/api-client";
import { readEnum, readPositiveInt, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";

export type { ApplyResult, CreateRuleInput, DryRunResult, PlanRow, PlanRowStatus, RepricerAccount, RepricerStrategy, RuleJson, RuleScope, UpdateRuleInput } from "@/lib/repricer/api-types";

export const RULES_PATH = "/api/v1/emag/offers/repricer/rules";
export const rulePath = (id: string) => `${RULES_PATH}/${encodeURIComponent(id)}`;

export const RULE_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULTS = { page: 1, pageSize: 20 } as const;

export type RulesListParams = Omit<ListRulesQuery, "enabled">;

const parse = (sp: ReadableParams): RulesListParams => ({
  page: readPositiveInt(sp, "page", DEFAULTS.page),
  pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
  account: readEnum(sp, "account", REPRICER_ACCOUNTS),
});
const serialize = (p: RulesListParams) => toSearch({ account: p.account, page: p.page, pageSize: p.pageSize }, DEFAULTS);

export const useRulesUrlState = () => useUrlState(parse, serialize);

export const repricerKeys = {
  all: ["repricer"] as const,
  lists: () => [...repricerKeys.all, "rules"] as const,
  list: (p: RulesListParams) => [...repricerKeys.lists(), p] as const,
  dryRuns: () => [...repricerKeys.all, "dry-run"] as const,
  dryRun: (id: string, q: DryRunQuery) => [...repricerKeys.dryRuns(), id, q] as const,
};

export const repricerQueries = {
  list: (p: RulesListParams) =>
    queryOptions({
      queryKey: repricerKeys.list(p),
      queryFn: ({ signal }) => api.get<Page<RuleJson>>(RULES_PATH, { query: { ...p }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** A dry run sends nothing, so it is read like a query (a POST only because it may call eMAG). */
  dryRun: (id: string, q: DryRunQuery) =>
    queryOptions({
      queryKey: repricerKeys.dryRun(id, q),
      queryFn: ({ signal }) => api.post<DryRunResult>(`${rulePath(id)}/dry-run`, undefined, { query: { ...q }, signal }),
      placeholderData: keepPreviousData,
      staleTime: 0,
      refetchOnWindowFocus: false,
      retry: false,
    }),
};
