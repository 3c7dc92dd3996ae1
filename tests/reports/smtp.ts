// An in-process SMTP server (smtp-server) that keeps every raw message, and the MIME reading the
// report tests need: the attachment part, base64-decoded.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string };

export async function startSmtp(opts: { reject?: (address: string) => boolean } = {}) {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.reject?.(address.address)) return cb(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The body of the MIME part whose headers match `headerPattern` (nested multiparts included), decoded. */
export function mimePart(raw: string, headerPattern: RegExp): { headers: string; body: Buffer } | undefined {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  for (const b of boundaries) {
    for (const part of raw.split(`--${b}`)) {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) continue;
      const headers = part.slice(0, split);
      if (!headerPattern.test(headers) || /multipart\//i.test(headers)) continue;
      const content = part.slice(split).trim();
      const body = /content-transfer-encoding:\s*base64/i.test(headers) ? Buffer.from(content.replace(/\s+/g, ""), "base64") : Buffer.from(content);
      return { headers, body };
    }
  }
  return undefined;
}

export const headerOf = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(raw)?.[1]?.trim();
