// The delivery of one alert (window): claim it, send it to every enabled channel (one step per
// channel, so a failing webhook retries alone and a channel that got it is never sent it again),
// then record the verdict. Every attempt is a row in alert_deliveries. Inngest and the in-process
// fallback run the same body; the claim makes a second run (a re-sent event, the sweep) a no-op.
import type { StepRunner } from "@/lib/jobs/step";
import { db } from "@/lib/db";
import { publicBaseUrl } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { AlertMessageInput } from "./message";
import { alertRules } from "./rules";
import { sendToChannel } from "./send";
import { isRuleId } from "./settings";

export const ALERT_DELIVERY_FUNCTION_ID = "alerts-deliver";
/** Attempts after the first, per channel. */
export const ALERT_DELIVERY_RETRIES = 4;
/** A claim older than this (its runner died mid-delivery) may be taken over. */
export const CLAIM_STALE_MINUTES = 10;

type Claimed = { count: number; channels: string[] };
type Row = { id: string; rule_id: string; severity: string; title: string; details: { lines?: string[]; link?: string | null }; count: number; first_at: Date; last_at: Date };

/** Takes the window for delivery; null when another run has it or it is done. */
export async function claimAlert(windowId: string): Promise<Claimed | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ count: number }[]>`
      UPDATE alert_windows SET status = 'delivering', claimed_at = now()
      WHERE id = ${windowId}::uuid
        AND (status = 'pending' OR (status = 'delivering' AND claimed_at < now() - make_interval(mins => ${CLAIM_STALE_MINUTES})))
      RETURNING count`;
    if (!row) return null;
    const channels = await tx.alertChannel.findMany({ where: { enabled: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
    return { count: row.count, channels: channels.map((c) => c.id) };
  });
}

export async function messageOf(windowId: string, count: number): Promise<AlertMessageInput> {
  const [w] = await db.$queryRaw<Row[]>`
    SELECT id::text, rule_id, severity, title, details, count, first_at, last_at FROM alert_windows WHERE id = ${windowId}::uuid`;
  if (!w) throw new Error(`alert ${windowId} not found`);
  const rule = isRuleId(w.rule_id) ? alertRules[w.rule_id] : null;
  const link = w.details.link;
  return {
    ruleTitle: rule?.title ?? w.rule_id,
    severity: (rule?.severity ?? w.severity) as AlertMessageInput["severity"],
    title: w.title,
    lines: w.details.lines ?? [],
    count,
    firstAt: w.first_at,
    lastAt: w.last_at,
    windowMinutes: rule?.windowMinutes ?? 0,
    url: link ? `${publicBaseUrl()}${link}` : null,
  };
}

/** One attempt at one channel, recorded; throws (so the step retries) when it failed. Skips a channel that already got it. */
export async function deliverToChannel(windowId: string, channelId: string, count: number): Promise<{ ok: true; skipped?: string }> {
  const channel = await db.alertChannel.findUnique({ where: { id: channelId } });
  if (!channel) return { ok: true, skipped: "channel deleted" };
  const done = await db.alertDelivery.findMany({ where: { windowId, channelId }, select: { ok: true } });
  if (done.some((d) => d.ok)) return { ok: true, skipped: "already delivered" };
  const attempt = done.length + 1;
  try {
    await sendToChannel(channel, await messageOf(windowId, count));
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await db.alertDelivery.create({ data: { windowId, channelId, channelName: channel.name, channelKind: channel.kind, attempt, ok: false, error } });
    logger.warn({ alert: windowId, channel: channelId, attempt, err: error }, "alert delivery attempt failed");
    throw err;
  }
  await db.alertDelivery.create({ data: { windowId, channelId, channelName: channel.name, channelKind: channel.kind, attempt, ok: true } });
  return { ok: true };
}

export async function finishAlert(windowId: string, count: number, outcome: { channels: number; failed: number }) {
  const status = outcome.channels === 0 ? "no_channels" : outcome.failed ? "failed" : "delivered";
  await db.$executeRaw`
    UPDATE alert_windows SET status = ${status}, delivered_at = CASE WHEN ${status} = 'delivered' THEN now() ELSE delivered_at END, sent_count = ${count}
    WHERE id = ${windowId}::uuid AND status = 'delivering'`;
  return { status, ...outcome };
}

export async function deliverAlertBody(step: StepRunner, windowId: string) {
  const claimed = (await step.run("claim", () => claimAlert(windowId))) as Claimed | null;
  if (!claimed) return { skipped: "claimed by another run or already delivered" };
  const results = await Promise.all(
    claimed.channels.map(async (channelId) => {
      try {
        await step.run(`send-${channelId}`, () => deliverToChannel(windowId, channelId, claimed.count));
        return true;
      } catch {
        return false; // every attempt is recorded; the verdict below says "failed"
      }
    }),
  );
  return step.run("finish", () => finishAlert(windowId, claimed.count, { channels: results.length, failed: results.filter((ok) => !ok).length }));
}
