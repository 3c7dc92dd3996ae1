"use client";
// One account's share of a sync, live: bar, percent, items and pages done, throughput and ETA.
import { StopOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Progress, Typography, theme, type ProgressProps } from "antd";
import { SyncStatusTag } from "@/components/sync/sync-status-tag";
import { formatCount, formatDuration } from "@/lib/ui/format";
import type { LiveProgress } from "@/lib/ui/sync-live";

interface SyncProgressProps {
  progress: LiveProgress;
  /** Shown while running when the user may cancel. */
  onCancel?: () => void;
  cancelling?: boolean;
}

const barStatus: Record<string, ProgressProps["status"]> = {
  running: "active",
  completed: "success",
  failed: "exception",
  cancelled: "normal",
  partial: "normal",
};

export function SyncProgress({ progress, onCancel, cancelling }: SyncProgressProps) {
  const { token } = theme.useToken();
  const percent = Math.round(progress.percent);
  const running = progress.state === "running";
  const color = progress.state === "partial" ? token.colorWarning : undefined;

  return (
    <Flex vertical gap={token.marginXXS} data-testid={`sync-progress-${progress.account}`} data-percent={percent} data-state={progress.state} data-sync-id={progress.syncId}>
      <Flex justify="space-between" align="center" gap={token.marginXS} wrap>
        <Flex align="center" gap={token.marginXS}>
          <SyncStatusTag status={progress.state} />
          <Typography.Text strong aria-live="polite">
            {percent}%
          </Typography.Text>
        </Flex>
        {running && onCancel && (
          <Popconfirm title="Cancel this sync?" description="Products already written stay as they are." okText="Cancel sync" cancelText="Keep running" onConfirm={onCancel}>
            <Button size="small" danger icon={<StopOutlined />} loading={cancelling} data-testid={`sync-cancel-${progress.account}`}>
              Cancel
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <Progress percent={percent} showInfo={false} status={barStatus[progress.state]} strokeColor={color} aria-label={`${progress.account} sync progress`} />
      <Flex justify="space-between" wrap gap={token.marginXS} style={{ fontSize: token.fontSizeSM }}>
        <Typography.Text type="secondary" style={{ fontSize: "inherit" }}>
          {formatCount(progress.processed)}
          {progress.total > 0 && ` of ${formatCount(progress.total)}`} items
          {progress.totalPages > 0 && ` · page ${progress.page}/${progress.totalPages}`}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: "inherit" }}>
          {progress.itemsPerSecond !== null && `${progress.itemsPerSecond.toFixed(progress.itemsPerSecond < 10 ? 1 : 0)} items/s`}
          {running && progress.etaSeconds !== null && ` · ETA ${formatDuration(progress.etaSeconds)}`}
        </Typography.Text>
      </Flex>
      {progress.error && (
        <Typography.Text type="danger" style={{ fontSize: token.fontSizeSM }}>
          {progress.error}
        </Typography.Text>
      )}
    </Flex>
  );
}
