import { inngest } from "@/inngest/client";
import type { StepRunner } from "@/lib/jobs/step";
import { scheduledFunction } from "@/lib/jobs/schedules";
import { checkDatabase, checkRedis, recordHealthResult, type ScheduledCheck } from "@/lib/system/health-job";

/** Orchestration only: each side effect is a named step, so a failure retries that step alone. */
export async function checkHealthBody(step: StepRunner, source: string) {
  const database = (await step.run("check-database", () => checkDatabase())) as ScheduledCheck;
  const redis = (await step.run("check-redis", () => checkRedis())) as ScheduledCheck;
  return step.run("record-result", () => recordHealthResult({ database, redis }, source));
}

export const checkHealth = inngest.createFunction(scheduledFunction("healthCheck"), async ({ step }) => checkHealthBody(step, "inngest"));
