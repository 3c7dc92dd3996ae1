import { afterEach, describe, expect, it } from "vitest";
import { cached, cacheStats, closeCache, invalidateCache } from "@/lib/cache";
import { env, resetEnvForTests } from "@/lib/env";

const backends = [["memory", undefined], ["redis", env().TEST_REDIS_URL]] as const;

describe.each(backends)("cache (%s)", (name, url) => {
  afterEach(async () => {
    await closeCache();
    resetEnvForTests({ REDIS_URL: undefined });
  });

  it.skipIf(name === "redis" && !url)("serves a stored value until a write invalidates its tag", async () => {
    resetEnvForTests({ REDIS_URL: url });
    await invalidateCache("orders", "customers");
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const key = `t-${Math.random()}`;
    expect(await cached("summaries", key, ["orders", "customers"], load)).toEqual({ n: 1 });
    expect(await cached("summaries", key, ["orders", "customers"], load)).toEqual({ n: 1 });
    expect(await invalidateCache("customers")).toBeGreaterThanOrEqual(1);
    expect(await cached("summaries", key, ["orders", "customers"], load)).toEqual({ n: 2 });
    const stats = await cacheStats();
    expect(stats.backend).toBe(name);
    expect(stats).toMatchObject({ hits: 1, misses: 2 });
    expect(stats.hitRate).toBeCloseTo(1 / 3);
    expect(stats.keys).toBeGreaterThanOrEqual(1);
    expect(stats.ttls.couriers).toBe(3600);
  });
});
