// In-process fallback: when no Inngest server is reachable, the same schedule table fires the
// same function bodies here (croner), with per-step retries and exponential backoff. With several
// instances, each fires every tick; a lease in PostgreSQL (lib/jobs/lease.ts) lets the first to
// claim a tick run it, so each tick runs once.
import { Cron } from "croner";
import { scheduledBodies } from "@/inngest";
import { isDraining, trackRun } from "@/lib/jobs/drain";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { claimTick, instanceId } from "@/lib/jobs/lease";
import { schedules, type ScheduleKey } from "@/lib/jobs/schedules";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export { inProcessStep };

/** Runs a scheduled body now in this process (no lease: boot's first health check, tests). Graceful shutdown waits for it. */
export function runScheduledNow(key: ScheduleKey) {
  const s = schedules[key];
  const started = Date.now();
  return trackRun(
    (async () => {
      try {
        const result = await scheduledBodies[key](inProcessStep(s.id, s.retries), "in-process");
        logger.info({ job: s.id, ms: Date.now() - started }, "in-process job finished");
        return result;
      } catch (err) {
        logger.error({ job: s.id, err }, "in-process job failed");
        return undefined;
      }
    })(),
  );
}

/** The scheduled time of the tick a cron job fires for at `now` (croner passes only the wall clock). */
export function tickOf(job: Cron, now = new Date()): Date {
  return job.previousRuns(1, new Date(now.getTime() + 1))[0] ?? now;
}

/**
 * A cron job that runs `run` once per tick across instances: the instance that claims the tick
 * (id, scheduled time) runs it; the others log and skip. A claim that fails (database down) skips too.
 */
export function leasedCron(id: string, pattern: string, run: (tick: Date) => Promise<unknown>): Cron {
  // Unnamed: croner refuses a second job of one name, and a test runs two schedulers in one process.
  return new Cron(pattern, { protect: true }, async (job: Cron) => {
    if (isDraining()) return;
    const tick = tickOf(job);
    const next = job.nextRun() ?? new Date(tick.getTime() + 60_000);
    let claimed: boolean;
    try {
      claimed = await claimTick(id, tick, next);
    } catch (err) {
      logger.error({ job: id, err }, "could not claim the scheduled tick; skipped");
      return;
    }
    if (!claimed) return void logger.debug({ job: id, tick }, "tick claimed by another instance");
    logger.info({ job: id, tick, instance: instanceId() }, "scheduled tick claimed");
    await run(tick);
  });
}

export function startInProcessScheduler(): () => void {
  const overrides = env().JOBS_CRON_OVERRIDES;
  const patternOf = (key: ScheduleKey) => overrides[schedules[key].id] ?? schedules[key].cron;
  const jobs = (Object.keys(schedules) as ScheduleKey[]).map((key) => leasedCron(schedules[key].id, patternOf(key), () => runScheduledNow(key)));
  const changed = Object.fromEntries((Object.keys(schedules) as ScheduleKey[]).filter((k) => overrides[schedules[k].id]).map((k) => [schedules[k].id, patternOf(k)]));
  logger.info({ jobs: Object.values(schedules).map((s) => s.id), overrides: changed }, "in-process scheduler started");
  return () => jobs.forEach((j) => j.stop());
}
