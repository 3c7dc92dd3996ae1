"use client";
// A started job, followed live: progress bar, counters and a link to its page.
import Link from "next/link";
import { Alert, Flex, Progress, Skeleton, Statistic, theme } from "antd";
import { QueryError } from "@/components/common/query-error";
import { JobStatusTag } from "@/components/offers/offer-tags";
import { useOfferJob } from "@/components/offers/use-offer-job-live";
import { isJobOpen, type OfferJob } from "@/lib/ui/queries/offers";

export function JobCounters({ job, size = "small" }: { job: Pick<OfferJob, "total" | "applied" | "rejected" | "failed">; size?: "small" | "default" }) {
  const { token } = theme.useToken();
  const style = { fontSize: size === "small" ? token.fontSizeLG : token.fontSizeHeading3 };
  return (
    <Flex wrap gap={token.marginLG} data-testid="offer-job-counters">
      <Statistic title="Offers" value={job.total} styles={{ content: style }} />
      <Statistic title="Applied" value={job.applied} styles={{ content: { ...style, color: token.colorSuccess } }} data-testid="offer-job-applied" />
      <Statistic title="Rejected" value={job.rejected} styles={{ content: { ...style, color: job.rejected ? token.colorError : undefined } }} />
      <Statistic title="Failed" value={job.failed} styles={{ content: { ...style, color: job.failed ? token.colorError : undefined } }} />
    </Flex>
  );
}

export function OfferJobProgress({ jobId }: { jobId: string }) {
  const { token } = theme.useToken();
  const job = useOfferJob(jobId);
  if (job.isError && !job.data) return <QueryError compact error={job.error} onRetry={() => void job.refetch()} retrying={job.isFetching} />;
  if (!job.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const j = job.data;
  const open = isJobOpen(j.status);
  const percent = Math.min(100, Math.round(j.percent));
  return (
    <Flex vertical gap={token.marginSM} data-testid="offer-job-progress" data-status={j.status} data-percent={percent}>
      <Flex align="center" gap={token.marginSM} wrap>
        <JobStatusTag status={j.status} />
        <Link href={`/offers/jobs?job=${encodeURIComponent(j.id)}`} data-testid="offer-job-link">
          Open the job
        </Link>
      </Flex>
      <Progress
        percent={percent}
        status={open ? "active" : j.status === "failed" ? "exception" : j.rejected || j.failed ? "normal" : "success"}
        aria-label="Job progress"
      />
      <JobCounters job={j} />
      {!open && (j.rejected > 0 || j.failed > 0) && (
        <Alert type="warning" showIcon title="Some offers were not changed" description="Open the job to see eMAG's messages per offer, or retry the failed ones." />
      )}
      {j.error && <Alert type="error" showIcon title="The job stopped" description={j.error} />}
    </Flex>
  );
}
