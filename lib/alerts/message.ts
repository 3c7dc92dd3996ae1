// What an alert says, as e-mail (subject + text) and as a Slack-compatible webhook body
// ({ text, blocks }). Pure: the delivery passes everything in.
import type { AlertSeverity } from "./types";

export interface AlertMessageInput {
  ruleTitle: string;
  severity: AlertSeverity;
  title: string;
  lines: string[];
  count: number;
  firstAt: Date;
  lastAt: Date;
  windowMinutes: number;
  /** An absolute URL of the MagFlow page to open, or null. */
  url: string | null;
  test?: boolean;
}

const SEVERITY_LABEL: Record<AlertSeverity, string> = { critical: "CRITICAL", warning: "Warning", info: "Info" };
const SEVERITY_EMOJI: Record<AlertSeverity, string> = { critical: ":rotating_light:", warning: ":warning:", info: ":information_source:" };

export const countLine = (m: Pick<AlertMessageInput, "count" | "firstAt" | "lastAt" | "windowMinutes">) =>
  m.count > 1
    ? `Occurred ${m.count} times between ${m.firstAt.toISOString()} and ${m.lastAt.toISOString()} (one alert per ${m.windowMinutes} min).`
    : `Occurred once at ${m.firstAt.toISOString()}.`;

export function formatEmail(m: AlertMessageInput): { subject: string; text: string } {
  const times = m.count > 1 ? ` (x${m.count})` : "";
  const subject = `[MagFlow${m.test ? " test" : ""}] ${SEVERITY_LABEL[m.severity]}: ${m.title}${times}`;
  const text = [m.title, "", `Rule: ${m.ruleTitle}`, countLine(m), "", ...m.lines, ...(m.url ? ["", `Open: ${m.url}`] : [])].join("\n");
  return { subject, text };
}

export interface WebhookBody {
  text: string;
  blocks: { type: string; text?: { type: "mrkdwn"; text: string }; elements?: { type: "mrkdwn"; text: string }[] }[];
}

// Slack's mrkdwn treats &, < and > as control characters.
const escapeMrkdwn = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function formatWebhook(m: AlertMessageInput): WebhookBody {
  const times = m.count > 1 ? ` (x${m.count})` : "";
  const head = `${SEVERITY_EMOJI[m.severity]} ${m.test ? "[test] " : ""}*${escapeMrkdwn(m.title)}*${times}`;
  const body = [...m.lines.map(escapeMrkdwn), ...(m.url ? [`<${m.url}|Open in MagFlow>`] : [])].join("\n");
  return {
    text: `${m.test ? "[test] " : ""}${m.title}${times}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: body ? `${head}\n${body}` : head } },
      { type: "context", elements: [{ type: "mrkdwn", text: `${escapeMrkdwn(m.ruleTitle)} · ${countLine(m)}` }] },
    ],
  };
}
