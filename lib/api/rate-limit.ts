// Per-user API budgets, taken by withAuth once the caller is known: per bearer token (each token
// of a user has its own budget), or per user for browser sessions. Two buckets:
//   - "api": API_RATE_LIMIT requests per minute, every route;
//   - "emag": API_RATE_LIMIT_EMAG per minute, routes that spend eMAG's request budget (courier
//     list, test-connection, sync starts, AWBs) instead of the "api" bucket.
// Shared through Redis when REDIS_URL is set (lib/limits).
import { AppError } from "@/lib/api/errors";
import type { Principal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { consume, createLimiter, namedLimiter, rateLimitHeaders } from "@/lib/limits";
import { logger } from "@/lib/logger";

export type RateLimitBucket = "api" | "emag";

const WINDOW_SECONDS = 60;

const pointsOf = (bucket: RateLimitBucket) => (bucket === "emag" ? env().API_RATE_LIMIT_EMAG : env().API_RATE_LIMIT);

const limiterFor = (bucket: RateLimitBucket) =>
  namedLimiter(`api:${bucket}`, () => createLimiter({ keyPrefix: `magflow:api:${bucket}`, points: pointsOf(bucket), durationSeconds: WINDOW_SECONDS }));

/** Whose budget a request spends. */
export const quotaKey = (p: Pick<Principal, "id" | "tokenId">) => (p.tokenId ? `token:${p.tokenId}` : `user:${p.id}`);

/**
 * Takes one request from the caller's budget. Returns the RateLimit-* headers for the response;
 * throws 429 (rate_limited, with Retry-After and the same headers) when the budget is spent.
 * A store failure with no insurance left lets the request through: availability over limiting.
 */
export async function takeApiQuota(p: Pick<Principal, "id" | "tokenId">, bucket: RateLimitBucket = "api"): Promise<Record<string, string>> {
  const limiter = limiterFor(bucket);
  const c = await consume(limiter, quotaKey(p)).catch((err: unknown) => {
    logger.warn({ err, bucket }, "API rate limit unavailable; request let through");
    return null;
  });
  if (!c) return {};
  const headers = rateLimitHeaders(limiter.points, c);
  if (!c.allowed) {
    const per = bucket === "emag" ? "requests that reach eMAG" : "requests";
    throw new AppError("rate_limited", `Rate limit exceeded: ${limiter.points} ${per} per minute. Try again in ${headers["Retry-After"]} s.`, {
      headers,
      details: { limit: limiter.points, window_seconds: WINDOW_SECONDS, retry_after_seconds: Number(headers["Retry-After"]), bucket },
    });
  }
  return headers;
}

/** The response with these headers added (copied into a new Response when its headers are immutable). */
export function withResponseHeaders(res: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers);
  if (!entries.length) return res;
  try {
    for (const [k, v] of entries) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    for (const [k, v] of entries) copy.headers.set(k, v);
    return copy;
  }
}
