import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as detailed } from "@/app/api/health/detailed/route";
import { GET as status } from "@/app/api/v1/system/status/route";
import { call, userWithToken } from "../helpers/api";

describe("health endpoints", () => {
  it("GET /api/health is public liveness", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/health/detailed: 401 without a token, 403 for a viewer, 200 with every check for an admin", async () => {
    expect((await call(detailed)).status).toBe(401);
    const viewer = await userWithToken("viewer");
    expect((await call(detailed, { token: viewer.token })).status).toBe(403);
    const admin = await userWithToken("admin");
    const res = await call(detailed, { token: admin.token });
    expect(res.status).toBe(200);
    const checks = res.json.checks as Record<string, { status: string }>;
    expect(Object.keys(checks).sort()).toEqual(["database", "disk", "inngest", "memory", "migrations", "redis"]);
    for (const c of Object.values(checks)) expect(["healthy", "degraded", "down"]).toContain(c.status);
    expect(checks.database!.status).toBe("healthy");
    expect(checks.migrations).toMatchObject({ status: "healthy", pending: [] });
  });

  it("GET /api/v1/system/status is readable by every role", async () => {
    const viewer = await userWithToken("viewer");
    const res = await call(status, { token: viewer.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "healthy", database: { status: "healthy" } });
  });
});
