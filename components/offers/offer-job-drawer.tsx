"use client";
// One offer job: live counters, what it was asked to do, and every offer's outcome. Managers and
// admins can cancel a running job and retry its failed or cancelled items; anyone can download
// the outcomes as CSV.
import { DownloadOutlined, RedoOutlined, StopOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Progress, Skeleton, Typography, theme } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { QueryError } from "@/components/common/query-error";
import { JobCounters } from "@/components/offers/offer-job-progress";
import { OfferJobItems } from "@/components/offers/offer-job-items";
import { JobKindTag, JobStatusTag } from "@/components/offers/offer-tags";
import { jobAuthor } from "@/components/offers/offer-jobs-table";
import { useOfferJob } from "@/components/offers/use-offer-job-live";
import { formatOfferValue } from "@/components/offers/field-changes";
import { fieldLabel } from "@/components/offers/labels";
import { isJobOpen, newIdempotencyKey, offerKeys, offersApi, type BulkOperation, type OfferJobDetail, type OfferValues } from "@/lib/ui/queries/offers";
import { formatCount, formatDateTime, formatMoney } from "@/lib/ui/format";
import { saveFile } from "@/lib/ui/save-file";

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** What the job was asked to do, in words (the spec as lib/offers stores it). */
export function specText(spec: OfferJobDetail["spec"]): string {
  if (!spec) return "—";
  const s = spec as { operation?: BulkOperation; change?: OfferValues; retry_of?: string; items?: number; filter?: unknown };
  const parts: string[] = [];
  const op = s.operation;
  if (op?.price) {
    const p = op.price;
    const what = p.mode === "set" ? `price set to ${formatMoney(p.value)}` : p.mode === "percent" ? `price ${signed(p.value)} %` : `price ${signed(p.value)} (ex VAT)`;
    parts.push(p.round === "none" ? what : `${what}, rounded to .${p.round}`);
  }
  for (const [field, value] of Object.entries({ ...(op ?? {}), ...(s.change ?? {}) })) {
    if (field === "price" || typeof value !== "number") continue;
    parts.push(`${fieldLabel(field).toLowerCase()} → ${formatOfferValue(field, value)}`);
  }
  if (s.retry_of) parts.push(`retry of ${s.items ?? ""} failed or cancelled offer(s)`);
  return parts.length ? parts.join("; ").replace(/^./, (c) => c.toUpperCase()) : JSON.stringify(spec);
}

function useJobActions(job: OfferJobDetail | undefined, onRetried: (id: string) => void) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const retryKey = useRef<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: offerKeys.all });
  const cancel = useMutation({ mutationFn: () => offersApi.cancel(job!.id), onSuccess: () => { void message.success("Cancel requested: unsent offers will not be sent"); refresh(); } });
  const retry = useMutation({
    // One key per job: a double click on "Retry" never starts two retries.
    mutationFn: () => offersApi.retry(job!.id, (retryKey.current ??= newIdempotencyKey())),
    onSuccess: (res) => { void message.success("Retry started"); refresh(); onRetried(res.job.id); },
  });
  const download = useMutation({ mutationFn: () => offersApi.downloadItems(job!.id), onSuccess: ({ blob, filename }) => saveFile(blob, filename ?? `offer-job-${job!.id}.csv`) });
  return { cancel, retry, download };
}

export function OfferJobDrawer({ id, canWrite, onClose, onOpen }: { id: string | undefined; canWrite: boolean; onClose: () => void; onOpen: (id: string) => void }) {
  const { token } = theme.useToken();
  const isMobile = Grid.useBreakpoint().md === false;
  const job = useOfferJob(id ?? null);
  const j = job.data;
  const { cancel, retry, download } = useJobActions(j, onOpen);
  const open = isJobOpen(j?.status);
  const retriable = !!j && !open && ((j.items_by_status.failed ?? 0) + (j.items_by_status.cancelled ?? 0)) > 0;

  const actions = j && (
    <Flex wrap gap={token.marginXS}>
      {canWrite && open && (
        <Popconfirm title="Cancel this job?" description="Offers not sent yet are cancelled; those already sent still get eMAG's verdict." okText="Cancel job" cancelText="Keep running" onConfirm={() => cancel.mutate()}>
          <Button danger icon={<StopOutlined />} loading={cancel.isPending} disabled={!!j.cancel_requested_at} data-testid="offer-job-cancel">
            {j.cancel_requested_at ? "Cancelling…" : "Cancel"}
          </Button>
        </Popconfirm>
      )}
      {canWrite && retriable && (
        <Button icon={<RedoOutlined />} loading={retry.isPending} onClick={() => retry.mutate()} data-testid="offer-job-retry">
          Retry failed ({formatCount((j.items_by_status.failed ?? 0) + (j.items_by_status.cancelled ?? 0))})
        </Button>
      )}
      <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()} data-testid="offer-job-download">
        Download CSV
      </Button>
    </Flex>
  );

  return (
    <Drawer open={!!id} onClose={onClose} size={isMobile ? "100%" : 820} destroyOnHidden title={j ? <Flex gap={token.marginXS} align="center"><JobKindTag kind={j.kind} /><JobStatusTag status={j.status} /></Flex> : "Offer job"} data-testid="offer-job-drawer">
      {job.isError && !j ? (
        <QueryError error={job.error} onRetry={() => void job.refetch()} retrying={job.isFetching} />
      ) : !j ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Flex vertical gap={token.marginLG} data-testid="offer-job-detail" data-status={j.status} data-applied={j.applied}>
          {actions}
          <Progress percent={Math.min(100, Math.round(j.percent))} success={{ percent: j.total ? (j.applied / j.total) * 100 : 0 }} status={open ? "active" : j.rejected || j.failed ? "exception" : "success"} />
          <JobCounters job={j} />
          {j.error && <Typography.Text type="danger">{j.error}</Typography.Text>}
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: "by", label: "By", children: jobAuthor(j) },
              { key: "via", label: "Triggered by", children: j.triggered_by },
              { key: "created", label: "Created", children: formatDateTime(j.created_at) },
              { key: "completed", label: "Completed", children: j.completed_at ? formatDateTime(j.completed_at) : "—" },
              { key: "spec", label: "Change", span: "filled", children: specText(j.spec) },
              ...(j.parent_job_id ? [{ key: "parent", label: "Retry of", children: <Typography.Link onClick={() => onOpen(j.parent_job_id!)}>{j.parent_job_id}</Typography.Link> }] : []),
              { key: "id", label: "Job id", children: <Typography.Text copyable style={{ wordBreak: "break-all" }}>{j.id}</Typography.Text> },
            ]}
          />
          <OfferJobItems job={j} open={open} />
        </Flex>
      )}
    </Drawer>
  );
}
