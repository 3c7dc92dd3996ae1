// rate-limiter-flexible stores for the eMAG budget: in memory by default, Redis when several
// processes must share one account's budget. Windows are fixed and start at their first consume.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

export type EmagBucket = "orders" | "default";
export type BucketBudget = { perSecond: number; perMinute: number };

/** eMAG's documented budget per seller account (contract §4). */
export const EMAG_BUDGETS: Readonly<Record<EmagBucket, BucketBudget>> = {
  orders: { perSecond: 12, perMinute: 720 },
  default: { perSecond: 3, perMinute: 180 },
};

/** Every /order/... route shares the orders bucket; everything else shares one cumulative bucket. */
export const bucketForPath = (path: string): EmagBucket =>
  path === "order" || path.startsWith("order/") ? "orders" : "default";

// The stock script only knows whole seconds (EX), and our slot windows last 1/utilisation s
// (e.g. 1.02 s). ARGV[4] is the limiter's duration in seconds, so PX keeps millisecond windows.
// It is a strict generalisation of the stock script, so sharing its command name is harmless.
const msWindowScript = `local ms = math.floor(tonumber(ARGV[4]) * 1000)
redis.call('set', KEYS[1], 0, 'PX', ms, 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('pexpire', KEYS[1], ms)
  ttl = ms
end
return {consumed, ttl}`;

export type StoreConfig = { keyPrefix: string; points: number; durationSec: number };

export function createRedisClient(url: string): Redis {
  // One retry then fail fast: the insurance limiter takes over while Redis is away.
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  client.on("error", () => {}); // connection errors surface as failed consumes, handled there
  return client;
}

export function createStore(cfg: StoreConfig, redis?: Redis): RateLimiterAbstract {
  const opts = { keyPrefix: cfg.keyPrefix, points: cfg.points, duration: cfg.durationSec };
  const memory = new RateLimiterMemory(opts);
  if (!redis) return memory;
  return new RateLimiterRedis({
    ...opts,
    storeClient: redis,
    customIncrTtlLuaScript: msWindowScript,
    // While Redis is unreachable this process keeps its own budget rather than stalling eMAG
    // calls behind reconnect attempts; a 429 from sharing the account is then retried.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

export async function waitForRedis(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("Redis for the eMAG rate limiter is not reachable"));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off("ready", onReady);
    };
    redis.on("ready", onReady);
  });
}
