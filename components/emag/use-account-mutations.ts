"use client";
// Every write on the accounts page. Successes refresh the accounts list; form errors stay inline.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  clearEmagAccountCredentials,
  emagAccountKeys,
  updateEmagAccount,
  type AccountKind,
  type UpdateEmagAccountBody,
} from "@/lib/ui/queries/emag-accounts";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";

/** 503: no encryption key on the server; shown in the form, with the server's explanation. */
const INLINE = [...FORM_ERROR_STATUSES, 503];

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: emagAccountKeys.all });
}

export function useUpdateAccount(account: AccountKind) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: UpdateEmagAccountBody) => updateEmagAccount(account, body),
    meta: { inlineErrorStatuses: INLINE },
    onSuccess: invalidate,
  });
}

export function useClearCredentials(account: AccountKind) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: () => clearEmagAccountCredentials(account),
    onSuccess: invalidate,
  });
}
