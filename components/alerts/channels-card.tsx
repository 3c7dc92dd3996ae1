"use client";
// The channels: each with its switch, a "send test alert" button whose verdict (sent, or the
// channel's own error) shows under it, and delete.
import { DeleteOutlined, MailOutlined, PlusOutlined, SendOutlined, ApiOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { ChannelModal } from "./channel-modal";
import { alertQueries, useDeleteChannel, useTestChannel, useUpdateChannel, type ChannelJson, type TestResultJson } from "./queries";

function ChannelRow({ channel }: { channel: ChannelJson }) {
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  const test = useTestChannel();
  const [verdict, setVerdict] = useState<TestResultJson | null>(null);
  const target = channel.kind === "email" ? (channel.to ?? []).join(", ") : (channel.url_masked ?? "");

  return (
    <List.Item data-testid={`alerts-channel-${channel.id}`} style={{ display: "block" }}>
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Flex gap="small" align="center" style={{ minWidth: 0, flex: "1 1 220px" }}>
          {channel.kind === "email" ? <MailOutlined /> : <ApiOutlined />}
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{channel.name}</Typography.Text> <Tag>{channel.kind === "email" ? "E-mail" : "Webhook"}</Tag>
            <Typography.Text type="secondary" ellipsis style={{ display: "block", maxWidth: "100%" }}>
              {target}
            </Typography.Text>
          </div>
        </Flex>
        <Flex gap="small" align="center" wrap>
          <Switch
            checked={channel.enabled}
            loading={update.isPending}
            aria-label={`Enable ${channel.name}`}
            onChange={(enabled) => update.mutate({ id: channel.id, body: { enabled } })}
          />
          <Button
            icon={<SendOutlined />}
            loading={test.isPending}
            data-testid="alerts-channel-test"
            onClick={() => {
              setVerdict(null);
              test.mutate(channel.id, { onSuccess: setVerdict });
            }}
          >
            Send test alert
          </Button>
          <Popconfirm title={`Delete “${channel.name}”?`} okText="Delete" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(channel.id)}>
            <Button icon={<DeleteOutlined />} danger aria-label={`Delete ${channel.name}`} loading={remove.isPending} />
          </Popconfirm>
        </Flex>
      </Flex>
      {verdict && (
        <Alert
          style={{ marginTop: 8 }}
          showIcon
          closable={{ onClose: () => setVerdict(null) }}
          type={verdict.ok ? "success" : "error"}
          title={verdict.ok ? "Test alert sent" : `Test alert failed: ${verdict.error ?? "unknown error"}`}
          data-testid="alerts-channel-verdict"
          data-ok={verdict.ok ? "1" : "0"}
        />
      )}
    </List.Item>
  );
}

export function ChannelsCard() {
  const channels = useQuery(alertQueries.channels());
  const [adding, setAdding] = useState(false);
  const add = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="alerts-add-channel">
      Add channel
    </Button>
  );
  return (
    <Card title="Channels" extra={add} data-testid="alerts-channels">
      {channels.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : channels.isError ? (
        <QueryError compact error={channels.error} onRetry={() => void channels.refetch()} retrying={channels.isFetching} />
      ) : channels.data.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No channels yet: alerts are recorded below but sent nowhere." />
      ) : (
        <List dataSource={channels.data.data} rowKey="id" renderItem={(c) => <ChannelRow channel={c} />} />
      )}
      <ChannelModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
