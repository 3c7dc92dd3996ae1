"use client";
// The unread count stays live without polling: the server pushes the new count after every change
// (per user room), and a new notification refreshes the recent list.
import { useQueryClient } from "@tanstack/react-query";
import { useSocketEvent } from "@/components/providers/use-socket";
import { notificationKeys } from "@/lib/ui/queries/notifications";

export function useNotificationsLive(): void {
  const queryClient = useQueryClient();
  useSocketEvent("notification:unread-count", ({ count }) => {
    queryClient.setQueryData(notificationKeys.unreadCount(), { count });
  });
  useSocketEvent("notification:new", () => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  });
}
