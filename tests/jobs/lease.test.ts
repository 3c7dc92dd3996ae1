// One run per cron tick across instances (lib/jobs/lease.ts, inngest/in-process.ts leasedCron).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { leasedCron, tickOf } from "@/inngest/in-process";
import { claimTick } from "@/lib/jobs/lease";
import { useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

const crons: { stop(): void }[] = [];
afterAll(() => crons.forEach((c) => c.stop()));

describe("job lease", () => {
  it("lets exactly one of several concurrent claimants run a tick", async () => {
    const tick = new Date("2026-12-01T12:00:00Z");
    const next = new Date("2026-12-01T12:05:00Z");
    const claims = await Promise.all(["a", "b", "c", "d", "e"].map((holder) => claimTick("test-job", tick, next, holder)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // The same tick again (a repeated call, a slow instance): refused.
    expect(await claimTick("test-job", tick, next, "f")).toBe(false);
    // An older tick (an instance whose clock lags): refused; the next tick: claimed once.
    expect(await claimTick("test-job", new Date("2026-12-01T11:55:00Z"), tick, "g")).toBe(false);
    const later = await Promise.all(["a", "b"].map((holder) => claimTick("test-job", next, new Date("2026-12-01T12:10:00Z"), holder)));
    expect(later.filter(Boolean)).toHaveLength(1);
    // Other schedules have rows of their own.
    expect(await claimTick("other-job", tick, next, "a")).toBe(true);
    const rows = await db.jobLease.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.tick.toISOString()])).toEqual([
      ["other-job", tick.toISOString()],
      ["test-job", next.toISOString()],
    ]);
  });

  it("two in-process schedulers firing the same schedule run each tick once", { timeout: 15_000 }, async () => {
    const runs: { scheduler: string; tick: string }[] = [];
    for (const scheduler of ["instance-1", "instance-2"])
      crons.push(
        leasedCron("every-second", "* * * * * *", async (tick) => {
          runs.push({ scheduler, tick: tick.toISOString() });
        }),
      );
    await new Promise((r) => setTimeout(r, 4_200));
    crons.forEach((c) => c.stop());
    await new Promise((r) => setTimeout(r, 300)); // claims already sent
    const ticks = runs.map((r) => r.tick);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks).size).toBe(ticks.length); // no tick ran twice
    // Ticks are the scheduled seconds, whichever instance fired first.
    for (const t of ticks) expect(new Date(t).getMilliseconds()).toBe(0);
  });

  it("names a tick by its scheduled time, not the moment croner fired", async () => {
    const { Cron } = await import("croner");
    const job = new Cron("*/5 * * * *", { paused: true });
    expect(tickOf(job, new Date("2026-12-01T12:05:00.040Z")).toISOString()).toBe("2026-12-01T12:05:00.000Z");
    expect(tickOf(job, new Date("2026-12-01T12:09:59.900Z")).toISOString()).toBe("2026-12-01T12:05:00.000Z");
    job.stop();
  });
});
