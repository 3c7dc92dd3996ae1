// Several production instances running jobs in-process: refused without Redis, allowed with it.
// Real advisory locks on the test database; each claim holds its own connection, as an instance does.
import { afterEach, describe, expect, it } from "vitest";
import { claimJobRunner, UnsafeConfigurationError, type JobRunnerClaim } from "@/lib/boot/job-runner-guard";
import { env } from "@/lib/env";

const held: JobRunnerClaim[] = [];
const claim = async (redis: boolean) => {
  const c = await claimJobRunner({ databaseUrl: env().DATABASE_URL!, redis });
  held.push(c);
  return c;
};
afterEach(async () => {
  await Promise.all(held.splice(0).map((c) => c.release()));
});

describe("job runner guard", () => {
  it("one instance without Redis starts; a second one without Redis is refused, saying why", async () => {
    await claim(false);
    const second = claim(false);
    await expect(second).rejects.toBeInstanceOf(UnsafeConfigurationError);
    await expect(second).rejects.toThrow(/REDIS_URL/);
  });

  it("instances that share Redis start together", async () => {
    await claim(true);
    await claim(true);
    expect(held.map((c) => c.mode)).toEqual(["shared", "shared"]);
  });

  it("mixing is refused both ways", async () => {
    const withRedis = await claim(true);
    await expect(claim(false)).rejects.toBeInstanceOf(UnsafeConfigurationError);
    await withRedis.release();
    held.splice(0);
    await claim(false);
    await expect(claim(true)).rejects.toThrow(/without REDIS_URL/);
  });

  it("an instance that stops (its connection closes) frees the lock for the next", async () => {
    const first = await claim(false);
    await first.release();
    held.splice(0);
    await expect(claim(false)).resolves.toMatchObject({ mode: "exclusive" });
  });
});
