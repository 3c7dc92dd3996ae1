// What every HTTP request passes before Next sees it: security headers on every response, the
// client address (lib/http/client-ip.ts), and the body limit. A declared Content-Length above the
// limit is refused with 413 before a byte of the body is read; a body without one (chunked) is
// counted as it arrives and the connection is cut once it passes the limit, so a 20 MB body never
// sits in memory. lib/api/parse.ts applies the same limits to what a route reads.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "@/lib/api/limits";
import { clientAddress } from "@/lib/http/client-ip";

/** Content-Security-Policy: Next's hydration scripts and antd's CSS-in-JS are inline; dev needs eval for HMR. */
export function securityHeaders(dev: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

const tooLarge = (res: ServerResponse, limit: number) => {
  const body = JSON.stringify({
    error: { code: "payload_too_large", message: `Request body exceeds ${Math.round(limit / 1024)} KB`, details: [{ field: "(body)", message: `must be at most ${limit} bytes` }] },
  });
  res.writeHead(413, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.end(body);
};

/**
 * Applies headers, address and body limit. Returns false when the request was answered here (413)
 * and must not reach Next.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, opts: { dev: boolean; trustedHops: number }): boolean {
  for (const [k, v] of Object.entries(securityHeaders(opts.dev))) res.setHeader(k, v);
  // Limiters key on this; a client cannot spoof it because it is always overwritten here.
  req.headers["x-real-ip"] = clientAddress(req, opts.trustedHops);

  const limit = bodyLimitFor(req.headers["content-type"]);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limit) {
      tooLarge(res, limit);
      res.on("finish", () => req.socket.destroy()); // do not drain a body we refused
      return false;
    }
    return true;
  }
  if (!req.headers["transfer-encoding"]) return true;
  // Chunked: count bytes as the parser hands them to the stream, before anyone buffers them.
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      seen += (chunk as Buffer).length ?? 0;
      if (seen > limit) {
        if (!res.headersSent) tooLarge(res, limit);
        req.socket.destroy();
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
