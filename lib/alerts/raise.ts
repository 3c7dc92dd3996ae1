// raiseAlert: the one call domain code makes when something alert-worthy happens. It never throws
// and never holds the caller up (fire-and-forget; errors are logged). The rule decides whether the
// facts are an alert; each subject opens (or adds to) its window row in PostgreSQL with one
// INSERT ... ON CONFLICT, so many instances raising at once still make one alert with the sum of
// their counts. Only the statement that opened a window schedules its delivery.
import { inngest } from "@/inngest/client";
import { alertOpened } from "@/inngest/events";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { dispatchJob, waitForDispatchedJobs } from "@/lib/jobs/dispatch";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { logger } from "@/lib/logger";
import { ALERT_DELIVERY_FUNCTION_ID, ALERT_DELIVERY_RETRIES, deliverAlertBody } from "./deliver";
import { startEmagSampler } from "./emag-sampler";
import { alertRules, type AlertEventOf, type AlertRuleId, type EventRuleId } from "./rules";
import { ruleSetting } from "./settings";
import type { AlertSubject } from "./types";
import { deliverAfter, windowStart } from "./window";

type G = { __magflowAlertRaises?: Set<Promise<unknown>> };
const pending = ((globalThis as G).__magflowAlertRaises ??= new Set());

// Every instance loads this module (the sync and order code raise alerts), so each one samples its eMAG outcomes.
startEmagSampler();

/** Fire-and-forget: evaluates the rule on the event and records its alerts. The promise never rejects. */
export function raiseAlert<K extends EventRuleId>(id: K, event: AlertEventOf<K>): Promise<void> {
  const p: Promise<void> = (async () => {
    const rule = alertRules[id] as { threshold: unknown; match(e: AlertEventOf<K>, t: number | null): AlertSubject[] };
    // A rule without a threshold decides on the facts alone: most calls (a completed sync) read nothing.
    if (!rule.threshold && !rule.match(event, null).length) return;
    const setting = await ruleSetting(id);
    if (!setting.enabled) return;
    const subjects = rule.match(event, setting.threshold);
    if (subjects.length) await recordAlerts(id, subjects);
  })()
    .catch((err: unknown) => void logger.error({ err: err instanceof Error ? err.message : String(err), rule: id }, "could not record an alert"))
    .finally(() => pending.delete(p));
  pending.add(p);
  return p;
}

/** Tests and shutdown: resolves when this process's raised alerts are recorded and their in-process deliveries done. */
export async function alertsSettled() {
  while (pending.size) await Promise.all([...pending]);
  await waitForDispatchedJobs();
}

export interface OpenedWindow {
  id: string;
  inserted: boolean;
  deliver_after: Date;
}

/** Opens or adds to each subject's window; schedules the delivery of the windows this call opened. */
export async function recordAlerts(id: AlertRuleId, subjects: AlertSubject[], now = new Date()): Promise<OpenedWindow[]> {
  const rule = alertRules[id];
  const start = windowStart(now, rule.windowMinutes);
  const after = deliverAfter(now, env().ALERTS_GATHER_SECONDS);
  const out: OpenedWindow[] = [];
  for (const s of subjects) {
    const [row] = await db.$queryRaw<OpenedWindow[]>`
      INSERT INTO alert_windows (id, rule_id, subject_key, window_start, count, severity, title, details, first_at, last_at, deliver_after)
      VALUES (gen_random_uuid(), ${id}, ${s.key}, ${start}, ${Math.max(1, s.count ?? 1)}, ${rule.severity}, ${s.title.slice(0, 300)},
        ${JSON.stringify({ lines: s.lines.slice(0, 20), link: s.link ?? null })}::jsonb, now(), now(), ${after})
      ON CONFLICT (rule_id, subject_key, window_start) DO UPDATE SET
        count = CASE WHEN ${rule.aggregate} = 'max' THEN GREATEST(alert_windows.count, EXCLUDED.count) ELSE alert_windows.count + EXCLUDED.count END,
        last_at = now()
      RETURNING id::text AS id, (xmax = 0) AS inserted, deliver_after`;
    if (!row) continue;
    out.push(row);
    if (row.inserted) await scheduleDelivery(row.id, row.deliver_after);
  }
  return out;
}

const sleepUntil = (at: Date) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now())));

/** Inngest when it runs jobs (durable sleep, then delivery), else in this process; the alerts check re-sends windows whose delivery was lost. */
export async function scheduleDelivery(windowId: string, at: Date) {
  await dispatchJob(
    "alert-delivery",
    async () => {
      await inngest.send(alertOpened.create({ window_id: windowId, deliver_after: at.toISOString() }));
    },
    async () => {
      await sleepUntil(at);
      return deliverAlertBody(inProcessStep(ALERT_DELIVERY_FUNCTION_ID, ALERT_DELIVERY_RETRIES), windowId);
    },
  );
}
