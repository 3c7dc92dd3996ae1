"use client";
// Admin view of /api/health/detailed: overall status, every check, the cache, and a usage chart.
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { UsageBarsChart, type UsageBar } from "@/components/charts/usage-bars-chart";
import { QueryError } from "@/components/common/query-error";
import { StatusTag } from "@/components/common/status-tag";
import { CacheCard } from "@/components/dashboard/cache-card";
import { HealthCheckCard } from "@/components/dashboard/health-check-card";
import { HealthCheckGrid } from "@/components/dashboard/health-check-grid";
import { formatBytes, formatDuration, formatRelative } from "@/lib/ui/format";
import { systemQueries, type DetailedHealth } from "@/lib/ui/queries/system";

function usageBars({ disk, memory }: DetailedHealth["checks"]): UsageBar[] {
  const total = memory.systemTotalBytes;
  return [
    { label: "Disk", percent: disk.usedPercent, detail: `${formatBytes(disk.totalBytes - disk.freeBytes)} of ${formatBytes(disk.totalBytes)}` },
    ...(total > 0
      ? [
          { label: "System memory", percent: (1 - memory.systemFreeBytes / total) * 100, detail: `${formatBytes(total - memory.systemFreeBytes)} of ${formatBytes(total)}` },
          { label: "App memory", percent: (memory.rssBytes / total) * 100, detail: `${formatBytes(memory.rssBytes)} RSS` },
        ]
      : []),
  ];
}

export function DetailedHealthPanel() {
  const { token } = theme.useToken();
  const health = useQuery(systemQueries.health());
  const data = health.data;

  const header = (
    <Flex align="center" gap={token.marginXS} wrap>
      System health
      {data && <StatusTag status={data.status} />}
    </Flex>
  );
  const refresh = (
    <Button size="small" icon={<ReloadOutlined />} loading={health.isFetching} onClick={() => void health.refetch()} aria-label="Refresh health">
      Refresh
    </Button>
  );

  return (
    <Card title={header} extra={refresh} variant="borderless">
      {health.isPending && (
        <Row gutter={[token.marginMD, token.marginMD]}>
          {Array.from({ length: 6 }, (_, i) => (
            <Col key={i} xs={24} sm={12} xl={8}>
              <HealthCheckCard title={`Check ${i + 1}`} icon={null} loading />
            </Col>
          ))}
        </Row>
      )}
      {health.isError && !data && <QueryError compact error={health.error} onRetry={() => void health.refetch()} retrying={health.isFetching} />}
      {data && (
        <Flex vertical gap={token.marginMD}>
          <Typography.Text type="secondary">
            Version {data.version} · up {formatDuration(data.uptimeSeconds)} · checked {formatRelative(data.checkedAt)}
          </Typography.Text>
          <HealthCheckGrid checks={data.checks} />
          <Row gutter={[token.marginMD, token.marginMD]}>
            <Col xs={24} sm={12} xl={8}>
              <CacheCard />
            </Col>
          </Row>
          <Card size="small" title="Resource usage">
            <UsageBarsChart data={usageBars(data.checks)} />
          </Card>
        </Flex>
      )}
    </Card>
  );
}
