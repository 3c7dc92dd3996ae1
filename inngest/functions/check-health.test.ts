import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { checkHealth } from "@/inngest/functions/check-health";
import { db } from "@/lib/db";
import { schedules } from "@/lib/jobs/schedules";

describe("system-health-check function", () => {
  it("is triggered by the shared 15-minute schedule", () => {
    expect(checkHealth.opts.triggers).toEqual([{ cron: schedules.healthCheck.cron }]);
    expect(schedules.healthCheck.cron).toBe("*/15 * * * *");
  });

  it("checks the database and Redis and records the result", async () => {
    const before = await db.healthCheck.count();
    const t = new InngestTestEngine({ function: checkHealth });
    const { result } = await t.execute();
    expect(result).toMatchObject({ status: "healthy" });
    expect(await db.healthCheck.count()).toBe(before + 1);
    const row = await db.healthCheck.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(row.source).toBe("inngest");
  });

  it("resumes from memoised step state: a finished step is not run again", async () => {
    const t = new InngestTestEngine({
      function: checkHealth,
      steps: [{ id: "check-database", handler: () => ({ status: "healthy", latencyMs: 1 }) }],
    });
    const { result } = await t.executeStep("check-redis");
    expect(result).toMatchObject({ status: "healthy" });
  });
});
