"use client";
// A user's API tokens: status, expiry and use; issue a new one or revoke one.
import { useState } from "react";
import { KeyOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Flex, Popconfirm, Table, Tag, Typography, theme, type TableProps } from "antd";
import { TokenIssueModal } from "@/components/users/token-issue-modal";
import { useRevokeToken } from "@/components/users/use-user-mutations";
import { formatDateTime, formatRelative } from "@/lib/ui/format";
import { tokenState, type AdminUser, type UserToken } from "@/lib/ui/queries/users";

const stateTags = {
  active: <Tag color="success">Active</Tag>,
  revoked: <Tag color="error">Revoked</Tag>,
  expired: <Tag color="default">Expired</Tag>,
};

export function UserTokens({ user }: { user: AdminUser }) {
  const { token: design } = theme.useToken();
  const { message } = App.useApp();
  const [issueOpen, setIssueOpen] = useState(false);
  const revoke = useRevokeToken(user.id);

  async function onRevoke(t: UserToken) {
    await revoke.mutateAsync(t.id);
    message.success(`Revoked “${t.name}”`);
  }

  const columns: TableProps<UserToken>["columns"] = [
    {
      title: "Token",
      key: "name",
      render: (_: unknown, t) => (
        <Flex vertical>
          <Typography.Text strong>{t.name}</Typography.Text>
          <Typography.Text type="secondary" code>{`${t.prefix}…`}</Typography.Text>
        </Flex>
      ),
    },
    { title: "Status", key: "state", width: 90, render: (_: unknown, t) => stateTags[tokenState(t)] },
    { title: "Expires", dataIndex: "expiresAt", responsive: ["sm"], render: (v: string | null) => (v ? formatDateTime(v) : "Never") },
    { title: "Last used", dataIndex: "lastUsedAt", responsive: ["md"], render: (v: string | null) => (v ? formatRelative(v) : "Never") },
    {
      title: <span className="mf-visually-hidden">Actions</span>,
      key: "actions",
      width: 80,
      render: (_: unknown, t) =>
        tokenState(t) === "active" ? (
          <Popconfirm
            title={`Revoke “${t.name}”?`}
            description="Anything using this token loses access immediately."
            okText="Revoke"
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(t)}
          >
            <Button size="small" danger data-testid="token-revoke">
              Revoke
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={design.marginSM}>
      <Flex justify="space-between" align="center" wrap gap={design.marginXS}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <KeyOutlined /> API tokens
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => setIssueOpen(true)} data-testid="token-issue">
          Issue token
        </Button>
      </Flex>
      <Table<UserToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={user.tokens}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No API tokens" /> }}
        data-testid="user-tokens"
      />
      <TokenIssueModal userId={user.id} userName={user.name} open={issueOpen} onClose={() => setIssueOpen(false)} />
    </Flex>
  );
}
