import { checkHealth, checkHealthBody } from "@/inngest/functions/check-health";
import type { StepRunner } from "@/lib/jobs/step";
import type { ScheduleKey } from "@/lib/jobs/schedules";

export { inngest } from "@/inngest/client";

/** Every Inngest function, served at /api/inngest. */
export const functions = [checkHealth];

/** Bodies of scheduled functions, for the in-process fallback (keyed like lib/jobs/schedules). */
export const scheduledBodies: Record<ScheduleKey, (step: StepRunner, source: string) => Promise<unknown>> = {
  healthCheck: checkHealthBody,
};
