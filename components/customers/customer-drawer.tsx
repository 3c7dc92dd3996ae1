"use client";
// One customer in full, opened from the table or a link (?customer=c_…): profile and metrics with
// the spend chart, the reasons behind the scores, orders (paged), returns and the timeline.
// Full-width on phones; an order opens in the order drawer on top.
import { useState } from "react";
import { Drawer, Flex, Grid, Skeleton, Tabs, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { CustomerOrders } from "@/components/customers/customer-orders";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { CustomerReturns } from "@/components/customers/customer-returns";
import { CustomerScores } from "@/components/customers/customer-scores";
import { CustomerSpendChart } from "@/components/customers/customer-spend-chart";
import { RiskTag, SegmentTag, TierTag } from "@/components/customers/customer-tags";
import { CustomerTimeline } from "@/components/customers/customer-timeline";
import { customerQueries, type CustomerDetail, type CustomerSummaryRow } from "@/lib/ui/queries/customers";

interface CustomerDrawerProps {
  id: string | undefined;
  /** The table's row for this customer, shown in the title while the detail loads. */
  summary: CustomerSummaryRow | undefined;
  onClose: () => void;
  onOpenOrder: (orderId: string) => void;
}

const ORDERS_PAGE_SIZE = 10;

function Body({ id, onOpenOrder }: { id: string; onOpenOrder: (orderId: string) => void }) {
  const { token } = theme.useToken();
  const [ordersPage, setOrdersPage] = useState(1);
  const detail = useQuery(customerQueries.detail(id, ordersPage, ORDERS_PAGE_SIZE));
  const c: CustomerDetail | undefined = detail.data;

  if (detail.isError && !c) {
    return <QueryError compact error={detail.error} title="Could not load the customer" onRetry={() => void detail.refetch()} retrying={detail.isFetching} />;
  }
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;
  const currency = c.currency ?? "RON";
  return (
    <Tabs
      data-testid="customer-tabs"
      items={[
        {
          key: "profile",
          label: "Profile",
          children: (
            <Flex vertical gap={token.marginLG}>
              <CustomerProfile customer={c} />
              <Flex vertical gap={token.marginXS}>
                <Typography.Title level={5} style={{ margin: 0 }}>Spend over time ({currency})</Typography.Title>
                <CustomerSpendChart events={c.timeline} currency={currency} />
              </Flex>
            </Flex>
          ),
        },
        { key: "scores", label: "Scores", children: <CustomerScores customer={c} /> },
        {
          key: "orders",
          label: <span data-testid="customer-tab-orders">Orders ({c.orders.total})</span>,
          children: <CustomerOrders orders={c.orders} loading={detail.isPlaceholderData} onPage={(page) => setOrdersPage(page)} onOpenOrder={onOpenOrder} />,
        },
        { key: "returns", label: `Returns (${c.returns.length})`, children: <CustomerReturns returns={c.returns} currency={c.currency} onOpenOrder={onOpenOrder} /> },
        { key: "timeline", label: "Timeline", children: <CustomerTimeline events={c.timeline} currency={c.currency} onOpenOrder={onOpenOrder} /> },
      ]}
    />
  );
}

export function CustomerDrawer({ id, summary, onClose, onOpenOrder }: CustomerDrawerProps) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  // The title follows the detail once it is there (a linked customer has no table row).
  const head = useQuery({ ...customerQueries.detail(id ?? "", 1, ORDERS_PAGE_SIZE), enabled: false }).data ?? summary;

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isMobile ? "100%" : 820}
      styles={isMobile ? { body: { padding: token.paddingSM } } : undefined}
      destroyOnHidden
      title={
        <Flex align="center" gap={token.marginXS} wrap>
          <Typography.Text strong>{head?.name ?? "Customer"}</Typography.Text>
          {head && <TierTag tier={head.tier} />}
          {head && <SegmentTag segment={head.rfm_segment} rfm={head.rfm} />}
          {head && <RiskTag risk={head.risk} />}
        </Flex>
      }
      data-testid="customer-drawer"
    >
      {id && <Body key={id} id={id} onOpenOrder={onOpenOrder} />}
    </Drawer>
  );
}
