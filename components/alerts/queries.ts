"use client";
// The alerts page in the browser: keys, query options, URL state of the history table and every
// write. Shapes are the server's (lib/alerts/api-types.ts).
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ALERT_STATUSES, type AlertJson, type AlertStatus, type ChannelJson, type CreateChannelInput, type RuleJson, type TestResultJson, type UpdateChannelInput, type UpdateRuleInput } from "@/lib/alerts/api-types";
import { api, type Page } from "@/lib/ui/api-client";
import { readEnum, readPositiveInt, toSearch, type ReadableParams } from "@/lib/ui/url-params";
import { useUrlState } from "@/lib/ui/use-url-state";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";

export type { AlertJson, AlertStatus, ChannelJson, CreateChannelInput, RuleJson, TestResultJson };

const BASE = "/api/v1/alerts";
const channelPath = (id: string) => `${BASE}/channels/${encodeURIComponent(id)}`;

export const HISTORY_PAGE_SIZES = [10, 20, 50] as const;
export type HistoryParams = { page: number; pageSize: number; status?: AlertStatus };
const DEFAULTS = { page: 1, pageSize: 10 } as const;
const parse = (sp: ReadableParams): HistoryParams => ({
  page: readPositiveInt(sp, "page", DEFAULTS.page),
  pageSize: readPositiveInt(sp, "pageSize", DEFAULTS.pageSize, 100),
  status: readEnum(sp, "status", ALERT_STATUSES),
});
const serialize = (p: HistoryParams) => toSearch({ status: p.status, page: p.page, pageSize: p.pageSize }, DEFAULTS);
export const useHistoryUrlState = () => useUrlState(parse, serialize);

export const alertKeys = {
  all: ["alerts"] as const,
  channels: () => [...alertKeys.all, "channels"] as const,
  rules: () => [...alertKeys.all, "rules"] as const,
  history: (p: HistoryParams) => [...alertKeys.all, "history", p] as const,
};

export const alertQueries = {
  channels: () => queryOptions({ queryKey: alertKeys.channels(), queryFn: ({ signal }) => api.get<{ data: ChannelJson[] }>(`${BASE}/channels`, { signal }) }),
  rules: () => queryOptions({ queryKey: alertKeys.rules(), queryFn: ({ signal }) => api.get<{ data: RuleJson[] }>(`${BASE}/rules`, { signal }) }),
  history: (p: HistoryParams) =>
    queryOptions({ queryKey: alertKeys.history(p), queryFn: ({ signal }) => api.get<Page<AlertJson>>(BASE, { query: { ...p }, signal }), placeholderData: keepPreviousData }),
};

function useInvalidate(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateChannel() {
  const invalidate = useInvalidate(alertKeys.channels());
  return useMutation({ mutationFn: (body: CreateChannelInput) => api.post<ChannelJson>(`${BASE}/channels`, body), meta: { inlineErrorStatuses: FORM_ERROR_STATUSES }, onSuccess: invalidate });
}

export function useUpdateChannel() {
  const invalidate = useInvalidate(alertKeys.channels());
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateChannelInput }) => api.patch<ChannelJson>(channelPath(id), body), onSuccess: invalidate });
}

export function useDeleteChannel() {
  const invalidate = useInvalidate(alertKeys.channels());
  return useMutation({ mutationFn: (id: string) => api.delete<{ id: string }>(channelPath(id)), onSuccess: invalidate });
}

/** The answer is the channel's verdict ({ ok, error }), not an exception: the card shows it. */
export function useTestChannel() {
  return useMutation({ mutationFn: (id: string) => api.post<TestResultJson>(`${channelPath(id)}/test`) });
}

export function useUpdateRule() {
  const invalidate = useInvalidate(alertKeys.rules());
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateRuleInput }) => api.patch<RuleJson>(`${BASE}/rules/${encodeURIComponent(id)}`, body), onSuccess: invalidate });
}
