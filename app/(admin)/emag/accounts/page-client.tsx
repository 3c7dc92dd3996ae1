"use client";
// eMAG accounts: how each account is connected and how much of its request budget is in use.
import { Card, Col, Empty, Row, Skeleton, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { AccountCard } from "@/components/emag/account-card";
import { PageContainer } from "@/components/layout/page-container";
import { emagAccountQueries } from "@/lib/ui/queries/emag-accounts";

export function AccountsPageClient({ canTest, canManage }: { canTest: boolean; canManage: boolean }) {
  const { token } = theme.useToken();
  const accounts = useQuery(emagAccountQueries.list({ live: true }));

  let body;
  if (accounts.isPending) {
    body = [0, 1].map((i) => (
      <Col xs={24} xl={12} key={i}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 7 }} />
        </Card>
      </Col>
    ));
  } else if (accounts.isError && !accounts.data) {
    body = (
      <Col span={24}>
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />
      </Col>
    );
  } else if (accounts.data.length === 0) {
    body = (
      <Col span={24}>
        <Card variant="borderless">
          <Empty description="No eMAG accounts are configured" />
        </Card>
      </Col>
    );
  } else {
    body = accounts.data.map((account) => (
      <Col xs={24} xl={12} key={account.kind}>
        <AccountCard account={account} canTest={canTest} canManage={canManage} />
      </Col>
    ));
  }

  return (
    <PageContainer subtitle={canManage ? "Connect each seller account, its settings and live rate-limit usage" : "Connection mode, API endpoint and live rate-limit usage of each seller account"}>
      <div data-testid="accounts-page">
        <Row gutter={[token.marginMD, token.marginMD]}>{body}</Row>
      </div>
    </PageContainer>
  );
}
