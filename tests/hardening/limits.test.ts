// Limits that hold: the login lockout under concurrency (through the real login route) and the
// per-user API budgets (through real routes wrapped by withAuth), in memory and through Redis.
import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as couriersRoute } from "@/app/api/v1/emag/orders/couriers/route";
import { POST as awbRoute } from "@/app/api/v1/emag/orders/[id]/awb/route";
import { POST as ordersSyncRoute } from "@/app/api/v1/emag/orders/sync/route";
import { POST as productsSyncRoute } from "@/app/api/v1/emag/products/sync/route";
import { POST as testConnectionRoute } from "@/app/api/v1/emag/products/test-connection/route";
import { passwordCheckCount } from "@/lib/auth/passwords";
import { env, resetEnvForTests } from "@/lib/env";
import { closeLimiterStores, consume, createLimiter, limiterRedis, resetLimitersForTests } from "@/lib/limits";
import { createUser } from "@/lib/users/service";
import { call, uniqueEmail, userWithToken } from "../helpers/api";

const ip = () => `10.${[...randomBytes(3)].join(".")}`; // a fresh client address
const LIMIT_VARS = ["LOGIN_MAX_FAILURES", "LOGIN_IP_MAX_FAILURES", "LOGIN_LOCKOUT_SECONDS", "API_RATE_LIMIT", "API_RATE_LIMIT_EMAG", "REDIS_URL"] as const;
// eslint-disable-next-line no-restricted-properties -- restoring what the run started with, set or unset
const original = Object.fromEntries(LIMIT_VARS.map((k) => [k, process.env[k]]));

/** Sets limits for one test; the limiters are rebuilt from them on next use. */
function useLimits(vars: Partial<Record<(typeof LIMIT_VARS)[number], string>>) {
  resetEnvForTests(vars);
  resetLimitersForTests();
}

afterEach(() => useLimits(original));
afterAll(async () => {
  await closeLimiterStores();
});

const newUser = async (password = "right-password-1") => {
  const email = uniqueEmail("limits");
  await createUser({ email, name: "Limits", password, role: "viewer" }, null);
  return { email, password };
};
const attempt = (email: string, password: string, address: string) =>
  call(login, { method: "POST", headers: { "x-real-ip": address }, body: { email, password } });

