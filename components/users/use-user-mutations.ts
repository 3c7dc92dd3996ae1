"use client";
// Every write on the users page. Successes refresh the users list; form errors stay inline.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/ui/api-client";
import {
  userKeys,
  type AdminUser,
  type CreateUserBody,
  type IssuedToken,
  type IssueTokenBody,
  type UpdateUserBody,
  type UserToken,
} from "@/lib/ui/queries/users";
import { FORM_ERROR_STATUSES } from "@/lib/ui/use-form-api-error";

const usersPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.lists() });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<AdminUser>("/api/v1/users", body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: invalidate,
  });
}

export function useUpdateUser(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<AdminUser>(usersPath(userId), body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: invalidate,
  });
}

export function useIssueToken(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: IssueTokenBody) => api.post<IssuedToken>(`${usersPath(userId)}/tokens`, body),
    meta: { inlineErrorStatuses: FORM_ERROR_STATUSES },
    onSuccess: invalidate,
  });
}

export function useRevokeToken(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (tokenId: string) => api.delete<UserToken>(`${usersPath(userId)}/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: invalidate,
  });
}
