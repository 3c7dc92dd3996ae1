// Sending one report to one address, at most once per (kind, period, address): the send is claimed
// by a row in report_deliveries (unique key) before the mail goes out and marked sent after, so a
// re-run of the same tick, or a second instance, sends nothing twice. A failed send is marked
// failed and may be claimed again (the retry); a claim left "sending" by a crashed process is
// taken over once it is stale.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { reportHtml, reportSubject, reportText } from "./summary";
import type { Report } from "./types";
import { reportFilename, reportXlsx } from "./xlsx";

const STALE_CLAIM = "5 minutes";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type DeliveryResult = { email: string; status: "sent" | "already-sent" | "not-configured"; message_id?: string };

export class DeliveryInProgressError extends Error {
  constructor(email: string) {
    super(`Another instance is sending this report to ${email}; retry later`);
    this.name = "DeliveryInProgressError";
  }
}

/** Takes the (kind, period, email) send: true when this caller must send it. */
async function claim(kind: string, period: string, email: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO report_deliveries (id, kind, period, email, status, attempts, claimed_at)
    VALUES (gen_random_uuid(), ${kind}, ${period}, ${email}, 'sending', 1, now())
    ON CONFLICT (kind, period, email) DO UPDATE SET status = 'sending', attempts = report_deliveries.attempts + 1, claimed_at = now(), error = NULL
      WHERE report_deliveries.status = 'failed'
        OR (report_deliveries.status = 'sending' AND report_deliveries.claimed_at < now() - ${STALE_CLAIM}::interval)
    RETURNING id::text`;
  return rows.length > 0;
}

export async function deliverReport(report: Report, email: string): Promise<DeliveryResult> {
  const { kind } = report;
  const period = report.period.key;
  // Without SMTP_URL nothing is recorded, so a run after it is configured still sends.
  if (!mailConfigured()) {
    logger.warn({ kind, period }, "report mail skipped: SMTP_URL is not set");
    return { email, status: "not-configured" };
  }
  if (!(await claim(kind, period, email))) {
    const row = await db.reportDelivery.findUnique({ where: { kind_period_email: { kind, period, email } }, select: { status: true } });
    if (row?.status === "sent") return { email, status: "already-sent" };
    throw new DeliveryInProgressError(email);
  }
  try {
    const { messageId } = await sendMail({
      to: [email],
      subject: reportSubject(report),
      text: reportText(report),
      html: reportHtml(report),
      attachments: [{ filename: reportFilename(report), content: await reportXlsx(report), contentType: XLSX_TYPE }],
    });
    await db.reportDelivery.update({ where: { kind_period_email: { kind, period, email } }, data: { status: "sent", messageId, sentAt: new Date() } });
    return { email, status: "sent", message_id: messageId };
  } catch (err) {
    const message = (err as Error).message.slice(0, 500);
    await db.reportDelivery.update({ where: { kind_period_email: { kind, period, email } }, data: { status: "failed", error: message } });
    throw err;
  }
}
