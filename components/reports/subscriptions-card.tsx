"use client";
// Admin only: who receives the report mails. A server-paged table (page in the URL) with a switch
// per kind, the latest delivery, and removal; the form above adds a recipient.
import { DeleteOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Grid, Popconfirm, Switch, Table, Tag, Tooltip, Typography, type TableProps } from "antd";
import { QueryError } from "@/components/common/query-error";
import { pageChange, serverPagination } from "@/components/common/server-table";
import { formatDateTime } from "@/lib/ui/format";
import { reportQueries, type Subscription } from "./queries";
import { SubscriptionForm } from "./subscription-form";
import { useDeleteSubscription, useUpdateSubscription } from "./use-subscription-mutations";

const PAGE_SIZES = [10, 20, 50] as const;

export function SubscriptionsCard({ page, pageSize, onPageChange }: { page: number; pageSize: number; onPageChange: (p: { page: number; pageSize: number }) => void }) {
  const isMobile = Grid.useBreakpoint().md === false;
  const list = useQuery(reportQueries.subscriptions(page, pageSize));
  const update = useUpdateSubscription();
  const remove = useDeleteSubscription();
  const busy = (id: string) => (update.isPending && update.variables?.id === id) || (remove.isPending && remove.variables === id);

  const kindSwitch = (kind: "daily" | "weekly") => (value: boolean, s: Subscription) => (
    <Switch size="small" checked={value} loading={busy(s.id)} onChange={(v) => update.mutate({ id: s.id, [kind]: v })} aria-label={`${kind} report for ${s.email}`} />
  );
  const columns: TableProps<Subscription>["columns"] = [
    {
      title: "Recipient",
      key: "email",
      render: (_: unknown, s) => (
        <div style={{ minWidth: 0, wordBreak: "break-all" }}>
          <Typography.Text strong>{s.email}</Typography.Text>
          {s.user_name && <Typography.Text type="secondary" style={{ display: "block" }}>{s.user_name}</Typography.Text>}
        </div>
      ),
    },
    { title: "Daily", dataIndex: "daily", width: 70, render: kindSwitch("daily") },
    { title: "Weekly", dataIndex: "weekly", width: 76, render: kindSwitch("weekly") },
    {
      title: "Last delivery",
      key: "last",
      responsive: ["md"],
      render: (_: unknown, s) =>
        s.last_delivery ? (
          <Tooltip title={s.last_delivery.error ?? formatDateTime(s.last_delivery.at)}>
            <Tag color={s.last_delivery.status === "sent" ? "success" : s.last_delivery.status === "failed" ? "error" : "processing"}>
              {s.last_delivery.kind} {s.last_delivery.period}: {s.last_delivery.status}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">None yet</Typography.Text>
        ),
    },
    {
      title: "",
      key: "actions",
      width: 48,
      render: (_: unknown, s) => (
        <Popconfirm title={`Stop sending reports to ${s.email}?`} okText="Remove" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(s.id)}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Remove ${s.email}`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title="Report recipients" variant="borderless" data-testid="report-subscriptions">
      <SubscriptionForm />
      {list.isError && !list.data ? (
        <QueryError compact error={list.error} title="Could not load the recipients" onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <Table<Subscription>
          rowKey="id"
          size="small"
          loading={list.isPending || list.isPlaceholderData}
          columns={columns}
          dataSource={list.data?.data}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Nobody receives the reports yet" /> }}
          pagination={serverPagination({ page, pageSize }, list.data?.total, { isMobile, pageSizes: PAGE_SIZES, noun: "recipients" })}
          onChange={(p) => onPageChange(pageChange(p, { page, pageSize }))}
        />
      )}
    </Card>
  );
}
