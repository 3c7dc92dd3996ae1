// The periodic alerts check (lib/jobs/schedules.ts "alertsCheck"): flushes this instance's eMAG
// sample, evaluates every periodic rule, re-schedules deliveries that were lost (an instance died
// during the gather delay), and prunes old rows. One named step each.
import { db } from "@/lib/db";
import type { StepRunner } from "@/lib/jobs/step";
import { CLAIM_STALE_MINUTES } from "./deliver";
import { flushEmagSample, pruneEmagSamples } from "./emag-sampler";
import { recordAlerts, scheduleDelivery } from "./raise";
import { alertRuleIds, alertRules, type AlertRuleId } from "./rules";
import { ruleSetting } from "./settings";
import type { CheckRule } from "./types";

/** A pending alert this long past its delivery time lost its scheduled delivery. */
export const LOST_DELIVERY_SECONDS = 60;
export const ALERT_RETENTION_DAYS = 90;

export const checkRuleIds = alertRuleIds.filter((id) => alertRules[id].trigger === "check");

/** Evaluates one periodic rule now; returns how many alerts it opened or added to. */
export async function evaluateCheckRule(id: AlertRuleId, now = new Date()): Promise<number> {
  const rule = alertRules[id] as CheckRule;
  const setting = await ruleSetting(id);
  if (!setting.enabled) return 0;
  const subjects = await rule.check(setting.threshold, now);
  return subjects.length ? (await recordAlerts(id, subjects, now)).length : 0;
}

/** Re-schedules alerts whose delivery never ran (or whose runner died mid-delivery). */
export async function sweepLostDeliveries(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM alert_windows
    WHERE (status = 'pending' AND deliver_after < now() - make_interval(secs => ${LOST_DELIVERY_SECONDS}))
       OR (status = 'delivering' AND claimed_at < now() - make_interval(mins => ${CLAIM_STALE_MINUTES}))
    ORDER BY first_at LIMIT 50`;
  for (const r of rows) await scheduleDelivery(r.id, new Date());
  return rows.map((r) => r.id);
}

export async function pruneAlerts() {
  const samples = await pruneEmagSamples();
  const alerts = await db.$executeRaw`DELETE FROM alert_windows WHERE first_at < now() - make_interval(days => ${ALERT_RETENTION_DAYS})`;
  return { samples, alerts };
}

export async function alertsCheckBody(step: StepRunner, _source: string) {
  await step.run("flush-emag-sample", () => flushEmagSample());
  const opened: Record<string, unknown> = {};
  for (const id of checkRuleIds) opened[id] = await step.run(`check-${id}`, () => evaluateCheckRule(id));
  const resent = await step.run("sweep-lost-deliveries", () => sweepLostDeliveries());
  const pruned = await step.run("prune", () => pruneAlerts());
  return { opened, resent, pruned };
}
