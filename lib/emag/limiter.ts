// Per-account eMAG request budget. Callers wait for a slot; they are never refused.
//
// Why slots instead of a plain "N per window" counter: a window limiter lets N requests through
// at the end of one window and N more at the start of the next, a burst that eMAG's (and the
// simulator's) token buckets reject. Here each window of 1/utilisation s holds P = perSecond
// numbered slots, and request n of a window is sent at windowStart + (n-1)·window/P. Windows start
// no earlier than the previous one ended, so sends are spaced evenly at ~utilisation × the ceiling
// and never burst beyond P, which a bucket of capacity P always accepts. The window counter lives
// in rate-limiter-flexible (memory or Redis), so several processes draw numbered slots from the
// same windows and their sends interleave instead of adding up.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createRedisClient, createStore, EMAG_BUDGETS, waitForRedis, type BucketBudget, type EmagBucket } from "./limiter-store";
import { sleep } from "./sleep";
import { createUsageLog, type BucketUsage } from "./limiter-usage";

export type { EmagBucket } from "./limiter-store";
export { EMAG_BUDGETS, bucketForPath } from "./limiter-store";

export type EmagLimiterOptions = {
  /** Metrics/usage label, e.g. "main". */
  account: string;
  /** Identity of the seller account in shared stores (defaults to account). */
  accountKey?: string;
  /** Redis URL or client: share the budget with every process using the same accountKey. */
  redis?: string | Redis;
  keyPrefix?: string;
  /** Share of eMAG's ceiling to use; the rest absorbs network jitter. Default 0.98. */
  utilisation?: number;
  budgets?: Partial<Record<EmagBucket, BucketBudget>>;
};

export type EmagUsage = {
  account: string;
  store: "memory" | "redis";
  buckets: Record<EmagBucket, BucketUsage>;
};

type Waiter = { resolve: (delayMs: number) => void; reject: (e: unknown) => void; detach: () => void };

type Lane = {
  budget: BucketBudget;
  second: RateLimiterAbstract;
  minute: RateLimiterAbstract;
  queue: Waiter[];
  pumping: boolean;
  pausedUntil: number;
  usage: ReturnType<typeof createUsageLog>;
};

export type EmagRateLimiter = ReturnType<typeof createEmagRateLimiter>;

export function createEmagRateLimiter(opts: EmagLimiterOptions) {
  const utilisation = opts.utilisation ?? 0.98;
  const ownsRedis = typeof opts.redis === "string" && opts.redis !== "";
  const redis = typeof opts.redis === "string" ? (opts.redis ? createRedisClient(opts.redis) : undefined) : opts.redis;
  const key = opts.accountKey ?? opts.account;
  const prefix = opts.keyPrefix ?? "magflow:emag-rl";

  const lanes = {} as Record<EmagBucket, Lane>;
  for (const bucket of ["orders", "default"] as const) {
    const budget = { ...EMAG_BUDGETS[bucket], ...opts.budgets?.[bucket] };
    lanes[bucket] = {
      budget,
      second: createStore({ keyPrefix: `${prefix}:${bucket}:s`, points: budget.perSecond, durationSec: 1 / utilisation }, redis),
      // The slot spacing already keeps a minute under perMinute; this enforces the documented AND.
      minute: createStore({ keyPrefix: `${prefix}:${bucket}:m`, points: budget.perMinute, durationSec: 60 }, redis),
      queue: [],
      pumping: false,
      pausedUntil: 0,
      usage: createUsageLog(bucket, budget),
    };
  }

  /** Claims the next slot; resolves with how long to wait before sending. */
  async function reserve(lane: Lane): Promise<number> {
    for (;;) {
      let res: RateLimiterRes;
      try {
        res = await lane.second.consume(key, 1);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        await sleep(e.msBeforeNext + 1);
        continue;
      }
      const windowMs = lane.second.msDuration;
      const elapsed = windowMs - res.msBeforeNext;
      const delay = Math.max(0, ((res.consumedPoints - 1) * windowMs) / lane.second.points - elapsed);
      try {
        await lane.minute.consume(key, 1);
        return delay;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        await sleep(e.msBeforeNext + 1); // this slot is forfeited; take a fresh one afterwards
      }
    }
  }

  // One pump per bucket hands slots to waiters in FIFO order, so only one consume per process is
  // in flight per bucket and nobody starves behind later arrivals.
  async function pump(lane: Lane) {
    if (lane.pumping) return;
    lane.pumping = true;
    try {
      while (lane.queue.length) {
        const pause = lane.pausedUntil - Date.now();
        if (pause > 0) await sleep(pause);
        let delay: number;
        try {
          delay = await reserve(lane);
        } catch (e) {
          lane.queue.shift()?.reject(e);
          continue;
        }
        const waiter = lane.queue.shift();
        if (!waiter) break; // every waiter gave up meanwhile; the slot goes unused
        waiter.detach();
        waiter.resolve(delay);
      }
    } finally {
      lane.pumping = false;
    }
  }

  return {
    account: opts.account,
    store: (redis ? "redis" : "memory") as "memory" | "redis",

    /** Waits for a slot in the bucket; resolves with the milliseconds spent waiting. */
    async acquire(bucket: EmagBucket, signal?: AbortSignal): Promise<number> {
      signal?.throwIfAborted();
      const lane = lanes[bucket];
      const started = Date.now();
      const delay = await new Promise<number>((resolve, reject) => {
        const onAbort = () => {
          lane.queue = lane.queue.filter((w) => w !== waiter);
          reject(signal!.reason);
        };
        const waiter: Waiter = { resolve, reject, detach: () => signal?.removeEventListener("abort", onAbort) };
        signal?.addEventListener("abort", onAbort, { once: true });
        lane.queue.push(waiter);
        void pump(lane);
      });
      await sleep(delay, signal);
      const waited = Date.now() - started;
      lane.usage.recordSend(Date.now(), waited);
      return waited;
    },

    /** Honours X-RateLimit-Remaining-*: at 0 the gateway bucket is empty, so hold the next slot back. */
    observe(bucket: EmagBucket, headers: Headers) {
      const lane = lanes[bucket];
      for (const [name, value] of headers) {
        if (!name.toLowerCase().startsWith("x-ratelimit-remaining")) continue;
        if (Number(value) <= 0) lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + 1000 / lane.budget.perSecond);
      }
    },

    /** A 429 means someone else spends this account's budget too: back off a full second. */
    onRateLimited(bucket: EmagBucket) {
      const lane = lanes[bucket];
      lane.usage.recordHit();
      lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + 1000);
    },

    usage(): EmagUsage {
      const now = Date.now();
      const snap = (b: EmagBucket) => lanes[b].usage.snapshot(now, lanes[b].queue.length, lanes[b].pausedUntil);
      return { account: opts.account, store: redis ? "redis" : "memory", buckets: { orders: snap("orders"), default: snap("default") } };
    },

    /** Resolves once the shared store is usable (immediately for memory). */
    async ready() {
      if (redis) await waitForRedis(redis);
    },

    async close() {
      if (ownsRedis && redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Stable store key for a seller account without putting the username in Redis. */
export function accountKeyFor(kind: string, baseUrl: string, username: string) {
  return `${kind}-${createHash("sha256").update(`${baseUrl}|${username}`).digest("hex").slice(0, 16)}`;
}
