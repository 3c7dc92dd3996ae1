"use client";
// One account on the sync page: catalogue counts, the last sync and, while one runs, live progress.
import { ShopOutlined } from "@ant-design/icons";
import { Card, Col, Flex, Row, Statistic, Tooltip, Typography, theme } from "antd";
import { AccountModeTag } from "@/components/emag/account-mode-tag";
import { accountHints, accountLabels } from "@/components/emag/labels";
import { modeLabels } from "@/components/sync/sync-labels";
import { SyncProgress } from "@/components/sync/sync-progress";
import { SyncStatusTag } from "@/components/sync/sync-status-tag";
import type { AccountKind, EmagAccount } from "@/lib/ui/queries/emag-accounts";
import type { SyncLog, SyncStatistics } from "@/lib/ui/queries/emag-sync";
import { formatDateTime, formatDurationMs, formatRelative } from "@/lib/ui/format";
import type { LiveProgress } from "@/lib/ui/sync-live";

interface SyncAccountCardProps {
  account: AccountKind;
  info: EmagAccount | undefined;
  counts: SyncStatistics["by_account"][number] | undefined;
  lastSync: SyncLog | undefined;
  progress: LiveProgress | undefined;
  loading: boolean;
  onCancel?: (syncId: string) => void;
  cancelling?: boolean;
}

function LastSync({ log }: { log: SyncLog | undefined }) {
  const { token } = theme.useToken();
  if (!log) return <Typography.Text type="secondary">Never synced</Typography.Text>;
  return (
    <Flex align="center" gap={token.marginXS} wrap>
      <SyncStatusTag status={log.status} />
      <Tooltip title={formatDateTime(log.completed_at ?? log.started_at)}>
        <Typography.Text>{formatRelative(log.completed_at ?? log.started_at)}</Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary">
        · {modeLabels[log.mode] ?? log.mode} · {formatDurationMs(log.duration_ms)}
      </Typography.Text>
    </Flex>
  );
}

export function SyncAccountCard({ account, info, counts, lastSync, progress, loading, onCancel, cancelling }: SyncAccountCardProps) {
  const { token } = theme.useToken();
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} sm={6}>
      <Statistic title={title} value={value ?? 0} styles={{ content: { fontSize: token.fontSizeHeading4, color } }} />
    </Col>
  );

  return (
    <Card
      variant="borderless"
      loading={loading}
      data-testid={`sync-account-card-${account}`}
      title={
        <Flex align="center" gap={token.marginXS} style={{ minWidth: 0 }}>
          <ShopOutlined style={{ color: token.colorPrimary }} />
          <Typography.Text strong ellipsis>
            {accountLabels[account]}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            {accountHints[account]}
          </Typography.Text>
        </Flex>
      }
      extra={info && <AccountModeTag mode={info.mode} />}
    >
      <Flex vertical gap={token.marginMD}>
        <Row gutter={[token.marginSM, token.marginSM]}>
          {stat("Products", counts?.total)}
          {stat("Active", counts?.active, token.colorSuccess)}
          {stat("Inactive", counts?.inactive, token.colorTextSecondary)}
          {stat("Removed", counts?.removed, counts?.removed ? token.colorWarning : undefined)}
        </Row>
        <Flex vertical gap={token.marginXXS}>
          <Typography.Text type="secondary">Last sync</Typography.Text>
          <LastSync log={lastSync} />
        </Flex>
        {progress ? (
          <SyncProgress progress={progress} onCancel={onCancel ? () => onCancel(progress.syncId) : undefined} cancelling={cancelling} />
        ) : (
          <Typography.Text type="secondary" data-testid={`sync-idle-${account}`}>
            No sync running for {accountLabels[account]}.
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
