import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest } from "@/lib/http/guard";

let server: http.Server;
let port: number;
let bodiesRead = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!guardRequest(req, res, { dev: false, trustedHops: 1 })) return;
    // Stands in for Next + a route: reads the whole body.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodiesRead++;
      res.end(JSON.stringify({ bytes: Buffer.concat(chunks).length, ip: req.headers["x-real-ip"] }));
    });
    req.on("error", () => {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function send(bytes: number, opts: { chunked?: boolean; type?: string; xff?: string } = {}) {
  return new Promise<{ status: number | "reset"; body: string; headers: http.IncomingHttpHeaders }>((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1", port, method: "POST", path: "/x",
        headers: {
          "content-type": opts.type ?? "application/json",
          ...(opts.chunked ? {} : { "content-length": String(bytes) }),
          ...(opts.xff ? { "x-forwarded-for": opts.xff } : {}),
        },
      },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", () => resolve({ status: "reset", body: "", headers: {} }));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("guardRequest", () => {
  it("passes bodies under the limit, with security headers and the proxied client address", async () => {
    const r = await send(1000, { xff: "6.6.6.6, 203.0.113.9" });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ bytes: 1000, ip: "203.0.113.9" });
    expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("allows 10 MB for uploads but 1 MB for JSON", async () => {
    expect((await send(5 * 1024 * 1024, { type: "multipart/form-data; boundary=x" })).status).toBe(200);
    expect((await send(1024 * 1024 + 1)).status).toBe(413);
  });

  it("refuses 20 MB bodies, declared or chunked, without reading them into memory", async () => {
    const before = bodiesRead;
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => send(20 * 1024 * 1024)),
      ...Array.from({ length: 5 }, () => send(20 * 1024 * 1024, { chunked: true })),
    ]);
    for (const r of results) expect([413, "reset"]).toContain(r.status);
    expect(results.filter((r) => r.status === 413).length).toBeGreaterThan(0);
    expect(bodiesRead).toBe(before); // no handler ever saw a whole body
    const declared = results[0]!;
    if (declared.status === 413) expect(JSON.parse(declared.body).error.code).toBe("payload_too_large");
    // The client side allocates its own chunks; the server must not have buffered 200 MB.
    expect(process.memoryUsage().rss - rss0).toBeLessThan(50 * 1024 * 1024);
  });
});
