// The offer job's body, written against StepRunner so the Inngest function and the in-process
// runner execute the same steps: "start", one "batch-N" step per batch (in lanes, so several
// offer/save calls are in flight while each waits its 3-4 s; the account's limiter paces them with
// every other caller), then "finish". A re-run skips nothing it should not: each batch step sends
// only its pending items and re-reads those in doubt, so resuming after a crash never applies twice.
import type { StepRunner } from "@/lib/jobs/step";
import { finishOfferJob, markJobRunning } from "./jobs";
import { runBatch } from "./send";

/** Batches in flight per job: enough to keep 3 req/s busy at 3-4 s per call. */
export const JOB_LANES = 12;

export async function offerJobBody(step: StepRunner, jobId: string) {
  const job = (await step.run("start", async () => {
    const j = await markJobRunning(jobId);
    return j ? { batches: j.batches } : null;
  })) as { batches: number } | null;
  if (!job) return { jobId, status: "missing" };
  const batches = Array.from({ length: job.batches }, (_, i) => i + 1);
  await Promise.all(
    Array.from({ length: Math.min(JOB_LANES, batches.length) }, async (_, lane) => {
      for (let i = lane; i < batches.length; i += JOB_LANES) {
        const b = batches[i]!;
        await step.run(`batch-${b}`, () => runBatch(jobId, b));
      }
    }),
  );
  const ended = (await step.run("finish", async () => {
    const j = await finishOfferJob(jobId);
    return { status: j.status, applied: j.applied, rejected: j.rejected, failed: j.failed };
  })) as Record<string, unknown>;
  return { jobId, ...ended };
}
