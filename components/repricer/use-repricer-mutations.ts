"use client";
// Every write on the repricer page. Successes refresh the rules (and drop stale dry runs); form
// errors stay inline on the drawer's fields.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/ui/api-client";
import { repricerKeys, rulePath, RULES_PATH, type ApplyResult, type CreateRuleInput, type RuleJson, type UpdateRuleInput } from "@/lib/ui/queries/repricer";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: repricerKeys.all });
}

export function useSaveRule(id: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateRuleInput | UpdateRuleInput) => (id ? api.patch<RuleJson>(rulePath(id), body) : api.post<RuleJson>(RULES_PATH, body)),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: invalidate,
  });
}

export function useToggleRule() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api.patch<RuleJson>(rulePath(id), { enabled }), onSuccess: invalidate });
}

export function useDeleteRule() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete<{ id: string }>(rulePath(id)), onSuccess: invalidate });
}

export function useApplyRule() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<ApplyResult>(`${rulePath(id)}/apply`), onSuccess: invalidate });
}
