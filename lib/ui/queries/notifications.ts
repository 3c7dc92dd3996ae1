// In-app notifications of the signed-in user: wire types, keys, query options and the read calls.
import { queryOptions } from "@tanstack/react-query";
import { api, type Page } from "@/lib/ui/api-client";

export interface AppNotification {
  id: string;
  type: string;
  category: string;
  priority: string;
  title: string;
  body: string | null;
  /** A same-origin path (e.g. "/orders?order=<uuid>"), or null. */
  link: string | null;
  read: boolean;
  created_at: string;
}

const base = "/api/v1/notifications";
export const RECENT_NOTIFICATIONS = 10;

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: () => [...notificationKeys.all, "unread-count"] as const,
  recent: () => [...notificationKeys.all, "recent"] as const,
};

export const notificationQueries = {
  // No polling: notification:unread-count over the socket patches this key.
  unreadCount: () =>
    queryOptions({
      queryKey: notificationKeys.unreadCount(),
      queryFn: ({ signal }) => api.get<{ count: number }>(`${base}/unread-count`, { signal }),
      select: (res) => res.count,
    }),
  recent: () =>
    queryOptions({
      queryKey: notificationKeys.recent(),
      queryFn: ({ signal }) => api.get<Page<AppNotification>>(base, { signal, query: { page: 1, pageSize: RECENT_NOTIFICATIONS } }),
    }),
};

export const notificationsApi = {
  markRead: (id: string) => api.post<unknown>(`${base}/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ updated: number }>(`${base}/read-all`),
};
