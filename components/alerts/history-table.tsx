"use client";
// Recent alerts, paged on the server (URL state): what fired, how often in its window, and each
// channel's verdict. Minor columns fold under the title on phones.
import { Empty, Flex, Grid, Select, Table, Tag, Tooltip, Typography, type TableProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import { pageChange, serverPagination } from "@/components/common/server-table";
import { QueryError } from "@/components/common/query-error";
import { formatDateTime, formatRelative } from "@/lib/ui/format";
import { ALERT_STATUSES } from "@/lib/alerts/api-types";
import { alertQueries, HISTORY_PAGE_SIZES, useHistoryUrlState, type AlertJson, type AlertStatus } from "./queries";

const STATUS: Record<AlertStatus, { color: string; label: string }> = {
  pending: { color: "default", label: "Gathering" },
  delivering: { color: "processing", label: "Sending" },
  delivered: { color: "success", label: "Delivered" },
  failed: { color: "error", label: "Failed" },
  no_channels: { color: "warning", label: "No channels" },
};

function Verdicts({ alert }: { alert: AlertJson }) {
  if (!alert.deliveries.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {alert.deliveries.map((d) => (
        <Tooltip key={`${d.channel_id}-${d.channel_name}`} title={d.ok ? `Delivered (${d.attempts} attempt${d.attempts === 1 ? "" : "s"})` : `${d.error ?? "failed"} (${d.attempts} attempts)`}>
          <Tag color={d.ok ? "success" : "error"}>
            {d.channel_name}
            {d.attempts > 1 ? ` ×${d.attempts}` : ""}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function HistoryTable() {
  const isMobile = Grid.useBreakpoint().md === false;
  const { params, setParams } = useHistoryUrlState();
  const list = useQuery(alertQueries.history(params));
  const columns: TableProps<AlertJson>["columns"] = [
    {
      title: "Alert",
      key: "title",
      render: (_: unknown, a) => (
        <div style={{ minWidth: 160 }}>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block" }}>
            {a.rule_title}
          </Typography.Text>
          {isMobile && (
            <Flex gap={4} wrap style={{ marginTop: 4 }}>
              <Tag color={STATUS[a.status].color}>{STATUS[a.status].label}</Tag>
              <Typography.Text type="secondary">{formatRelative(a.first_at)}</Typography.Text>
              <Verdicts alert={a} />
            </Flex>
          )}
        </div>
      ),
    },
    { title: "Count", dataIndex: "count", width: 80, align: "right", render: (n: number) => <span data-testid="alerts-count">{n}</span> },
    { title: "First", dataIndex: "first_at", width: 170, responsive: ["md"], render: (t: string) => <Tooltip title={formatDateTime(t)}>{formatRelative(t)}</Tooltip> },
    { title: "Status", dataIndex: "status", width: 120, responsive: ["md"], render: (s: AlertStatus) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
    { title: "Channels", key: "deliveries", width: 220, responsive: ["md"], render: (_: unknown, a) => <Verdicts alert={a} /> },
  ];
  return (
    <Flex vertical gap="small" data-testid="alerts-history">
      <Select
        allowClear
        placeholder="All statuses"
        style={{ width: 180 }}
        value={params.status}
        onChange={(status) => setParams({ status }, { resetPage: true })}
        options={ALERT_STATUSES.map((s) => ({ value: s, label: STATUS[s].label }))}
      />
      {list.isError && !list.data ? (
        <QueryError compact error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <Table<AlertJson>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.data}
          loading={list.isPending || list.isPlaceholderData}
          pagination={serverPagination(params, list.data?.total, { isMobile, pageSizes: HISTORY_PAGE_SIZES, noun: "alerts" })}
          onChange={(pagination) => setParams(pageChange(pagination, params))}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={params.status ? "No alerts with this status" : "No alerts yet"} /> }}
          scroll={{ x: isMobile ? undefined : 760 }}
        />
      )}
    </Flex>
  );
}
