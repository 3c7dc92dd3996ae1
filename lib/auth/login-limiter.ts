// Slows down password guessing: after LOGIN_MAX_FAILURES failed attempts for one email from one
// address (or 4x that from one address), further attempts get 429 until the lockout passes.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { Redis } from "ioredis";
import { AppError } from "@/lib/api/errors";
import { env } from "@/lib/env";

type LimiterGlobal = { __magflowLoginLimiters?: { byPair: RateLimiterAbstract; byIp: RateLimiterAbstract } };
const g = globalThis as LimiterGlobal;

function limiters() {
  if (!g.__magflowLoginLimiters) {
    const e = env();
    const base = { duration: e.LOGIN_LOCKOUT_SECONDS, blockDuration: e.LOGIN_LOCKOUT_SECONDS };
    const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
      e.REDIS_URL
        ? new RateLimiterRedis({
            ...base,
            keyPrefix,
            points,
            storeClient: new Redis(e.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false }),
            insuranceLimiter: new RateLimiterMemory({ ...base, keyPrefix, points }),
          })
        : new RateLimiterMemory({ ...base, keyPrefix, points });
    g.__magflowLoginLimiters = {
      byPair: make("login_fail_pair", e.LOGIN_MAX_FAILURES),
      byIp: make("login_fail_ip", e.LOGIN_MAX_FAILURES * 4),
    };
  }
  return g.__magflowLoginLimiters;
}

const pairKey = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

function tooMany(res: RateLimiterRes): never {
  const retry = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  throw new AppError("rate_limited", `Too many failed sign-in attempts. Try again in ${retry} s.`, {
    headers: { "Retry-After": String(retry) },
  });
}

/** Throws 429 when this email/address pair is locked out. */
export async function assertLoginAllowed(email: string, ip: string) {
  const { byPair, byIp } = limiters();
  const [pair, addr] = await Promise.all([byPair.get(pairKey(email, ip)), byIp.get(ip)]);
  for (const [res, max] of [
    [pair, byPair.points],
    [addr, byIp.points],
  ] as const) {
    if (res && res.consumedPoints >= max) tooMany(res);
  }
}

export async function recordLoginFailure(email: string, ip: string) {
  const { byPair, byIp } = limiters();
  await Promise.all([byPair.penalty(pairKey(email, ip), 1), byIp.penalty(ip, 1)]).catch(() => {});
}

export async function recordLoginSuccess(email: string, ip: string) {
  await limiters().byPair.delete(pairKey(email, ip)).catch(() => {});
}
