"use client";
// Dashboard card: MAIN's offers at or below their low-stock threshold, lowest first.
import { Card, Empty, List, Skeleton, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryError } from "@/components/common/query-error";
import { inventoryQueries } from "@/lib/ui/queries/inventory";

const LIMIT = 8;

export function LowStockCard() {
  const low = useQuery({ ...inventoryQueries.lowStock(LIMIT), refetchInterval: 60_000 });
  let body;
  if (low.isError && !low.data) body = <QueryError compact error={low.error} title="Could not load low stock" onRetry={() => void low.refetch()} retrying={low.isFetching} />;
  else if (!low.data) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (!low.data.enabled) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Link href="/offers/inventory">Switch inventory on to track stock</Link>} />;
  else if (!low.data.data.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No offer is low on stock" />;
  else
    body = (
      <List
        size="small"
        dataSource={low.data.data}
        renderItem={(r) => (
          <List.Item extra={<Tag color={r.available <= 0 ? "error" : "warning"}>{r.available} left</Tag>}>
            <List.Item.Meta
              title={<Typography.Text ellipsis style={{ maxWidth: "100%" }}>{r.name ?? `Offer ${r.emag_offer_id}`}</Typography.Text>}
              description={`#${r.emag_offer_id} · threshold ${r.effective_threshold}`}
            />
          </List.Item>
        )}
      />
    );
  return (
    <Card
      title={low.data?.enabled && low.data.total ? `Low stock (${low.data.total})` : "Low stock"}
      variant="borderless"
      extra={<Link href="/offers/inventory?low=1">Inventory</Link>}
      style={{ height: "100%" }}
      data-testid="low-stock-card"
    >
      {body}
    </Card>
  );
}
