// Real receivers for the alert tests: an SMTP server in this process (smtp-server, no auth, no
// TLS) that keeps every message, and an HTTP server that keeps every webhook body and answers with
// the status the test scripts. Plus the env that points the app's mailer at the SMTP server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { resetEnvForTests } from "@/lib/env";
import { closeMail } from "@/lib/mail/send";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes the single-part text/plain message nodemailer writes (quoted-printable or base64 bodies, encoded-word subjects). */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const word = (s: string) =>
    s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replaceAll("_", " ")),
    );
  const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text = cte === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : cte === "quoted-printable" ? qp(body.replace(/=\r?\n/g, "")) : body;
  return { to, subject: word(headers.get("subject") ?? ""), text: text.replace(/\r\n/g, "\n") };
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

export async function startSmtp() {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push(parseMail(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  path: string;
  body: { text: string; blocks?: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };
}

/** A webhook receiver; `answers` are the statuses of the next requests (then 200). */
export async function startReceiver() {
  const received: ReceivedHook[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = answers.shift() ?? 200;
      if (status < 300) received.push({ path: req.url ?? "/", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedHook["body"] });
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    answers,
    /** A URL with a secret token in its path, as Slack's are. */
    url: `http://127.0.0.1:${port}/services/T0/B0/secret-token-123`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Points the app's mailer at the test SMTP server; short gather delay so tests do not wait 10 s. */
export function useAlertEnv(smtpUrl: string, gatherSeconds = 1) {
  closeMail();
  resetEnvForTests({ SMTP_URL: smtpUrl, ALERTS_GATHER_SECONDS: String(gatherSeconds), MAIL_FROM: "MagFlow Tests <alerts@magflow.test>" });
}
