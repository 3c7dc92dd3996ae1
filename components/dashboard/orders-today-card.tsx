"use client";
// Today's orders at a glance (new, awaiting acknowledgement, total) and revenue per day of the
// last 30 days by account. Order events over the socket keep it current.
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryError } from "@/components/common/query-error";
import { RevenueByDayChart } from "@/components/orders/revenue-by-day-chart";
import { useOrdersLive } from "@/components/orders/use-orders-live";
import { orderQueries } from "@/lib/ui/queries/orders";
import { toNumber } from "@/lib/ui/format";

const DAYS = 30;
// The statistics carry no currency; both demo and live eMAG Romania accounts sell in RON.
const CURRENCY = "RON";

export function OrdersTodayCard() {
  const { token } = theme.useToken();
  useOrdersLive();
  const stats = useQuery(orderQueries.statistics(DAYS));
  const today = stats.data?.today;
  const revenue = (stats.data?.revenue_by_day ?? []).map((d) => ({ day: d.day, main: toNumber(d.main) ?? 0, fbe: toNumber(d.fbe) ?? 0 }));
  const hasRevenue = revenue.some((d) => d.main > 0 || d.fbe > 0);

  let body;
  if (stats.isError && !stats.data) {
    body = <QueryError compact error={stats.error} title="Could not load order statistics" onRetry={() => void stats.refetch()} retrying={stats.isFetching} />;
  } else if (stats.isPending) {
    body = <Skeleton active paragraph={{ rows: 5 }} />;
  } else {
    body = (
      <Flex vertical gap={token.marginMD}>
        <Row gutter={[token.marginMD, token.marginMD]}>
          <Col xs={8}>
            <Statistic title="New today" value={today?.new ?? 0} data-testid="orders-today-new" />
          </Col>
          <Col xs={8}>
            <Link href="/orders?status=1" aria-label="Orders awaiting acknowledgement">
              <Statistic
                title="To acknowledge"
                value={today?.unacknowledged ?? 0}
                styles={{ content: { color: today?.unacknowledged ? token.colorWarning : undefined } }}
                data-testid="orders-today-unacknowledged"
              />
            </Link>
          </Col>
          <Col xs={8}>
            <Statistic title="Total today" value={today?.total ?? 0} data-testid="orders-today-total" />
          </Col>
        </Row>
        <Flex vertical gap={token.marginXS}>
          <Typography.Text type="secondary">
            Revenue per day, last {DAYS} days ({CURRENCY})
          </Typography.Text>
          {hasRevenue ? (
            <RevenueByDayChart data={revenue} currency={CURRENCY} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No revenue in this period yet" />
          )}
        </Flex>
      </Flex>
    );
  }

  return (
    <Card title="Today's orders" variant="borderless" extra={<Link href="/orders">All orders</Link>} style={{ height: "100%" }} data-testid="orders-today-card">
      {body}
    </Card>
  );
}
