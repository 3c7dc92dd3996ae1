// Gateway-style rate limits per account and bucket (contract §4): token buckets holding at most
// one second's worth of requests (orders 12/s, others 3/s) AND one minute's worth (720 / 180).
import type { SimBucket } from "./routes";

export type SimLimit = { perSecond: number; perMinute: number };

/** eMAG's documented budget; tests that are not about limits may raise it (see `limits`). */
export const SIM_LIMITS: Record<SimBucket, SimLimit> = {
  orders: { perSecond: 12, perMinute: 720 },
  default: { perSecond: 3, perMinute: 180 },
};

type Bucket = { tokens: number; at: number; capacity: number; perMs: number };

const refill = (b: Bucket, now: number) => {
  b.tokens = Math.min(b.capacity, b.tokens + (now - b.at) * b.perMs);
  b.at = now;
};

export function createSimLimiter(overrides: Partial<Record<SimBucket, SimLimit>> = {}) {
  const limits = { ...SIM_LIMITS, ...overrides };
  const buckets = new Map<string, { second: Bucket; minute: Bucket }>();
  const get = (account: string, bucket: SimBucket, now: number) => {
    const key = `${account}:${bucket}`;
    let b = buckets.get(key);
    if (!b) {
      const l = limits[bucket];
      b = {
        second: { tokens: l.perSecond, at: now, capacity: l.perSecond, perMs: l.perSecond / 1000 },
        minute: { tokens: l.perMinute, at: now, capacity: l.perMinute, perMs: l.perMinute / 60_000 },
      };
      buckets.set(key, b);
    }
    return b;
  };
  return {
    /** Takes one token from both buckets, or none when either is empty. */
    take(account: string, bucket: SimBucket, now = Date.now()) {
      const b = get(account, bucket, now);
      refill(b.second, now);
      refill(b.minute, now);
      const allowed = b.second.tokens >= 1 && b.minute.tokens >= 1;
      if (allowed) {
        b.second.tokens -= 1;
        b.minute.tokens -= 1;
      }
      return { allowed, limit: limits[bucket].perSecond, remaining: Math.floor(Math.min(b.second.tokens, b.minute.tokens)) };
    },
    reset: () => buckets.clear(),
  };
}
