import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { repricerRunRequested, repricerRunRequestedSchema } from "@/inngest/events";
import { scheduledFunction } from "@/lib/jobs/schedules";
import { REPRICER_FUNCTION_ID, repricerBody, scheduledRepricerBody } from "@/lib/repricer/jobs";

/** Hourly: every enabled repricer rule of MAIN and FBE, sent as offer jobs (kind "repricer"). */
export const repricerHourly = inngest.createFunction(
  { ...scheduledFunction("repricer"), concurrency: [{ limit: 1 }] },
  async ({ step }) => scheduledRepricerBody(step, "inngest"),
);

/** After a completed product sync: one account's rules on its fresh buy-button ranks; one run per account at a time. */
export const repricerAfterSync = inngest.createFunction(
  { id: REPRICER_FUNCTION_ID, name: "Repricer after a product sync", triggers: [repricerRunRequested], concurrency: [{ key: "event.data.account", limit: 1 }], retries: 2 },
  async ({ event, step }) => {
    const parsed = repricerRunRequestedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`Invalid emag/repricer.run-requested payload: ${parsed.error.message}`);
    return repricerBody(step, [parsed.data.account], parsed.data.trigger);
  },
);
