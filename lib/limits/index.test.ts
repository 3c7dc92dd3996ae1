import { describe, expect, it } from "vitest";
import { consume, createLimiter, namedLimiter, rateLimitHeaders, refund, resetLimitersForTests, secondsUntilReset } from "@/lib/limits";

const memory = (points: number, blockSeconds?: number) =>
  createLimiter({ keyPrefix: `t${Math.random()}`, points, durationSeconds: 60, blockSeconds, redis: null });

describe("lib/limits", () => {
  it("consume is atomic: of 50 concurrent calls for one key exactly `points` are allowed", async () => {
    const l = memory(5);
    const results = await Promise.all(Array.from({ length: 50 }, () => consume(l, "k")));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect((await consume(l, "other")).allowed).toBe(true);
  });

  it("refund gives a point back", async () => {
    const l = memory(2);
    await consume(l, "k");
    await consume(l, "k");
    await refund(l, "k");
    expect((await consume(l, "k")).allowed).toBe(true);
    expect((await consume(l, "k")).allowed).toBe(false);
  });

  it("a spent key stays refused for blockSeconds", async () => {
    const l = memory(1, 900);
    await consume(l, "k");
    const refused = await consume(l, "k");
    expect(refused.allowed).toBe(false);
    expect(secondsUntilReset(refused.res)).toBeGreaterThan(60);
  });

  it("headers: limit, remaining, reset; Retry-After only when refused", async () => {
    const l = memory(2);
    expect(rateLimitHeaders(2, await consume(l, "k"))).toEqual({ "RateLimit-Limit": "2", "RateLimit-Remaining": "1", "RateLimit-Reset": "60" });
    await consume(l, "k");
    const refused = rateLimitHeaders(2, await consume(l, "k"));
    expect(refused).toMatchObject({ "RateLimit-Remaining": "0", "Retry-After": refused["RateLimit-Reset"] });
  });

  it("named limiters are per process until reset", () => {
    const a = namedLimiter("test:x", () => memory(1));
    expect(namedLimiter("test:x", () => memory(2))).toBe(a);
    resetLimitersForTests();
    expect(namedLimiter("test:x", () => memory(2)).points).toBe(2);
  });
});
