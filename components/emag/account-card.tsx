"use client";
// One eMAG account on the accounts page: mode, where its credentials come from, endpoint, settings,
// order callback URL, live rate-limit usage and a connection test; admins can edit it. Passwords
// never reach the browser (only whether one is set); the callback URL carries the account's token,
// so the API sends it to admins only (null for other roles).
import { useState } from "react";
import { EditOutlined, ReloadOutlined, ShopOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Descriptions, Divider, Flex, Popconfirm, Row, Tag, Tooltip, Typography, theme } from "antd";
import { AccountEditDrawer } from "@/components/emag/account-edit-drawer";
import { AccountModeTag } from "@/components/emag/account-mode-tag";
import { AccountAlerts, AccountSourceTag } from "@/components/emag/account-source";
import { useUpdateAccount } from "@/components/emag/use-account-mutations";
import { BucketUsageMeter } from "@/components/emag/bucket-usage-meter";
import { accountHints, accountLabels } from "@/components/emag/labels";
import { TestConnection } from "@/components/emag/test-connection";
import type { EmagAccount } from "@/lib/ui/queries/emag-accounts";

function CallbackUrl({ account, canManage }: { account: EmagAccount; canManage: boolean }) {
  const { message } = App.useApp();
  const update = useUpdateAccount(account.kind);
  const url = account.callback_url;
  if (!url) return <Typography.Text type="secondary">Only admins can see the callback URL</Typography.Text>;
  return (
    <Flex vertical gap={4} align="start">
      <Typography.Text code copyable={{ text: url, tooltips: ["Copy the URL to paste into eMAG", "Copied"] }} style={{ wordBreak: "break-all" }} data-testid="account-callback-url">
        {url}
      </Typography.Text>
      {canManage && (
        <Popconfirm
          title="Regenerate the callback token?"
          description="The current URL stops working at once; paste the new one into eMAG."
          okText="Regenerate"
          onConfirm={() => update.mutateAsync({ regenerate_callback_token: true }).then(() => void message.success("New callback URL ready: update it in eMAG"))}
        >
          <Button size="small" icon={<ReloadOutlined />} loading={update.isPending} data-testid={`account-regenerate-token-${account.kind}`}>
            Regenerate token
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

const onOff = (v: boolean) => (v ? "On" : "Off");

export function AccountCard({ account, canTest, canManage = false }: { account: EmagAccount; canTest: boolean; canManage?: boolean }) {
  const { token } = theme.useToken();
  const { buckets, store } = account.usage;
  const [editing, setEditing] = useState(false);
  const s = account.settings;

  return (
    <Card
      variant="borderless"
      data-testid={`account-card-${account.kind}`}
      data-mode={account.mode}
      title={
        <Flex align="center" gap={token.marginXS} style={{ minWidth: 0 }}>
          <ShopOutlined style={{ color: token.colorPrimary }} />
          <Typography.Text strong ellipsis>
            {account.displayName}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={token.marginXS} align="center">
          <AccountModeTag mode={account.mode} />
          {canManage && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`account-edit-${account.kind}`}>
              Edit
            </Button>
          )}
        </Flex>
      }
    >
      {canManage && <AccountEditDrawer account={account} open={editing} onClose={() => setEditing(false)} />}
      <Flex vertical gap={token.marginMD}>
        <AccountAlerts account={account} />
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "kind", label: "Account", children: <Tag>{accountLabels[account.kind]}</Tag> },
            { key: "fulfilment", label: "Fulfilment", children: accountHints[account.kind] },
            { key: "source", label: "Credentials", children: <AccountSourceTag source={account.source} /> },
            ...(account.username ? [{ key: "username", label: "API username", children: <Typography.Text data-testid={`account-username-${account.kind}`}>{account.username}</Typography.Text> }] : []),
            {
              key: "password",
              label: "Stored password",
              children: account.secret_set ? <Tag color="green">Set</Tag> : <Tag>Not set</Tag>,
            },
            {
              key: "url",
              label: "API base URL",
              children: (
                <Typography.Text code copyable style={{ wordBreak: "break-all" }} data-testid={`account-base-url-${account.kind}`}>
                  {account.baseUrl}
                </Typography.Text>
              ),
            },
            { key: "callback", label: "New-order callback", children: <CallbackUrl account={account} canManage={canManage} /> },
            {
              key: "ack",
              label: "Auto-acknowledge",
              children: s.auto_acknowledge === null ? `${onOff(s.auto_acknowledge_default)} (default)` : onOff(s.auto_acknowledge),
            },
            {
              key: "sender",
              label: "AWB sender",
              children: `${s.awb_sender_name ?? s.default_sender_name} · ${s.awb_sender_phone ?? s.default_sender_phone}${s.awb_sender_name || s.awb_sender_phone ? "" : " (default)"}${s.awb_pickup_address_id ? ` · pickup ${s.awb_pickup_address_id}` : ""}`,
            },
            {
              key: "store",
              label: "Rate-limit budget",
              children: (
                <Tooltip title={store === "redis" ? "Shared by every instance through Redis; the meters show this instance's share." : "Kept in this process"}>
                  <span>{store === "redis" ? "Shared (Redis)" : "This instance (memory)"}</span>
                </Tooltip>
              ),
            },
          ]}
        />
        <Divider style={{ margin: 0 }} titlePlacement="start" plain>
          Rate-limit usage
        </Divider>
        <Row gutter={[token.marginLG, token.marginMD]}>
          <Col xs={24} sm={12}>
            <BucketUsageMeter usage={buckets.default} testIdPrefix={`usage-${account.kind}-default`} />
          </Col>
          <Col xs={24} sm={12}>
            <BucketUsageMeter usage={buckets.orders} testIdPrefix={`usage-${account.kind}-orders`} />
          </Col>
        </Row>
        {canTest && (
          <>
            <Divider style={{ margin: 0 }} />
            {/* Remounted (and so re-run) when the connection changes. */}
            <TestConnection key={`${account.source}|${account.baseUrl}|${account.username ?? ""}`} account={account.kind} />
          </>
        )}
      </Flex>
    </Card>
  );
}
