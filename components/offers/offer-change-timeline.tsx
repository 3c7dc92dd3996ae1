"use client";
// An offer's change timeline: who sent what (old → new per field), when, and eMAG's verdict.
import { useState } from "react";
import { Empty, Flex, Pagination, Skeleton, Timeline, Typography, theme } from "antd";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryError } from "@/components/common/query-error";
import { FieldChanges } from "@/components/offers/field-changes";
import { ItemStatusTag, JobKindTag } from "@/components/offers/offer-tags";
import { offerQueries, type OfferChangeEntry } from "@/lib/ui/queries/offers";
import { formatDateTime, formatRelative } from "@/lib/ui/format";

const PAGE_SIZE = 10;
const dotColor: Record<string, string> = { applied: "green", rejected: "red", failed: "red", pending: "gray", sending: "blue", cancelled: "gray", skipped: "gray" };
const who = (e: OfferChangeEntry) => e.by?.name || e.by?.email || e.job.triggered_by;

export function OfferChangeTimeline({ productId }: { productId: string }) {
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  const changes = useQuery({
    ...offerQueries.changes(productId, { page, pageSize: PAGE_SIZE }),
    // An item still waiting for eMAG: look again shortly for its verdict.
    refetchInterval: (q) => (q.state.data?.data.some((e) => e.status === "pending" || e.status === "sending") ? 2_000 : false),
  });

  let body;
  if (changes.isError && !changes.data) body = <QueryError compact error={changes.error} title="Could not load the change history" onRetry={() => void changes.refetch()} retrying={changes.isFetching} />;
  else if (!changes.data) body = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  else if (!changes.data.total) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No change sent from MagFlow yet" />;
  else
    body = (
      <>
        <Timeline
          items={changes.data.data.map((e) => {
            const at = e.decided_at ?? e.sent_at ?? e.job.created_at;
            return {
              key: e.id,
              color: dotColor[e.status] ?? "gray",
              content: (
                <Flex vertical gap={token.marginXXS} data-testid="offer-change-entry" data-status={e.status}>
                  <Flex wrap gap={token.marginXS} align="center">
                    <Typography.Text strong>{who(e)}</Typography.Text>
                    <Typography.Text type="secondary" title={formatDateTime(at)}>{formatRelative(at)}</Typography.Text>
                    <JobKindTag kind={e.job.kind} />
                    <ItemStatusTag status={e.status} />
                  </Flex>
                  <FieldChanges changes={e.changes} before={e.before} />
                  {e.message && <Typography.Text type={e.status === "applied" ? "secondary" : "danger"}>eMAG: {e.message}</Typography.Text>}
                  {e.job.kind !== "single" && <Link href={`/offers/jobs?job=${encodeURIComponent(e.job.id)}`}>Open the job</Link>}
                </Flex>
              ),
            };
          })}
        />
        {changes.data.total > PAGE_SIZE && <Pagination simple size="small" current={page} pageSize={PAGE_SIZE} total={changes.data.total} onChange={setPage} />}
      </>
    );

  return (
    <Flex vertical gap={token.marginSM} data-testid="offer-change-timeline">
      <Typography.Title level={5} style={{ margin: 0 }}>Change history</Typography.Title>
      {body}
    </Flex>
  );
}
