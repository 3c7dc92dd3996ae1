"use client";
// The header's bell: the unread count (live over the socket) and, on click, the recent
// notifications. Opening it marks them read; the list keeps showing which ones were new.
import { useState } from "react";
import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Popover, Typography, theme } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCurrentUser } from "@/components/layout/current-user";
import { NotificationList } from "@/components/notifications/notification-list";
import { useNotificationsLive } from "@/components/notifications/use-notifications-live";
import { can } from "@/lib/auth/permissions";
import { notificationKeys, notificationQueries, notificationsApi, type AppNotification } from "@/lib/ui/queries/notifications";

/** Visually hidden but read by screen readers and tests: the exact count, 0 included. */
const srOnly = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" } as const;

export function NotificationBell({ compact = false }: { compact?: boolean }) {
  const { role } = useCurrentUser();
  return can(role, "notifications.read") ? <Bell compact={compact} /> : null;
}

function Bell({ compact }: { compact: boolean }) {
  const { token } = theme.useToken();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  useNotificationsLive();
  const unread = useQuery(notificationQueries.unreadCount());
  const recent = useQuery({ ...notificationQueries.recent(), enabled: open, staleTime: 0 });
  const count = unread.data ?? 0;

  const readAll = useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: () => queryClient.setQueryData(notificationKeys.unreadCount(), { count: 0 }),
  });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next && count > 0) readAll.mutate();
    // The list was shown with its unread marks; next time it opens it should come fresh.
    if (!next) void queryClient.invalidateQueries({ queryKey: notificationKeys.recent() });
  };

  const openOne = (n: AppNotification) => {
    setOpen(false);
    if (n.link) router.push(n.link);
  };

  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      trigger="click"
      // "bottom" lets antd shift the panel back inside a phone's screen; corner placements only flip.
      placement={compact ? "bottom" : "bottomRight"}
      arrow={false}
      title={<Typography.Text strong>Notifications</Typography.Text>}
      content={
        <div style={{ width: "min(360px, calc(100vw - 48px))", maxHeight: "min(480px, 70vh)", overflowY: "auto" }} data-testid="notification-popover">
          <NotificationList
            items={recent.data?.data}
            loading={recent.isPending}
            error={recent.isError ? recent.error : null}
            onRetry={() => void recent.refetch()}
            onOpen={openOne}
          />
        </div>
      }
    >
      <Button
        type="text"
        aria-label={count ? `Notifications, ${count} unread` : "Notifications"}
        data-testid="notification-bell"
        style={{ paddingInline: compact ? token.paddingXXS : token.paddingXS }}
      >
        <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: token.fontSizeLG, color: token.colorText }} />
        </Badge>
        <span style={srOnly} data-testid="notification-count" data-state={unread.isSuccess ? "ready" : "loading"}>
          {count}
        </span>
      </Button>
    </Popover>
  );
}
