"use client";
// Database, migrations, background jobs and the last scheduled health check.
import { Card, Descriptions, Typography, type DescriptionsProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { StatusTag } from "@/components/common/status-tag";
import { inngestModeLabel } from "@/components/dashboard/labels";
import { formatDateTime, formatRelative } from "@/lib/ui/format";
import { systemQueries } from "@/lib/ui/queries/system";

export function PlatformCard({ detailed }: { detailed: boolean }) {
  const status = useQuery(systemQueries.status());
  // Shares the cache entry of the health panel: no second request.
  const health = useQuery({ ...systemQueries.health(), enabled: detailed });
  const s = status.data;
  const checks = health.data?.checks;

  const items: DescriptionsProps["items"] = [
    {
      key: "database",
      label: "Database",
      children: (
        <>
          <StatusTag status={checks?.database.status ?? s?.database.status} />
          {checks && <Typography.Text type="secondary">{checks.database.latencyMs} ms</Typography.Text>}
        </>
      ),
    },
    ...(checks
      ? [
          {
            key: "migrations",
            label: "Migrations",
            children: checks.migrations.pending.length
              ? `${checks.migrations.applied} applied, ${checks.migrations.pending.length} pending`
              : `${checks.migrations.applied} applied, none pending`,
          },
        ]
      : []),
    { key: "inngest", label: "Background jobs", children: inngestModeLabel(checks?.inngest.mode ?? s?.inngestMode) },
    {
      key: "last-check",
      label: "Last scheduled check",
      children: s?.lastHealthCheck ? (
        <span title={formatDateTime(s.lastHealthCheck.createdAt)}>
          <StatusTag status={s.lastHealthCheck.status} /> {formatRelative(s.lastHealthCheck.createdAt)}
        </span>
      ) : (
        <Typography.Text type="secondary">No scheduled check has run yet</Typography.Text>
      ),
    },
    { key: "version", label: "Version", children: s?.version ?? "—" },
  ];

  return (
    <Card title="Platform" variant="borderless" loading={status.isPending} style={{ height: "100%" }}>
      {status.isError && !s ? (
        <QueryError compact error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      ) : (
        <Descriptions column={1} size="small" items={items} />
      )}
    </Card>
  );
}
