// eMAG's budgets and the Redis connection the limiter (lib/emag/limiter.ts) shares them through.
import { Redis } from "ioredis";

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

export function createRedisClient(url: string): Redis {
  // One retry then fail fast: the insurance limiter takes over while Redis is away.
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  client.on("error", () => {}); // connection errors surface as failed consumes, handled there
  return client;
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
