// In-process fallback: when no Inngest server is reachable, the same schedule table fires the
// same function bodies here (croner), with per-step retries and exponential backoff.
import { Cron } from "croner";
import { scheduledBodies } from "@/inngest";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { schedules, type ScheduleKey } from "@/lib/jobs/schedules";
import { logger } from "@/lib/logger";

export { inProcessStep };

export async function runScheduledNow(key: ScheduleKey) {
  const s = schedules[key];
  const started = Date.now();
  try {
    const result = await scheduledBodies[key](inProcessStep(s.id, s.retries), "in-process");
    logger.info({ job: s.id, ms: Date.now() - started }, "in-process job finished");
    return result;
  } catch (err) {
    logger.error({ job: s.id, err }, "in-process job failed");
    return undefined;
  }
}

export function startInProcessScheduler(): () => void {
  const jobs = (Object.keys(schedules) as ScheduleKey[]).map(
    (key) =>
      new Cron(schedules[key].cron, { name: schedules[key].id, protect: true }, async () => {
        await runScheduledNow(key);
      }),
  );
  logger.info({ jobs: jobs.map((j) => j.name) }, "in-process scheduler started");
  return () => jobs.forEach((j) => j.stop());
}
