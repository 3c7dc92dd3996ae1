"use client";
// Non-admin view of system health: the /api/v1/system/status summary.
import { Card, Col, Row, Statistic, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { StatusTag } from "@/components/common/status-tag";
import { inngestModeLabel } from "@/components/dashboard/labels";
import { formatDuration } from "@/lib/ui/format";
import { systemQueries } from "@/lib/ui/queries/system";

export function SystemSummaryPanel() {
  const { token } = theme.useToken();
  const status = useQuery(systemQueries.status());
  const data = status.data;
  const loading = status.isPending;

  if (status.isError && !data) {
    return (
      <Card title="System health" variant="borderless">
        <QueryError compact error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      </Card>
    );
  }

  const cells = [
    { title: "Overall", value: data && <StatusTag status={data.status} /> },
    { title: "Database", value: data && <StatusTag status={data.database.status} /> },
    { title: "Uptime", value: data && formatDuration(data.uptimeSeconds) },
    { title: "Background jobs", value: data && inngestModeLabel(data.inngestMode) },
  ];

  return (
    <Card title="System health" variant="borderless" extra={data && `Version ${data.version}`}>
      <Row gutter={[token.marginMD, token.marginMD]}>
        {cells.map((cell) => (
          <Col key={cell.title} xs={12} md={6}>
            <Statistic title={cell.title} loading={loading} valueRender={() => cell.value ?? "—"} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
