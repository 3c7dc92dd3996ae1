"use client";
// Every write of the subscriptions editor; each success refreshes the list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateSubscription, UpdateSubscription } from "@/lib/reports/types";
import { api } from "@/lib/ui/api-client";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";
import { reportKeys, subscriptionPath, SUBSCRIPTIONS_PATH, type Subscription } from "./queries";

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...reportKeys.all, "subscriptions"] });
}

export function useAddSubscription() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<CreateSubscription> & { email: string }) => api.post<Subscription>(SUBSCRIPTIONS_PATH, body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: invalidate,
  });
}

export function useUpdateSubscription() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, ...body }: UpdateSubscription & { id: string }) => api.patch<Subscription>(subscriptionPath(id), body), onSuccess: invalidate });
}

export function useDeleteSubscription() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete<{ id: string }>(subscriptionPath(id)), onSuccess: invalidate });
}
