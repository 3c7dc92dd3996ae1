"use client";
// The configured eMAG accounts and whether each talks to the live API or the simulator.
import { ShopOutlined } from "@ant-design/icons";
import { Card, Empty, Flex, Tag, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { systemQueries } from "@/lib/ui/queries/system";

const kindLabels = { main: "Main", fbe: "FBE (Fulfilled by eMAG)" } as const;

export function AccountsCard() {
  const { token } = theme.useToken();
  const status = useQuery(systemQueries.status());
  const accounts = status.data?.accounts;

  let body;
  if (status.isError && !accounts) {
    body = <QueryError compact error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  } else if (accounts && accounts.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No eMAG accounts are configured yet" />;
  } else {
    body = (
      <Flex vertical gap={token.marginSM} data-testid="accounts-list">
        {accounts?.map((account) => (
          <Flex
            key={`${account.kind}-${account.displayName}`}
            align="center"
            justify="space-between"
            gap={token.marginSM}
            wrap
            style={{ padding: token.paddingSM, border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}
          >
            <Flex align="center" gap={token.marginSM} style={{ minWidth: 0 }}>
              <ShopOutlined style={{ color: token.colorPrimary, fontSize: token.fontSizeLG }} />
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis>
                  {account.displayName}
                </Typography.Text>
                <Typography.Text type="secondary">{kindLabels[account.kind] ?? account.kind}</Typography.Text>
              </Flex>
            </Flex>
            {account.mode === "live" ? <Tag color="green">Live</Tag> : <Tag color="gold">Demo</Tag>}
          </Flex>
        ))}
      </Flex>
    );
  }

  return (
    <Card title="eMAG accounts" variant="borderless" loading={status.isPending}>
      {body}
    </Card>
  );
}
