"use client";
// One eMAG account on the accounts page: mode, endpoint, order callback URL, live rate-limit usage
// and a connection test. Credentials never reach the browser; the callback URL carries the
// account's token, so the API sends it to admins only (null for other roles).
import { ShopOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Divider, Flex, Row, Tag, Tooltip, Typography, theme } from "antd";
import { AccountModeTag } from "@/components/emag/account-mode-tag";
import { BucketUsageMeter } from "@/components/emag/bucket-usage-meter";
import { accountHints, accountLabels } from "@/components/emag/labels";
import { TestConnection } from "@/components/emag/test-connection";
import type { EmagAccount } from "@/lib/ui/queries/emag-accounts";

function CallbackUrl({ url }: { url: string | null }) {
  if (!url) return <Typography.Text type="secondary">Only admins can see the callback URL</Typography.Text>;
  return (
    <Typography.Text code copyable={{ text: url, tooltips: ["Copy the URL to paste into eMAG", "Copied"] }} style={{ wordBreak: "break-all" }} data-testid="account-callback-url">
      {url}
    </Typography.Text>
  );
}

export function AccountCard({ account, canTest }: { account: EmagAccount; canTest: boolean }) {
  const { token } = theme.useToken();
  const { buckets, store } = account.usage;

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
      extra={<AccountModeTag mode={account.mode} />}
    >
      <Flex vertical gap={token.marginMD}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "kind", label: "Account", children: <Tag>{accountLabels[account.kind]}</Tag> },
            { key: "fulfilment", label: "Fulfilment", children: accountHints[account.kind] },
            {
              key: "url",
              label: "API base URL",
              children: (
                <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
                  {account.baseUrl}
                </Typography.Text>
              ),
            },
            { key: "callback", label: "New-order callback", children: <CallbackUrl url={account.callback_url} /> },
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
            <TestConnection account={account.kind} />
          </>
        )}
      </Flex>
    </Card>
  );
}
