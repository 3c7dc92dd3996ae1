"use client";
// Live use of one eMAG rate-limit bucket: requests in the last second and minute against the
// budget, plus queueing, waits, 429s and any pause eMAG imposed.
import { Flex, Progress, Tag, Tooltip, Typography, theme } from "antd";
import type { BucketUsage } from "@/lib/ui/queries/emag-accounts";
import { formatDurationMs, formatTime } from "@/lib/ui/format";

const bucketLabels: Record<string, { title: string; hint: string }> = {
  orders: { title: "Order calls", hint: "order/* routes share the larger budget" },
  default: { title: "Other calls", hint: "offers, products, reference data, AWBs…" },
};

function Meter({ label, used, limit, testId }: { label: string; used: number; limit: number; testId: string }) {
  const { token } = theme.useToken();
  const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : 0;
  const color = percent >= 100 ? token.colorError : percent >= 80 ? token.colorWarning : token.colorPrimary;
  return (
    <div data-testid={testId} data-used={used} data-limit={limit}>
      <Flex justify="space-between" gap={token.marginXS}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <Typography.Text>
          {used} / {limit}
        </Typography.Text>
      </Flex>
      <Progress percent={percent} showInfo={false} strokeColor={color} size="small" aria-label={`${label}: ${used} of ${limit}`} />
    </div>
  );
}

export function BucketUsageMeter({ usage, testIdPrefix }: { usage: BucketUsage; testIdPrefix: string }) {
  const { token } = theme.useToken();
  const look = bucketLabels[usage.bucket] ?? { title: usage.bucket, hint: "" };
  const avgWait = usage.waits > 0 ? usage.waitMsTotal / usage.waits : null;
  return (
    <Flex vertical gap={token.marginXXS}>
      <Flex justify="space-between" align="baseline" wrap gap={token.marginXS}>
        <Tooltip title={look.hint}>
          <Typography.Text strong>{look.title}</Typography.Text>
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {usage.limitPerSecond} req/s · {usage.limitPerMinute}/min
        </Typography.Text>
      </Flex>
      <Meter label="Last second" used={usage.lastSecond} limit={usage.limitPerSecond} testId={`${testIdPrefix}-second`} />
      <Meter label="Last minute" used={usage.lastMinute} limit={usage.limitPerMinute} testId={`${testIdPrefix}-minute`} />
      <Flex wrap gap={token.marginXS} style={{ fontSize: token.fontSizeSM }}>
        <Tag variant="filled">Queued {usage.queued}</Tag>
        <Tooltip title={avgWait === null ? "No request had to wait" : `Average ${formatDurationMs(avgWait)}, longest ${formatDurationMs(usage.maxWaitMs)}`}>
          <Tag variant="filled">Waited {usage.waits}×</Tag>
        </Tooltip>
        <Tag variant="filled" color={usage.rateLimitHits > 0 ? "warning" : undefined}>
          429s {usage.rateLimitHits}
        </Tag>
        {usage.pausedUntil && <Tag color="error">Paused until {formatTime(usage.pausedUntil)}</Tag>}
      </Flex>
    </Flex>
  );
}
