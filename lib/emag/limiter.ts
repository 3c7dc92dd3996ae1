// Per-account eMAG request budget. Callers wait for a slot; they are never refused.
//
// The limiter mirrors the gateway's own model, a token bucket (GCRA, "generic cell rate
// algorithm"): each bucket keeps a theoretical arrival time (TAT) that advances by one interval
// (1 s / perSecond) per request, and a request may go out once now >= TAT - tolerance, where the
// tolerance is (burst - 1) intervals. So after an idle spell `burst` requests leave at once, then
// one per interval, and in ANY span of s seconds at most burst + s·perSecond are sent. eMAG's
// bucket holds perSecond tokens, i.e. accepts perSecond + s·perSecond: the default burst leaves at
// least one whole token and at least JITTER_MARGIN_MS worth (a third of a second at 3 req/s) for jitter, so the
// limiter can run at 100 % of the rate with 0 × 429. A send that is late (timer lag) does not
// push the schedule back, because the TAT advances from itself, not from the send. The per-minute
// budget is a second GCRA on the same key; the request goes when both allow it.
//
// A slot is only taken when it is due (the store answers "go" or "ask again in N ms"), so a caller
// that gives up never burns a slot. The state lives in memory or, with Redis, in one hash updated
// by a Lua script against Redis's clock, so several processes draw from the same budget.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { createRedisClient, EMAG_BUDGETS, waitForRedis, type BucketBudget, type EmagBucket } from "./limiter-store";
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
  /** Share of eMAG's rate to use. Default 1: the burst tolerance leaves one token for jitter. */
  utilisation?: number;
  /** Requests that may leave at once after an idle spell (per bucket). Default perSecond - 1. */
  burst?: Partial<Record<EmagBucket, number>>;
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
  /** GCRA parameters: interval and tolerance (ms) of the per-second and per-minute budgets. */
  gcra: [number, number, number, number];
  key: string;
  /** TATs (epoch ms) of the memory store, also the fallback while Redis is unreachable. */
  tat: { s: number; m: number };
  queue: Waiter[];
  pumping: boolean;
  pausedUntil: number;
  usage: ReturnType<typeof createUsageLog>;
};

export type EmagRateLimiter = ReturnType<typeof createEmagRateLimiter>;

// KEYS[1] hash { s, m }: TATs in ms on Redis's clock. ARGV: interval and tolerance of the second
// and minute budgets, key TTL in ms. Returns 0 (slot taken, send now) or the ms to wait.
const GCRA_SCRIPT = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local ts = tonumber(redis.call('HGET', KEYS[1], 's') or '0')
local tm = tonumber(redis.call('HGET', KEYS[1], 'm') or '0')
local is, taus, im, taum = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local wait = math.max(ts - taus - now, tm - taum - now)
if wait > 0 then return math.ceil(wait) end
redis.call('HSET', KEYS[1], 's', string.format('%.3f', math.max(ts, now) + is), 'm', string.format('%.3f', math.max(tm, now) + im))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 0`;

const nowMs = () => performance.timeOrigin + performance.now();

/** Arrival jitter the default burst absorbs (see the header): ~one token at 3 req/s, 4 at 12 req/s. */
export const JITTER_MARGIN_MS = 350;

/** Memory GCRA: takes a slot and returns 0, or returns the ms until one is due. */
function takeLocal(tat: { s: number; m: number }, [is, taus, im, taum]: Lane["gcra"], now = nowMs()) {
  const wait = Math.max(tat.s - taus - now, tat.m - taum - now);
  if (wait > 0) return Math.ceil(wait);
  tat.s = Math.max(tat.s, now) + is;
  tat.m = Math.max(tat.m, now) + im;
  return 0;
}

export function createEmagRateLimiter(opts: EmagLimiterOptions) {
  const utilisation = opts.utilisation ?? 1;
  const ownsRedis = typeof opts.redis === "string" && opts.redis !== "";
  const redis = typeof opts.redis === "string" ? (opts.redis ? createRedisClient(opts.redis) : undefined) : opts.redis;
  const key = opts.accountKey ?? opts.account;
  const prefix = opts.keyPrefix ?? "magflow:emag-rl";

  const lanes = {} as Record<EmagBucket, Lane>;
  for (const bucket of ["orders", "default"] as const) {
    const budget = { ...EMAG_BUDGETS[bucket], ...opts.budgets?.[bucket] };
    // The margin left for jitter is at least one token and at least JITTER_MARGIN_MS of tokens: at
    // 12 req/s one token is only 83 ms, less than the arrival bunching a busy event loop causes.
    const margin = Math.max(1, Math.floor((JITTER_MARGIN_MS * budget.perSecond) / 1000));
    const burst = Math.max(1, Math.min(budget.perSecond, opts.burst?.[bucket] ?? budget.perSecond - margin));
    const is = 1000 / (budget.perSecond * utilisation);
    const im = 60_000 / (budget.perMinute * utilisation);
    lanes[bucket] = {
      budget,
      // The minute budget keeps a second's worth of tokens in reserve, like the second's one.
      gcra: [is, (burst - 1) * is, im, Math.max(0, budget.perMinute - budget.perSecond) * im],
      key: `${prefix}:${bucket}:gcra:${key}`,
      tat: { s: 0, m: 0 },
      queue: [],
      pumping: false,
      pausedUntil: 0,
      usage: createUsageLog(bucket, budget),
    };
  }

  /** Takes a slot if one is due now (0), else returns the ms to wait. Redis when usable, else memory. */
  async function take(lane: Lane): Promise<number> {
    if (redis?.status === "ready") {
      try {
        return Number(await redis.eval(GCRA_SCRIPT, 1, lane.key, ...lane.gcra.map(String), String(Math.ceil(lane.gcra[2] * lane.budget.perMinute))));
      } catch {
        // Redis went away mid-call: this process keeps its own budget until it is back (a 429 from
        // sharing the account meanwhile is retried), rather than stalling eMAG calls.
      }
    }
    return takeLocal(lane.tat, lane.gcra);
  }

  /** Waits until a slot is due and takes it; false when nobody is waiting any more. */
  async function reserve(lane: Lane): Promise<boolean> {
    for (;;) {
      if (!lane.queue.length) return false;
      const wait = await take(lane);
      if (wait <= 0) return true;
      await sleep(wait);
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
        try {
          if (!(await reserve(lane))) break; // every waiter gave up meanwhile; no slot was taken
        } catch (e) {
          lane.queue.shift()?.reject(e);
          continue;
        }
        const waiter = lane.queue.shift();
        if (!waiter) break; // the last waiter gave up during the store call; this slot goes unused
        waiter.detach();
        waiter.resolve(0);
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
