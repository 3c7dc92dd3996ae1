import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { alertOpened, alertOpenedSchema } from "@/inngest/events";
import { alertsCheckBody } from "@/lib/alerts/check";
import { ALERT_DELIVERY_FUNCTION_ID, ALERT_DELIVERY_RETRIES, deliverAlertBody } from "@/lib/alerts/deliver";
import { scheduledFunction } from "@/lib/jobs/schedules";

/**
 * One durable delivery per alert: a sleep until the gather delay has passed (the burst's count is
 * in by then), then one step per channel. No event idempotency on purpose: the alerts check re-sends
 * a delivery that was lost, and the claim in PostgreSQL makes any second run of one alert a no-op.
 */
export const deliverAlert = inngest.createFunction(
  { id: ALERT_DELIVERY_FUNCTION_ID, name: "Alerts: deliver one alert", triggers: [alertOpened], retries: ALERT_DELIVERY_RETRIES },
  async ({ event, step }) => {
    const parsed = alertOpenedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`Invalid alerts/alert.opened payload: ${parsed.error.message}`);
    if (new Date(parsed.data.deliver_after).getTime() > Date.now()) await step.sleepUntil("gather", parsed.data.deliver_after);
    return deliverAlertBody(step, parsed.data.window_id);
  },
);

/** Every 5 minutes: periodic rules (eMAG error rate, unacknowledged orders), lost deliveries, pruning. One run at a time. */
export const alertsCheck = inngest.createFunction({ ...scheduledFunction("alertsCheck"), concurrency: [{ limit: 1 }] }, async ({ step }) => alertsCheckBody(step, "inngest"));
