// Sends one alert message to one channel: e-mail through lib/mail/send.ts (the one transport), or a
// webhook POST with a timeout, where anything but a 2xx is a failure. Errors name the problem,
// never the webhook URL (it may hold a token).
import { env } from "@/lib/env";
import type { AlertChannel } from "@/lib/generated/prisma/client";
import { mailConfigured, sendMail } from "@/lib/mail/send";
import { recipientsOf, urlOf } from "./channels";
import { formatEmail, formatWebhook, type AlertMessageInput } from "./message";

export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChannelError";
  }
}

export async function postWebhook(url: string, body: unknown, timeoutMs = env().ALERTS_WEBHOOK_TIMEOUT_MS): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "MagFlow-Alerts" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    // fetch's own message can quote the URL; only its cause code is kept.
    const code = (err as { cause?: { code?: string } }).cause?.code;
    throw new ChannelError(timedOut ? `webhook did not answer within ${timeoutMs} ms` : `webhook unreachable${code ? ` (${code})` : ""}`);
  }
  await res.body?.cancel().catch(() => {});
  if (res.status < 200 || res.status >= 300) throw new ChannelError(`webhook answered HTTP ${res.status}`);
}

export async function sendToChannel(channel: AlertChannel, msg: AlertMessageInput): Promise<void> {
  if (channel.kind === "email") {
    if (!mailConfigured()) throw new ChannelError("e-mail is not configured: set SMTP_URL");
    const to = recipientsOf(channel);
    if (!to.length) throw new ChannelError("the channel has no recipients");
    const { subject, text } = formatEmail(msg);
    try {
      await sendMail({ to, subject, text });
    } catch (err) {
      throw new ChannelError(`SMTP: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500));
    }
    return;
  }
  if (channel.kind === "webhook") {
    const url = urlOf(channel);
    if (!url) throw new ChannelError("the channel has no URL");
    return postWebhook(url, formatWebhook(msg));
  }
  throw new ChannelError(`unknown channel kind "${channel.kind}"`);
}
