// One way to build a rate limiter, shared by the login lockout (lib/auth/login-limiter.ts) and the
// per-user API budgets (lib/api/rate-limit.ts). With REDIS_URL the counters live in Redis, so every
// app process shares one budget; an in-memory insurance limiter answers while Redis is unreachable.
// Without REDIS_URL the counters are in this process's memory (the zero-configuration default).
// Limiters are built once per process and kept on globalThis (Next bundles route handlers apart
// from server.ts, and both must count against the same limiter).
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export interface LimiterSpec {
  /** Namespace of the keys (Redis keys are `<keyPrefix>:<key>`). */
  keyPrefix: string;
  /** Points per window. */
  points: number;
  /** Window length (fixed window, starting at the key's first point). */
  durationSeconds: number;
  /** Once the points are spent, refuse the key for this long (default: until the window ends). */
  blockSeconds?: number;
  /** A Redis client to count in; default: the shared client of REDIS_URL, or memory when it is unset. null forces memory. */
  redis?: Redis | null;
}

type LimitsGlobal = { __magflowLimits?: { limiters: Map<string, RateLimiterAbstract>; clients: Map<string, Redis> } };
const state = ((globalThis as LimitsGlobal).__magflowLimits ??= { limiters: new Map(), clients: new Map() });

/** The process's Redis client for limiters at this URL (commands fail fast while disconnected: the insurance limiter answers). */
export function limiterRedis(url: string): Redis {
  let client = state.clients.get(url);
  if (!client) {
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "magflow-limits" });
    let warned = false;
    client.on("error", (err: Error) => {
      if (!warned) logger.warn({ err: err.message }, "rate-limit store (Redis) unreachable; counting in memory until it is back");
      warned = true;
    });
    client.on("ready", () => (warned = false));
    state.clients.set(url, client);
  }
  return client;
}

export function createLimiter(spec: LimiterSpec): RateLimiterAbstract {
  const base = { keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 };
  const url = env().REDIS_URL;
  const redis = spec.redis === undefined ? (url ? limiterRedis(url) : null) : spec.redis;
  if (!redis) return new RateLimiterMemory(base);
  return new RateLimiterRedis({
    ...base,
    storeClient: redis,
    rejectIfRedisNotReady: true, // straight to the insurance limiter instead of waiting on a dead connection
    insuranceLimiter: new RateLimiterMemory(base),
  });
}

/** The process's limiter of this name, created on first use. */
export function namedLimiter(name: string, create: () => RateLimiterAbstract): RateLimiterAbstract {
  let l = state.limiters.get(name);
  if (!l) {
    l = create();
    state.limiters.set(name, l);
  }
  return l;
}

/** Tests only: forget every limiter (and its counts) so the next use re-reads the limits from env(). */
export function resetLimitersForTests() {
  state.limiters.clear();
}

/** Shutdown and tests: closes the limiters' Redis connections. */
export async function closeLimiterStores() {
  const clients = [...state.clients.values()];
  state.clients.clear();
  state.limiters.clear();
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
}

export type Consumed = { allowed: boolean; res: RateLimiterRes };

/**
 * Takes points atomically (one Redis script, or one synchronous memory update): of N concurrent
 * callers for one key, at most `points` are allowed. A refusal resolves { allowed: false };
 * only a store failure with no insurance left rejects.
 */
export async function consume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<Consumed> {
  try {
    return { allowed: true, res: await limiter.consume(key, points) };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { allowed: false, res: err };
    throw err;
  }
}

/** Gives points back (best effort: a lost refund only errs on the strict side). */
export async function refund(limiter: RateLimiterAbstract, key: string, points = 1) {
  await limiter.reward(key, points).catch((err: unknown) => logger.warn({ err, key: limiter.keyPrefix }, "rate-limit refund failed"));
}

/** Whole seconds until the key's window (or block) ends; at least 1. */
export const secondsUntilReset = (res: Pick<RateLimiterRes, "msBeforeNext">) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** RateLimit-* headers (IETF draft "RateLimit header fields": limit, remaining, seconds to reset); Retry-After when refused. */
export function rateLimitHeaders(limit: number, c: Consumed): Record<string, string> {
  const reset = String(secondsUntilReset(c.res));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(c.allowed ? Math.max(0, c.res.remainingPoints) : 0),
    "RateLimit-Reset": reset,
  };
  if (!c.allowed) headers["Retry-After"] = reset;
  return headers;
}
