// The one way MagFlow sends e-mail (alerts, scheduled reports): nodemailer over SMTP_URL.
// One transport per process and URL (pooled connections). The SMTP URL holds a password, so it is
// never logged; errors carry nodemailer's message only.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type MailAttachment = { filename: string; content: Buffer; contentType?: string };
export type MailMessage = {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
};

export class MailNotConfiguredError extends Error {
  constructor() {
    super("E-mail is not configured: set SMTP_URL (for example smtp://user:pass@smtp.example.com:587)");
    this.name = "MailNotConfiguredError";
  }
}

type MailGlobal = { __magflowMail?: { url: string; transport: Transporter } };
const g = globalThis as MailGlobal;

export const mailConfigured = () => Boolean(env().SMTP_URL);

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new MailNotConfiguredError();
  if (g.__magflowMail?.url !== url) {
    g.__magflowMail?.transport.close();
    g.__magflowMail = { url, transport: nodemailer.createTransport(url) };
  }
  return g.__magflowMail.transport;
}

/** Sends one message; throws MailNotConfiguredError without SMTP_URL, or the SMTP server's error. */
export async function sendMail(msg: MailMessage): Promise<{ messageId: string }> {
  if (msg.to.length === 0) throw new Error("sendMail: no recipients");
  const info = await transport().sendMail({
    from: env().MAIL_FROM,
    to: msg.to.join(", "),
    subject: msg.subject,
    text: msg.text,
    html: msg.html,
    attachments: msg.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  });
  return { messageId: String(info.messageId) };
}

/** Tests and shutdown: close the pooled transport. */
export function closeMail() {
  g.__magflowMail?.transport.close();
  g.__magflowMail = undefined;
}
