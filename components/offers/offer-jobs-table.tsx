"use client";
// Offer jobs, newest first (server-paged): kind, status, who, when, and counters with a small
// progress bar that moves live.
import { Empty, Flex, Grid, Progress, Table, Tooltip, Typography, type TableProps } from "antd";
import { NoMatches, serverPagination } from "@/components/common/server-table";
import { JobKindTag, JobStatusTag } from "@/components/offers/offer-tags";
import { JOB_PAGE_SIZES } from "@/components/offers/use-offer-jobs-url-state";
import type { Page } from "@/lib/ui/api-client";
import { isJobOpen, type JobsParams, type OfferJob } from "@/lib/ui/queries/offers";
import { formatCount, formatDateTime, formatRelative } from "@/lib/ui/format";

export const jobAuthor = (j: OfferJob) => j.created_by?.name || j.created_by?.email || (j.triggered_by === "user" ? "A user" : j.triggered_by[0]!.toUpperCase() + j.triggered_by.slice(1));

export function JobBar({ job }: { job: OfferJob }) {
  const done = job.applied + job.rejected + job.failed;
  return (
    <Tooltip title={`${formatCount(job.applied)} applied · ${formatCount(job.rejected)} rejected · ${formatCount(job.failed)} failed · ${formatCount(job.skipped)} skipped`}>
      <div style={{ minWidth: 140 }} data-testid="offer-job-bar" data-percent={Math.round(job.percent)}>
        <Progress
          size="small"
          percent={Math.min(100, Math.round(job.percent))}
          success={{ percent: job.total ? (job.applied / job.total) * 100 : 0 }}
          status={isJobOpen(job.status) ? "active" : job.rejected || job.failed ? "exception" : "normal"}
          showInfo={false}
        />
        <Typography.Text type="secondary" style={{ fontSize: "0.85em", whiteSpace: "nowrap" }}>
          {formatCount(done)} / {formatCount(job.total)} · {formatCount(job.applied)} applied
          {job.rejected + job.failed > 0 ? ` · ${formatCount(job.rejected + job.failed)} not` : ""}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}

interface OfferJobsTableProps {
  page: Page<OfferJob> | undefined;
  loading: boolean;
  params: JobsParams;
  filtered: boolean;
  onParamsChange: (patch: Partial<JobsParams>) => void;
  onClearFilters: () => void;
  onOpen: (job: OfferJob) => void;
}

export function OfferJobsTable({ page, loading, params, filtered, onParamsChange, onClearFilters, onOpen }: OfferJobsTableProps) {
  const isMobile = Grid.useBreakpoint().md === false;
  const columns: TableProps<OfferJob>["columns"] = [
    {
      title: "Job",
      key: "job",
      render: (_: unknown, j) => (
        <Flex vertical gap={2}>
          <Typography.Link onClick={() => onOpen(j)} data-testid="offer-job-open" data-job-id={j.id} style={{ whiteSpace: "nowrap" }}>
            <JobKindTag kind={j.kind} />
          </Typography.Link>
          {isMobile && <JobStatusTag status={j.status} />}
        </Flex>
      ),
    },
    { title: "Status", dataIndex: "status", responsive: ["md"], render: (s: OfferJob["status"]) => <JobStatusTag status={s} /> },
    { title: "Progress", key: "progress", render: (_: unknown, j) => <JobBar job={j} /> },
    { title: "By", key: "by", responsive: ["sm"], ellipsis: true, render: (_: unknown, j) => jobAuthor(j) },
    {
      title: "Created",
      dataIndex: "created_at",
      responsive: ["sm"],
      render: (iso: string) => (
        <Tooltip title={formatDateTime(iso)}>
          <span style={{ whiteSpace: "nowrap" }}>{formatRelative(iso)}</span>
        </Tooltip>
      ),
    },
  ];
  const empty = filtered ? (
    <NoMatches what="jobs" onClear={onClearFilters} />
  ) : (
    <Empty description="No offer changes yet: bulk changes, imports, repricer and inventory runs appear here" data-testid="offer-jobs-empty" />
  );
  return (
    <div data-testid="offer-jobs-table" data-total={page?.total}>
      <Table<OfferJob>
        rowKey="id"
        columns={columns}
        dataSource={page?.data}
        loading={loading}
        size={isMobile ? "small" : "middle"}
        scroll={{ x: "max-content" }}
        onRow={(j) => ({ onDoubleClick: () => onOpen(j) })}
        locale={{ emptyText: page ? empty : <span /> }}
        pagination={serverPagination(params, page?.total, { isMobile, pageSizes: JOB_PAGE_SIZES, noun: "jobs" })}
        onChange={(p, _f, _s, extra) => {
          if (extra.action !== "paginate") return;
          const pageSize = p.pageSize ?? params.pageSize;
          onParamsChange({ pageSize, page: pageSize !== params.pageSize ? 1 : (p.current ?? 1) });
        }}
      />
    </div>
  );
}
