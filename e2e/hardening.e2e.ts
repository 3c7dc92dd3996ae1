// The real production server (server.ts) at its front door: body limits before anything is read,
// security headers on pages and API answers, and no stack traces from the Inngest endpoint.
import http from "node:http";
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const admin = inject("admin");

async function token() {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function rss(bearer: string) {
  const res = await fetch(`${baseUrl}/api/health/detailed`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await res.json()) as { checks: { memory: { rssBytes: number } } };
  return body.checks.memory.rssBytes;
}

/** Waits until no order or product sync is running (at most 120 s). */
async function idle(bearer: string) {
  const headers = { authorization: `Bearer ${bearer}` };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const [orders, products] = await Promise.all([
      fetch(`${baseUrl}/api/v1/emag/orders/sync/status`, { headers }).then((r) => r.json() as Promise<{ is_running?: boolean }>),
      fetch(`${baseUrl}/api/v1/emag/products/status`, { headers }).then((r) => r.json() as Promise<{ is_running?: boolean }>),
    ]);
    if (!orders.is_running && !products.is_running) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Sends `bytes` of JSON-ish body, declared (Content-Length) or chunked; resolves with the status (or "reset"). */
function sendBig(path: string, bytes: number, chunked: boolean): Promise<number | "reset"> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST",
        headers: { "content-type": "application/json", ...(chunked ? {} : { "content-length": String(bytes) }) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve("reset"));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("the front door", () => {
  it("refuses 20 MB bodies with 413 without holding them in memory", async () => {
    const bearer = await token();
    // The server imports the demo orders (and their customers) at boot: measure once it is idle,
    // so its own work is not counted as growth.
    await idle(bearer);
    // Warm both refusal paths (socket buffers, the error body) before the baseline.
    await Promise.all([sendBig("/api/v1/auth/login", 20 * 1024 * 1024, false), sendBig("/api/v1/auth/login", 20 * 1024 * 1024, true)]);
    await new Promise((r) => setTimeout(r, 500));
    // Whole-process RSS also moves with unrelated work (lazy module loads, GC), which only ever
    // adds noise; holding the bodies would add ~300 MB in every round. So: up to 3 rounds, every
    // round far below a buffered body, and at least one within the 5 MB goal.
    const growths: number[] = [];
    for (let round = 0; round < 3 && !growths.some((g) => g < 5 * 1024 * 1024); round++) {
      const before = await rss(bearer);
      const declared = await Promise.all(Array.from({ length: 10 }, () => sendBig("/api/v1/auth/login", 20 * 1024 * 1024, false)));
      // A client still writing may see the refusal as a reset once the server closes the connection
      // (the 413 body itself is checked in the next test).
      for (const s of declared) expect([413, "reset"]).toContain(s);
      const chunked = await Promise.all(Array.from({ length: 5 }, () => sendBig("/api/v1/auth/login", 20 * 1024 * 1024, true)));
      for (const s of chunked) expect([413, "reset"]).toContain(s);
      await new Promise((r) => setTimeout(r, 300));
      const after = await rss(bearer);
      growths.push(after - before);
      console.log(`round ${round + 1}: RSS before ${Math.round(before / 1e6)} MB, after 15 x 20 MB bodies ${Math.round(after / 1e6)} MB (growth ${((after - before) / 1e6).toFixed(1)} MB)`);
    }
    for (const g of growths) expect(g).toBeLessThan(50 * 1024 * 1024);
    expect(Math.min(...growths)).toBeLessThan(5 * 1024 * 1024);
  });

  it("a body under the limit still works, and the 413 names the limit in the error shape", async () => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; details: { field: string }[] } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.details[0]!.field).toBe("(body)");
  });

  it("sends security headers on pages and API answers", async () => {
    for (const path of ["/login", "/api/health", "/api/v1/me"]) {
      const res = await fetch(`${baseUrl}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-eval"); // production build
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("a malformed session cookie is 401, not 500", async () => {
    const res = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: "next-auth.session-token=%E0%A4%A" } });
    expect(res.status).toBe(401);
  });

  it("the Inngest endpoint never answers with a stack trace", async () => {
    for (const [method, qs, body] of [
      ["POST", "?fnId=magflow-nope&stepId=step", "{not json"],
      ["POST", "?fnId=magflow-emag-orders-sync-5min&stepId=step", JSON.stringify({ garbage: true })],
      ["PUT", "", ""],
    ] as const) {
      const res = await fetch(`${baseUrl}/api/inngest${qs}`, { method, headers: { "content-type": "application/json" }, body: body || undefined });
      const text = await res.text();
      expect(text, `${method} ${qs}`).not.toMatch(/\/work\/|node_modules|at .+\(.+:\d+:\d+\)/);
    }
  });
});
