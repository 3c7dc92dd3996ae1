// The guard in front of /api/inngest, on real Inngest serve handlers (a cloud-mode client with a
// signing key, and a dev-mode one), with no database.
import { createHmac } from "node:crypto";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { guardInngestHandler, inngestRefusal, isLoopback, normalizeIp } from "@/lib/jobs/inngest-endpoint";

const SIGNING_KEY = "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const LEAK = /\/work\/|node_modules|at .+\(.+:\d+:\d+\)|"stack"/;

function app(isDev: boolean, signingKey?: string) {
  const client = new Inngest({ id: isDev ? "guard-dev" : "guard-cloud", isDev, signingKey });
  let runs = 0;
  const fn = client.createFunction({ id: "touch", triggers: [{ event: "test/touch" }] }, async () => {
    runs++;
    return { ok: true };
  });
  const handler = serve({ client, functions: [fn] });
  return { client, POST: guardInngestHandler(client, handler.POST), runs: () => runs };
}

// Inngest signs the canonical JSON (RFC 8785: sorted keys, no spaces); this body is written so.
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(",")}]`
  : v && typeof v === "object" ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`
  : JSON.stringify(v);
const executorBody = canonical({
  event: { name: "test/touch", data: {} },
  events: [{ name: "test/touch", data: {} }],
  steps: {},
  ctx: { run_id: "01JTESTRUN", attempt: 0, stack: { stack: [], current: 0 } },
  version: 2,
});

function post(fnId: string, body: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost/api/inngest?fnId=${fnId}&stepId=step`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

const sign = (body: string, key = SIGNING_KEY) => {
  const t = Math.round(Date.now() / 1000).toString();
  const s = createHmac("sha256", key.replace(/^signkey-\w+-/, "")).update(body + t).digest("hex");
  return `t=${t}&s=${s}`;
};

afterEach(() => resetEnvForTests({ INNGEST_BASE_URL: undefined }));

describe("client addresses", () => {
  it("loopback is 127.0.0.0/8, ::1 and IPv4-mapped 127.x; a missing address is not", () => {
    for (const ip of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::FFFF:7f00:1"]) expect(isLoopback(ip), ip).toBe(true);
    for (const ip of ["10.0.0.1", "128.0.0.1", "::2", "::ffff:10.0.0.1", "localhost", "unknown", "", null, undefined]) expect(isLoopback(ip), String(ip)).toBe(false);
    expect(normalizeIp("::ffff:10.1.2.3")).toBe("10.1.2.3");
  });
});

describe("cloud mode", () => {
  it("without a signing key refuses every request, and runs nothing", async () => {
    const a = app(false);
    const res = await a.POST(post("guard-cloud-touch", executorBody, { "x-real-ip": "127.0.0.1" }), {});
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(a.runs()).toBe(0);
  });

  it("with a key, Inngest's signature decides: unsigned or wrongly signed requests run nothing, signed ones run", async () => {
    const a = app(false, SIGNING_KEY);
    for (const headers of [{}, { "x-inngest-signature": sign(executorBody, "signkey-test-ffff") }] as Record<string, string>[]) {
      const res = await a.POST(post("guard-cloud-touch", executorBody, headers), {});
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toMatch(LEAK);
    }
    expect(a.runs()).toBe(0);
    const ok = await a.POST(post("guard-cloud-touch", executorBody, { "x-inngest-signature": sign(executorBody) }), {});
    expect(ok.status).toBe(200);
    expect(a.runs()).toBe(1);
  });
});

describe("dev mode", () => {
  it("answers loopback clients only; a missing x-real-ip counts as remote", async () => {
    const a = app(true);
    for (const ip of ["10.0.0.7", "192.168.1.2", "::ffff:10.0.0.7", undefined]) {
      const res = await a.POST(post("guard-dev-touch", executorBody, ip ? { "x-real-ip": ip } : {}), {});
      expect(res.status, String(ip)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(a.runs()).toBe(0);
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await a.POST(post("guard-dev-touch", executorBody, { "x-real-ip": ip }), {})).status, ip).toBe(200);
    }
    expect(a.runs()).toBe(3);
  });

  it("also answers the configured dev server's host when it runs elsewhere (INNGEST_BASE_URL)", async () => {
    const dev = { mode: "dev" as const };
    const from = (ip: string) => new Request("http://localhost/api/inngest", { headers: { "x-real-ip": ip } });
    expect(await inngestRefusal(dev, from("10.9.8.7"))).not.toBeNull();
    resetEnvForTests({ INNGEST_BASE_URL: "http://10.9.8.7:8288" });
    expect(await inngestRefusal(dev, from("10.9.8.7"))).toBeNull();
    expect(await inngestRefusal(dev, from("::ffff:10.9.8.7"))).toBeNull();
    expect((await inngestRefusal(dev, from("10.9.8.6")))?.status).toBe(403);
  });

  it("never answers with a stack trace: bad JSON is 400, an unknown function or a bad body is a generic 500", async () => {
    const a = app(true);
    const local = { "x-real-ip": "127.0.0.1" };
    const badJson = await a.POST(post("guard-dev-nope", "{not json", local), {});
    expect(badJson.status).toBe(400);
    for (const [fnId, body] of [["guard-dev-nope", "{}"], ["guard-dev-touch", JSON.stringify({ garbage: true })]]) {
      const res = await a.POST(post(fnId!, body!, local), {});
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(LEAK);
      expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
    }
  });

  it("keeps Inngest's retry headers on a replaced 5xx, but not a signature of the replaced body", async () => {
    const failing = guardInngestHandler({ mode: "dev" }, async () =>
      new Response(JSON.stringify({ name: "Error", message: "boom", stack: "Error: boom\n    at f (/work/main/x.ts:1:1)" }), {
        status: 500,
        headers: { "x-inngest-no-retry": "false", "retry-after": "10", "x-inngest-signature": "t=1&s=abc" },
      }),
    );
    const res = await failing(new Request("http://localhost/api/inngest", { method: "POST", headers: { "x-real-ip": "127.0.0.1" } }), {});
    expect(res.status).toBe(500);
    expect(res.headers.get("x-inngest-no-retry")).toBe("false");
    expect(res.headers.get("retry-after")).toBe("10");
    expect(res.headers.get("x-inngest-signature")).toBeNull();
    expect(await res.text()).not.toMatch(LEAK);
  });
});
