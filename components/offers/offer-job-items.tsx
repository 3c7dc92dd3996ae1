"use client";
// A job's per-offer outcomes (server-paged), filtered by status.
import { useState } from "react";
import { Flex, Grid, Select, Table, Tooltip, Typography, theme, type TableProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import { QueryError } from "@/components/common/query-error";
import { accountLabels } from "@/components/emag/labels";
import { FieldChanges } from "@/components/offers/field-changes";
import { itemStatusLooks } from "@/components/offers/labels";
import { ItemStatusTag } from "@/components/offers/offer-tags";
import { offerItemStatuses, offerQueries, type OfferItemStatus, type OfferJobDetail, type OfferJobItem } from "@/lib/ui/queries/offers";
import { formatCount, formatDateTime, formatRelative } from "@/lib/ui/format";

const PAGE_SIZE = 20;

export function OfferJobItems({ job, open }: { job: OfferJobDetail; open: boolean }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const [status, setStatus] = useState<OfferItemStatus | undefined>();
  const [page, setPage] = useState(1);
  const items = useQuery({ ...offerQueries.jobItems(job.id, { page, pageSize: PAGE_SIZE, status }), refetchInterval: open ? 3_000 : false });

  const offer = (i: OfferJobItem) => (
    <span style={{ whiteSpace: "nowrap" }}>
      {isMobile ? `#${i.seq} · ` : ""}
      {i.emag_offer_id}
      <Typography.Text type="secondary"> · {accountLabels[i.account] ?? i.account}</Typography.Text>
    </span>
  );
  const outcome = (i: OfferJobItem) => (
    <Flex vertical gap={2} style={{ maxWidth: isMobile ? 300 : 320 }}>
      <span><ItemStatusTag status={i.status} /></span>
      {i.message && <Typography.Text type={i.status === "applied" ? "secondary" : "danger"} style={{ fontSize: token.fontSizeSM, whiteSpace: "normal" }}>{i.message}</Typography.Text>}
    </Flex>
  );
  // Phones: one stacked column per offer instead of five side by side.
  const columns: TableProps<OfferJobItem>["columns"] = isMobile
    ? [{ title: "Offer · outcome", key: "all", render: (_: unknown, i) => <Flex vertical gap={token.marginXXS}>{offer(i)}<FieldChanges changes={i.changes} before={i.before} />{outcome(i)}</Flex> }]
    : [
        { title: "#", dataIndex: "seq", width: 56 },
        { title: "Offer", key: "offer", render: (_: unknown, i) => offer(i) },
        { title: "Change", key: "change", render: (_: unknown, i) => <FieldChanges changes={i.changes} before={i.before} /> },
        { title: "Outcome", key: "status", render: (_: unknown, i) => outcome(i) },
        {
          title: "Decided",
          dataIndex: "decided_at",
          render: (iso: string | null) => (iso ? <Tooltip title={formatDateTime(iso)}><span style={{ whiteSpace: "nowrap" }}>{formatRelative(iso)}</span></Tooltip> : "—"),
        },
      ];

  const counts = job.items_by_status ?? {};
  return (
    <Flex vertical gap={token.marginSM} data-testid="offer-job-items">
      <Flex wrap gap={token.marginSM} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>Offers</Typography.Title>
        <Select<OfferItemStatus>
          allowClear
          placeholder="Any outcome"
          value={status}
          style={{ width: 200 }}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={offerItemStatuses.map((s) => ({ value: s, label: `${itemStatusLooks[s].label} (${formatCount(counts[s] ?? 0)})`, disabled: !counts[s] }))}
          data-testid="offer-job-items-status"
          aria-label="Filter by outcome"
        />
      </Flex>
      {items.isError && !items.data ? (
        <QueryError compact error={items.error} onRetry={() => void items.refetch()} retrying={items.isFetching} />
      ) : (
        <Table<OfferJobItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items.data?.data}
          loading={items.isPending}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: items.data ? (status ? "No offer with this outcome" : "This job has no offers") : <span /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: items.data?.total ?? 0, simple: isMobile, showSizeChanger: false, size: "small" }}
          onChange={(p) => setPage(p.current ?? 1)}
        />
      )}
    </Flex>
  );
}
