"use client";
import { NoMatches, pageChange } from "@/components/common/server-table";
// Past and running syncs, paged and filtered on the server; a row expands to its details and errors.
import { StopOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Grid, Popconfirm, Table, Tag, Tooltip, Typography, theme, type TableProps } from "antd";
import { accountLabels } from "@/components/emag/labels";
import { modeLabels } from "@/components/sync/sync-labels";
import { SyncLogDetails } from "@/components/sync/sync-log-details";
import { SyncStatusTag } from "@/components/sync/sync-status-tag";
import { HISTORY_PAGE_SIZES } from "@/components/sync/use-sync-history-url-state";
import type { Page } from "@/lib/ui/api-client";
import type { SyncHistoryParams, SyncLog } from "@/lib/ui/queries/emag-sync";
import { formatCount, formatDateTime, formatDurationMs, formatRelative } from "@/lib/ui/format";

interface SyncHistoryTableProps {
  page: Page<SyncLog> | undefined;
  loading: boolean;
  params: SyncHistoryParams;
  onParamsChange: (patch: Partial<SyncHistoryParams>) => void;
  filtered: boolean;
  onClearFilters: () => void;
  onCancel?: (id: string) => void;
}

export function SyncHistoryTable({ page, loading, params, onParamsChange, filtered, onClearFilters, onCancel }: SyncHistoryTableProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const count = (key: keyof SyncLog["counters"], color?: string) => (_: unknown, log: SyncLog) => (
    <Typography.Text style={{ color: log.counters[key] ? color : token.colorTextTertiary }}>{formatCount(log.counters[key])}</Typography.Text>
  );

  const columns: TableProps<SyncLog>["columns"] = [
    {
      title: "Started",
      dataIndex: "started_at",
      render: (iso: string) => (
        <Tooltip title={formatDateTime(iso)}>
          <span style={{ whiteSpace: "nowrap" }}>{formatRelative(iso)}</span>
        </Tooltip>
      ),
    },
    {
      title: "Status",
      dataIndex: "status",
      render: (_: unknown, log) => (
        <Flex vertical gap={token.marginXXS} align="start">
          <SyncStatusTag status={log.status} />
          {log.errors.length > 0 && <Typography.Text type="danger" style={{ fontSize: token.fontSizeSM }}>{log.errors.length} error{log.errors.length === 1 ? "" : "s"}</Typography.Text>}
        </Flex>
      ),
    },
    { title: "Accounts", dataIndex: "accounts", render: (accounts: SyncLog["accounts"]) => accounts.map((a) => <Tag key={a}>{accountLabels[a] ?? a}</Tag>) },
    { title: "Mode", dataIndex: "mode", responsive: ["sm"], render: (mode: string) => modeLabels[mode] ?? mode },
    { title: "Created", key: "created", align: "right", responsive: ["md"], render: count("created", token.colorSuccess) },
    { title: "Updated", key: "updated", align: "right", responsive: ["md"], render: count("updated", token.colorPrimary) },
    { title: "Unchanged", key: "unchanged", align: "right", responsive: ["lg"], render: count("unchanged") },
    { title: "Removed", key: "removed", align: "right", responsive: ["lg"], render: count("removed", token.colorWarning) },
    { title: "Failed", key: "failed", align: "right", responsive: ["lg"], render: count("failed", token.colorError) },
    { title: "Duration", dataIndex: "duration_ms", align: "right", responsive: ["sm"], render: (ms: number | null) => formatDurationMs(ms) },
    { title: "Triggered by", dataIndex: "triggered_by", responsive: ["xl"], ellipsis: true },
  ];
  if (onCancel) {
    columns.push({
      title: <span className="mf-visually-hidden">Actions</span>,
      key: "actions",
      width: isMobile ? 48 : 96,
      render: (_: unknown, log) =>
        log.status === "running" && (
          <Popconfirm title="Cancel this sync?" okText="Cancel sync" cancelText="Keep running" onConfirm={() => onCancel(log.id)}>
            <Button size="small" danger icon={<StopOutlined />} aria-label="Cancel sync">
              {isMobile ? null : "Cancel"}
            </Button>
          </Popconfirm>
        ),
    });
  }

  const onChange: TableProps<SyncLog>["onChange"] = (pagination) => onParamsChange(pageChange(pagination, params));

  const empty = filtered ? (
    <NoMatches what="syncs" onClear={onClearFilters} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No syncs yet: start one above" />
  );

  return (
    <div data-testid="sync-history-table" data-total={page?.total}>
      <Table<SyncLog>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        onChange={onChange}
        size="small"
        scroll={{ x: "max-content" }}
        expandable={{ expandedRowRender: (log) => <SyncLogDetails log={log} /> }}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: !isMobile,
          pageSizeOptions: HISTORY_PAGE_SIZES.map(String),
          simple: isMobile,
          showTotal: isMobile ? undefined : (total) => `${total} sync${total === 1 ? "" : "s"}`,
        }}
      />
    </div>
  );
}
