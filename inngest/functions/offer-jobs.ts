import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { offerJobRequested, offerJobRequestedSchema } from "@/inngest/events";
import { JOB_LANES, offerJobBody } from "@/lib/offers/job";
import { OFFER_JOB_FUNCTION_ID } from "@/lib/offers/runner";

/**
 * Sends an offer-change job's batches (bulk, import, repricer, inventory, single). Idempotent on
 * job_id: a re-sent event never starts a second run. A run that fails for good leaves the job
 * "running" without heartbeats; the 10-minute sweep (recoverOfferJobs) claims and resumes it, and
 * its items in doubt are re-read before anything is sent again.
 */
export const runOfferJob = inngest.createFunction(
  {
    id: OFFER_JOB_FUNCTION_ID,
    name: "eMAG offer changes",
    triggers: [offerJobRequested],
    idempotency: "event.data.job_id",
    concurrency: [{ limit: JOB_LANES + 2 }],
    retries: 5,
    optimizeParallelism: false,
  },
  async ({ event, step }) => {
    const parsed = offerJobRequestedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`Invalid emag/offers.job-requested payload: ${parsed.error.message}`);
    return offerJobBody(step, parsed.data.job_id);
  },
);
