import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/inngest/route";
import { inngestDevMode } from "@/lib/env";

describe("GET /api/inngest (dev mode)", () => {
  it("lists the health-check function with its cron trigger", async () => {
    expect(inngestDevMode()).toBe(true);
    const res = await GET(new NextRequest("http://localhost/api/inngest"), {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mode: string; function_count: number; functions: { id: string; triggers: unknown[] }[] };
    expect(body.mode).toBe("dev");
    expect(body.function_count).toBe(body.functions.length);
    expect(body.functions).toContainEqual(
      expect.objectContaining({ id: "magflow-system-health-check", triggers: [{ cron: "*/15 * * * *" }] }),
    );
  });
});
