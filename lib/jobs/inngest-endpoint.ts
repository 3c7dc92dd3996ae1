// Who may call /api/inngest, and what it may answer. The endpoint runs any function's steps, so:
// - cloud mode: Inngest's request signature (INNGEST_SIGNING_KEY) is checked by the serve handler;
//   without a key the endpoint refuses everything rather than run unsigned requests;
// - dev mode (no signatures): only loopback clients, plus the configured dev server's own host
//   (INNGEST_BASE_URL, or INNGEST_DEV given as a URL) when it runs elsewhere, e.g. in another
//   container. The client address is the x-real-ip header server.ts sets from the TCP peer.
// Whatever the SDK answers with a 5xx (serialized errors, stack traces, file paths) is logged and
// replaced with a generic error.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { ErrorCode } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/handle-error";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** One spelling per address: IPv4-mapped IPv6 as IPv4, IPv6 compressed, brackets dropped. */
export function normalizeIp(address: string): string {
  let ip = address.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (isIP(ip) !== 6) return ip;
  ip = new URL(`http://[${ip}]`).hostname.slice(1, -1); // canonical: ::ffff:127.0.0.1 -> ::ffff:7f00:1
  const mapped = ip.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!mapped) return ip;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x; anything else (or nothing) is not loopback. */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const ip = normalizeIp(address);
  return (isIP(ip) === 4 && ip.startsWith("127.")) || ip === "::1";
}

/** The dev server's configured URL, when one is configured at all. */
function devServerUrl(): URL | undefined {
  const e = env();
  for (const candidate of [e.INNGEST_BASE_URL, e.INNGEST_DEV]) {
    if (!candidate || !/^https?:\/\//i.test(candidate)) continue;
    try {
      return new URL(candidate);
    } catch {
      // not a URL: ignore
    }
  }
  return undefined;
}

let resolved: { host: string; addresses: string[]; at: number } | undefined;

/** The addresses of a dev server configured on another host (cached for a minute). */
async function devServerAddresses(): Promise<string[]> {
  const url = devServerUrl();
  if (!url) return [];
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(host)) return [normalizeIp(host)];
  if (resolved?.host === host && Date.now() - resolved.at < 60_000) return resolved.addresses;
  const addresses = await lookup(host, { all: true })
    .then((list) => list.map((a) => normalizeIp(a.address)))
    .catch(() => []);
  resolved = { host, addresses, at: Date.now() };
  return addresses;
}

type Client = { mode: "dev" | "cloud"; signingKey?: string };

/** A Response when the request must not reach the serve handler; null when it may. */
export async function inngestRefusal(client: Client, req: Request): Promise<Response | null> {
  if (client.mode === "cloud") {
    if (client.signingKey) return null; // the serve handler verifies the signature
    logger.warn("refused an /api/inngest request: cloud mode needs INNGEST_SIGNING_KEY");
    return errorResponse("unavailable", "Inngest is not configured on this server");
  }
  const ip = req.headers.get("x-real-ip");
  if (isLoopback(ip)) return null;
  if (ip && isIP(normalizeIp(ip)) && (await devServerAddresses()).includes(normalizeIp(ip))) return null;
  return errorResponse("forbidden", "The Inngest endpoint accepts only local clients in dev mode");
}

const PASSED_HEADERS = /^(x-inngest-(?!signature).*|retry-after)$/i;

/** Replaces a 5xx answer's body (the SDK's serialized error) with a generic one; logs the original. */
async function sanitized(req: Request, res: Response): Promise<Response> {
  if (res.status < 500) return res;
  const body = await res.text().catch(() => "");
  const url = new URL(req.url);
  logger.error({ method: req.method, fnId: url.searchParams.get("fnId"), status: res.status, body: body.slice(0, 8_000) }, "Inngest request failed");
  // Inngest decides on retries from the status and these headers; its dashboard then shows this
  // generic message, and the server log has the SDK's own error.
  const headers = Object.fromEntries([...res.headers].filter(([k]) => PASSED_HEADERS.test(k)));
  const code: ErrorCode = res.status === 502 ? "bad_gateway" : res.status === 503 ? "unavailable" : "internal_error";
  return errorResponse(code, "The Inngest request failed; the server log has the details", undefined, headers);
}

/** Wraps one method of the serve handler: refuses as above, and never answers a stack trace. */
export function guardInngestHandler<R extends Request, C>(client: Client, handler: (req: R, ctx: C) => Promise<Response>) {
  return async (req: R, ctx: C): Promise<Response> => {
    const refused = await inngestRefusal(client, req);
    if (refused) return refused;
    let res: Response;
    try {
      res = await handler(req, ctx);
    } catch (err) {
      // A body that is not JSON makes the SDK throw instead of answering.
      if (err instanceof SyntaxError) return errorResponse("invalid_json", "The request body is not valid JSON");
      logger.error({ err, method: req.method }, "Inngest serve handler threw");
      return errorResponse("internal_error", "The Inngest request failed; the server log has the details");
    }
    return sanitized(req, res);
  };
}
