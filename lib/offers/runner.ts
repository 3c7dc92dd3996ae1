// Where an offer job runs: Inngest when a server is reachable (event emag/offers.job-requested),
// otherwise in this process in the background. A job whose runner died (crash, kill, deploy) is
// resumed at boot and by the stuck-job sweep: claiming it is one UPDATE on a stale heartbeat, so
// exactly one instance resumes it.
import { inngest } from "@/inngest/client";
import { offerJobRequested } from "@/inngest/events";
import { db } from "@/lib/db";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { jobMode } from "@/lib/jobs/mode";
import { logger } from "@/lib/logger";
import { emit } from "@/lib/realtime/emit";
import { jobPayload, refreshJobCounters } from "./jobs";
import { offerJobBody } from "./job";

export const OFFER_JOB_FUNCTION_ID = "emag-offer-job";
/** A running job without a heartbeat for this long has lost its runner. */
export const OFFER_JOB_STALE_MS = 60_000;

type G = { __magflowOfferJobs?: Map<string, Promise<unknown>> };
const background = ((globalThis as G).__magflowOfferJobs ??= new Map());

/** Ends a job as failed; items keep their own states (in-doubt ones are settled by a retry job). */
export async function failOfferJob(jobId: string, message: string) {
  await db.offerJob.updateMany({ where: { id: jobId, status: { in: ["pending", "running"] } }, data: { status: "failed", error: message.slice(0, 1000), completedAt: new Date() } });
  await db.offerJobItem.updateMany({ where: { jobId, status: "pending" }, data: { status: "failed", message: `Not sent: ${message}`.slice(0, 1000), decidedAt: new Date() } });
  const { job, counts } = await refreshJobCounters(jobId, false);
  emit("offer-job:completed", jobPayload(job, counts.cancelled ?? 0));
}

/** Runs the job to its end in this process; a body that gives up leaves the job failed. */
export async function runOfferJobHere(jobId: string) {
  try {
    return await offerJobBody(inProcessStep(OFFER_JOB_FUNCTION_ID, 6), jobId);
  } catch (err) {
    logger.error({ err, jobId }, "offer job failed");
    await failOfferJob(jobId, err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

function inBackground(jobId: string) {
  if (background.has(jobId)) return;
  const p = runOfferJobHere(jobId)
    .catch((err: unknown) => void logger.error({ err, jobId }, "background offer job crashed"))
    .finally(() => background.delete(jobId));
  background.set(jobId, p);
}

/** Inngest when it runs jobs; otherwise (or if the send fails) here, in the background. */
export async function dispatchOfferJob(jobId: string): Promise<"inngest" | "in-process" | "none"> {
  const job = await db.offerJob.findUnique({ where: { id: jobId }, select: { status: true } });
  if (!job || job.status !== "pending") return "none";
  if (jobMode().mode !== "in-process") {
    try {
      await inngest.send(offerJobRequested.create({ job_id: jobId }));
      return "inngest";
    } catch (err) {
      logger.warn({ err, jobId }, "could not send the offer job to Inngest; running it in-process");
    }
  }
  inBackground(jobId);
  return "in-process";
}

/** Tests and graceful shutdown: resolves when this process's offer jobs have ended. */
export async function waitForOfferJobs() {
  while (background.size) await Promise.all([...background.values()]);
}

/**
 * Resumes jobs whose runner died: claims each stale one (one UPDATE, so one instance wins) and runs
 * it here. Called at boot and by the stuck-job sweep. In Inngest mode, Inngest retries its own runs;
 * only in-process jobs are resumed.
 */
export async function recoverOfferJobs(staleMs = OFFER_JOB_STALE_MS): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE offer_jobs SET heartbeat_at = now()
    WHERE (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${staleMs / 1000}::float8)))
       OR (status = 'pending' AND created_at < now() - make_interval(secs => ${staleMs / 1000}::float8))
    RETURNING id::text AS id`;
  for (const { id } of rows) {
    logger.warn({ jobId: id }, "resuming an interrupted offer job");
    inBackground(id);
  }
  return rows.map((r) => r.id);
}
