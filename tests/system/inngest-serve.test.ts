import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/inngest/route";
import { inngestDevMode } from "@/lib/env";

// server.ts sets x-real-ip from the TCP peer; dev mode answers local clients only.
const local = { "x-real-ip": "127.0.0.1" };

describe("GET /api/inngest (dev mode)", () => {
  it("lists the health-check function with its cron trigger", async () => {
    expect(inngestDevMode()).toBe(true);
    const res = await GET(new NextRequest("http://localhost/api/inngest", { headers: local }), {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mode: string; function_count: number; functions: { id: string; triggers: unknown[] }[] };
    expect(body.mode).toBe("dev");
    expect(body.function_count).toBe(body.functions.length);
    expect(body.functions).toContainEqual(
      expect.objectContaining({ id: "magflow-system-health-check", triggers: [{ cron: "*/15 * * * *" }] }),
    );
  });

  it("refuses clients that are not local, in the API error shape, without running anything", async () => {
    for (const headers of [{ "x-real-ip": "203.0.113.9" }, {}] as Record<string, string>[]) {
      const get = await GET(new NextRequest("http://localhost/api/inngest", { headers }), {});
      expect(get.status).toBe(403);
      expect(await get.json()).toMatchObject({ error: { code: "forbidden" } });
      const run = await POST(
        new NextRequest("http://localhost/api/inngest?fnId=magflow-system-health-check&stepId=step", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ event: { name: "inngest/scheduled.timer", data: {} }, events: [], steps: {}, ctx: { run_id: "r1", attempt: 0 }, version: 2 }),
        }),
        {},
      );
      expect(run.status).toBe(403);
    }
  });

  it("a malformed call never answers with a stack trace or file paths", async () => {
    for (const [qs, body] of [
      ["?fnId=magflow-nope&stepId=step", "{not json"],
      ["?fnId=magflow-nope&stepId=step", "{}"],
      ["?fnId=magflow-emag-orders-sync-5min&stepId=step", JSON.stringify({ garbage: true })],
    ] as const) {
      const res = await POST(
        new NextRequest(`http://localhost/api/inngest${qs}`, { method: "POST", headers: { "content-type": "application/json", ...local }, body }),
        {},
      );
      expect(res.status, `${qs} ${body}`).toBeGreaterThanOrEqual(400);
      const text = await res.text();
      expect(text, `${qs} ${body}`).not.toMatch(/\/work\/|node_modules|at .+\(.+:\d+:\d+\)|"stack"/);
      expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
