"use client";
// The recent notifications inside the bell's popover; each one with a link navigates there.
import { BellOutlined } from "@ant-design/icons";
import { Empty, Flex, Skeleton, Tag, Typography, theme } from "antd";
import { QueryError } from "@/components/common/query-error";
import type { AppNotification } from "@/lib/ui/queries/notifications";
import { formatDateTime, formatRelative } from "@/lib/ui/format";

interface NotificationListProps {
  items: AppNotification[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onOpen: (n: AppNotification) => void;
}

export function NotificationList({ items, loading, error, onRetry, onOpen }: NotificationListProps) {
  const { token } = theme.useToken();
  if (error && !items) return <QueryError compact error={error} title="Could not load notifications" onRetry={onRetry} />;
  if (loading && !items) return <Skeleton active title={false} paragraph={{ rows: 4 }} />;
  if (!items?.length) return <Empty image={<BellOutlined style={{ fontSize: 32, color: token.colorTextQuaternary }} />} description="No notifications yet" />;

  return (
    <Flex vertical data-testid="notification-list">
      {items.map((n) => (
        <Flex
          key={n.id}
          vertical
          gap={token.marginXXS}
          role={n.link ? "link" : undefined}
          tabIndex={n.link ? 0 : undefined}
          onClick={n.link ? () => onOpen(n) : undefined}
          onKeyDown={n.link ? (e) => e.key === "Enter" && onOpen(n) : undefined}
          data-testid="notification-item"
          data-read={n.read}
          style={{
            padding: `${token.paddingXS}px ${token.paddingSM}px`,
            borderRadius: token.borderRadius,
            cursor: n.link ? "pointer" : "default",
            background: n.read ? undefined : token.colorPrimaryBg,
            borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}`,
          }}
        >
          <Flex justify="space-between" align="baseline" gap={token.marginXS}>
            <Typography.Text strong={!n.read} ellipsis>
              {n.title}
            </Typography.Text>
            {(n.priority === "urgent" || n.priority === "critical") && (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {n.priority}
              </Tag>
            )}
          </Flex>
          {n.body && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {n.body}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" title={formatDateTime(n.created_at)} style={{ fontSize: token.fontSizeSM }}>
            {formatRelative(n.created_at)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
