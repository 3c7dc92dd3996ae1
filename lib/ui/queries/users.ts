// Users and their API tokens: wire types, list parameters, query keys and query options.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/permissions";
import { api, type Page } from "@/lib/ui/api-client";

export interface UserToken {
  id: string;
  name: string;
  kind: string;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  tokens: UserToken[];
}

export interface IssuedToken {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string | null;
  /** The plain token: returned once, never again. */
  token: string;
}

export const userSortFields = ["createdAt", "email", "name", "role", "lastLoginAt"] as const;
export type UserSortField = (typeof userSortFields)[number];

export interface UsersListParams {
  page: number;
  pageSize: number;
  search?: string;
  role?: Role;
  active?: boolean;
  sort: UserSortField;
  order: "asc" | "desc";
}

export interface CreateUserBody {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export type UpdateUserBody = Partial<{ name: string; role: Role; active: boolean; password: string }>;

export interface IssueTokenBody {
  name: string;
  expires_in_days?: number;
}

export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (params: UsersListParams) => [...userKeys.lists(), params] as const,
};

export const usersQueries = {
  list: (params: UsersListParams) =>
    queryOptions({
      queryKey: userKeys.list(params),
      queryFn: ({ signal }) =>
        api.get<Page<AdminUser>>("/api/v1/users", {
          signal,
          query: { ...params, active: params.active === undefined ? undefined : String(params.active) },
        }),
      // Keep the current page on screen while the next one loads, so the table does not flash empty.
      placeholderData: keepPreviousData,
    }),
};

export const tokenState = (t: UserToken, now = Date.now()): "active" | "revoked" | "expired" => {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now) return "expired";
  return "active";
};