describe("login limiting", () => {
  it("of 30 concurrent wrong logins for one account at most 5 reach bcrypt; the rest get 429 + Retry-After; another user still signs in from that address", async () => {
    expect(env().LOGIN_MAX_FAILURES).toBe(5);
    const victim = await newUser();
    const other = await newUser("other-password-1");
    const address = ip();
    const before = await passwordCheckCount();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim.email, `wrong-${i}`, address)));
    const checks = (await passwordCheckCount()) - before;
    expect(checks).toBeLessThanOrEqual(5);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks); // every one that reached bcrypt failed there
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(30 - checks);
    for (const r of refused) {
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(r.json.error?.code).toBe("rate_limited");
    }
    // The victim's own correct password is refused too while locked (the lockout is per account)...
    expect((await attempt(victim.email, victim.password, ip())).status).toBe(429);
    // ...but the attacker's address has not lost its budget for other accounts.
    const ok = await attempt(other.email, other.password, address);
    expect(ok.status).toBe(200);
    expect(ok.json.access_token).toMatch(/^mf_/);
  });

  it("counts per account whatever the address: 5 failures from 5 addresses lock the account", async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) expect((await attempt(u.email, "nope-nope", ip())).status).toBe(401);
    const sixth = await attempt(u.email, "nope-nope", ip());
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBeTruthy();
  });

  it("counts per address separately; attempts the account limit refused do not spend the address's budget", async () => {
    useLimits({ LOGIN_IP_MAX_FAILURES: "8" });
    const address = ip();
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    const burst = await Promise.all(Array.from({ length: 20 }, () => attempt(a.email, "wrong", address)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(5); // 5 of 8 address points spent, 15 refusals spent none
    for (let i = 0; i < 3; i++) expect((await attempt(b.email, "wrong", address)).status).toBe(401); // 8 of 8
    const spent = await attempt(c.email, c.password, address);
    expect(spent.status).toBe(429); // the address is out of failures now, for every account
    expect(spent.json.error?.message).toMatch(/address/);
    expect((await attempt(c.email, c.password, ip())).status).toBe(200); // and c's account point was given back
  });

  it("correct logins never count as failures", async () => {
    const u = await newUser();
    const address = ip();
    for (let i = 0; i < 8; i++) expect((await attempt(u.email, u.password, address)).status).toBe(200);
    const wrong = [];
    for (let i = 0; i < 6; i++) wrong.push((await attempt(u.email, "wrong", address)).status);
    expect(wrong).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("an unknown account is limited the same way (and costs the same bcrypt check)", async () => {
    const email = uniqueEmail("ghost");
    const before = await passwordCheckCount();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(email, "whatever-1", ip())));
    expect((await passwordCheckCount()) - before).toBe(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });
});

describe("per-user API rate limits", () => {
  it("a token over its budget gets 429 with Retry-After and RateLimit-* headers; another user is unaffected", async () => {
    useLimits({ API_RATE_LIMIT: "3" });
    const [a, b] = [await userWithToken("viewer"), await userWithToken("viewer")];
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(me, { token: a.token });
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit-limit")).toBe("3");
      expect(Number(r.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
      seen.push(r.headers.get("ratelimit-remaining"));
    }
    expect(seen).toEqual(["2", "1", "0"]);
    const over = await call(me, { token: a.token });
    expect(over.status).toBe(429);
    expect(over.json.error?.code).toBe("rate_limited");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(over.headers.get("ratelimit-limit")).toBe("3");
    expect(over.headers.get("ratelimit-remaining")).toBe("0");
    const other = await call(me, { token: b.token });
    expect(other.status).toBe(200);
    expect(other.headers.get("ratelimit-remaining")).toBe("2");
  });

  it("the budget is per token: a second token of the same user has its own", async () => {
    useLimits({ API_RATE_LIMIT: "2" });
    const a = await userWithToken("viewer");
    const { issueToken } = await import("@/lib/auth/tokens");
    const second = (await issueToken(a.user.id, { name: "second", kind: "login", ttlSeconds: 600 })).token;
    await call(me, { token: a.token });
    await call(me, { token: a.token });
    expect((await call(me, { token: a.token })).status).toBe(429);
    expect((await call(me, { token: second })).status).toBe(200);
  });

  it("routes that spend eMAG's budget share the stricter bucket (errors carry the headers too); other routes keep theirs", async () => {
    useLimits({ API_RATE_LIMIT_EMAG: "5", API_RATE_LIMIT: "1000" });
    const admin = await userWithToken("admin");
    // Each call fails its validation before anything reaches eMAG, after the point is taken.
    const calls = [
      () => call(couriersRoute, { token: admin.token, path: "/x?account=nope" }),
      () => call(testConnectionRoute, { method: "POST", token: admin.token, path: "/x?account_type=nope" }),
      () => call(productsSyncRoute, { method: "POST", token: admin.token, rawBody: "{nope" }),
      () => call(ordersSyncRoute, { method: "POST", token: admin.token, rawBody: "{nope" }),
      () => call(awbRoute, { method: "POST", token: admin.token, params: { id: "not-a-uuid" }, body: {} }),
    ];
    const remaining = [];
    for (const c of calls) {
      const r = await c();
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(429);
      expect(r.headers.get("ratelimit-limit")).toBe("5"); // the eMAG bucket, not the 1000 one
      remaining.push(r.headers.get("ratelimit-remaining"));
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const over = await calls[0]!();
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBeTruthy();
    const elsewhere = await call(me, { token: admin.token });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get("ratelimit-limit")).toBe("1000");
  });

  it("unauthenticated calls get 401 without spending anyone's budget", async () => {
    useLimits({ API_RATE_LIMIT: "1" });
    for (let i = 0; i < 3; i++) expect((await call(me)).status).toBe(401);
    const a = await userWithToken("viewer");
    expect((await call(me, { token: a.token })).status).toBe(200);
  });
});

const redisUrl = env().TEST_REDIS_URL;

/** Until a connection is ready the limiters answer from their in-memory insurance; these tests are about Redis. */
const ready = async (client: Redis) => {
  if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));
  return client;
};

describe.skipIf(!redisUrl)("limits shared through Redis", () => {
  it("two limiter instances (two processes' worth) share one budget", async () => {
    const [r1, r2] = await Promise.all([ready(new Redis(redisUrl!)), ready(new Redis(redisUrl!))]);
    try {
      const spec = { keyPrefix: `magflow-test:${randomUUID()}`, points: 5, durationSeconds: 60 };
      const [a, b] = [createLimiter({ ...spec, redis: r1 }), createLimiter({ ...spec, redis: r2 })];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => consume(i % 2 ? a : b, "token:shared")));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      expect((await consume(a, "token:other")).allowed).toBe(true); // another key has its own budget
    } finally {
      await Promise.all([r1.quit(), r2.quit()]);
    }
  });

  it("the login lockout holds under concurrency with REDIS_URL set", async () => {
    useLimits({ REDIS_URL: redisUrl });
    await ready(limiterRedis(redisUrl!));
    const u = await newUser();
    const other = await newUser();
    const address = ip();
    const before = await passwordCheckCount();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(u.email, "wrong", address)));
    expect((await passwordCheckCount()) - before).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
    expect((await attempt(other.email, other.password, address)).status).toBe(200);
    // The counts are in Redis, not this process: a fresh limiter (as in another process) still refuses.
    resetLimitersForTests();
    expect((await attempt(u.email, u.password, ip())).status).toBe(429);
  });

  it("the API budget is shared through Redis too", async () => {
    useLimits({ REDIS_URL: redisUrl, API_RATE_LIMIT: "2" });
    await ready(limiterRedis(redisUrl!));
    const a = await userWithToken("viewer");
    expect((await call(me, { token: a.token })).status).toBe(200);
    resetLimitersForTests(); // as if the next request went to another process
    expect((await call(me, { token: a.token })).status).toBe(200);
    resetLimitersForTests();
    expect((await call(me, { token: a.token })).status).toBe(429);
  });
});
