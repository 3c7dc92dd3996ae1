// The one cache: Redis when REDIS_URL is set (shared by every instance), an in-memory LRU
// otherwise. Each entry has a kind (which sets its TTL) and tags; a write that changes data
// invalidates its tags, so a read right after a sync sees the new data. Values are JSON.
import { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import client from "prom-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metric } from "@/lib/metrics/registry";

/** TTL per kind, in seconds. */
export const cacheKinds = {
  couriers: 3600,
  categories: 24 * 3600,
  statistics: 300,
  summaries: 300,
} as const;
export type CacheKind = keyof typeof cacheKinds;

/** What a write invalidates: orders (an order page), returns, products (a product sync), customers. */
export type CacheTag = "orders" | "returns" | "products" | "customers" | "couriers" | "categories";

const PREFIX = "mf:cache:";
const MEMORY_MAX_BYTES = 64 * 1024 * 1024;

interface Backend {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number, tags: readonly CacheTag[]): Promise<void>;
  invalidate(tags: readonly CacheTag[]): Promise<number>;
  info(): Promise<{ keys: number; memoryBytes: number }>;
  close(): Promise<void>;
}

function memoryBackend(): Backend {
  const lru = new LRUCache<string, string>({ maxSize: MEMORY_MAX_BYTES, sizeCalculation: (v, k) => v.length * 2 + k.length * 2, ttlAutopurge: false });
  const byTag = new Map<CacheTag, Set<string>>();
  return {
    get: async (key) => lru.get(key),
    async set(key, value, ttl, tags) {
      lru.set(key, value, { ttl: ttl * 1000 });
      for (const t of tags) (byTag.get(t) ?? byTag.set(t, new Set()).get(t)!).add(key);
    },
    async invalidate(tags) {
      let n = 0;
      for (const t of tags) {
        for (const key of byTag.get(t) ?? []) if (lru.delete(key)) n++;
        byTag.delete(t);
      }
      return n;
    },
    info: async () => ({ keys: lru.size, memoryBytes: lru.calculatedSize }),
    close: async () => void lru.clear(),
  };
}

function redisBackend(url: string): Backend {
  // Commands wait for the connection, but never longer than a second: a slow Redis falls through to the loader.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
  redis.on("error", (err) => logger.debug({ err }, "cache redis error"));
  const tagKey = (t: CacheTag) => `${PREFIX}tag:${t}`;
  return {
    async get(key) {
      return (await redis.get(PREFIX + key)) ?? undefined;
    },
    async set(key, value, ttl, tags) {
      const m = redis.multi().set(PREFIX + key, value, "EX", ttl);
      for (const t of tags) m.sadd(tagKey(t), PREFIX + key).expire(tagKey(t), 24 * 3600);
      await m.exec();
    },
    async invalidate(tags) {
      let n = 0;
      for (const t of tags) {
        const keys = await redis.smembers(tagKey(t));
        if (keys.length) n += await redis.del(...keys);
        await redis.del(tagKey(t));
      }
      return n;
    },
    async info() {
      const [keys, mem] = await Promise.all([
        (async () => {
          let count = 0;
          let cursor = "0";
          do {
            const [next, batch] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
            cursor = next;
            count += batch.filter((k) => !k.startsWith(`${PREFIX}tag:`)).length;
          } while (cursor !== "0");
          return count;
        })(),
        redis.info("memory"),
      ]);
      return { keys, memoryBytes: Number(/used_memory:(\d+)/.exec(mem)?.[1] ?? 0) };
    },
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}

type CacheGlobal = { __magflowCache?: { backend: Backend; kind: "redis" | "memory"; hits: number; misses: number } };
const g = globalThis as CacheGlobal;

function state() {
  if (!g.__magflowCache) {
    const url = env().REDIS_URL;
    g.__magflowCache = { backend: url ? redisBackend(url) : memoryBackend(), kind: url ? "redis" : "memory", hits: 0, misses: 0 };
  }
  return g.__magflowCache;
}

const counter = (name: "cache_hits_total" | "cache_misses_total", help: string) =>
  metric(name, (registers) => new client.Counter({ name, help, labelNames: ["kind"], registers }));

/**
 * The cached value of `kind:key`, or `load()` stored under the kind's TTL with `tags`. A broken
 * cache backend never breaks the read: it falls through to `load()`.
 */
export async function cached<T>(kind: CacheKind, key: string, tags: readonly CacheTag[], load: () => Promise<T>): Promise<T> {
  const s = state();
  const full = `${kind}:${key}`;
  const hit = await s.backend.get(full).catch(() => undefined);
  if (hit !== undefined) {
    s.hits++;
    counter("cache_hits_total", "Cache hits by kind").inc({ kind });
    return JSON.parse(hit) as T;
  }
  s.misses++;
  counter("cache_misses_total", "Cache misses by kind").inc({ kind });
  const value = await load();
  await s.backend.set(full, JSON.stringify(value), cacheKinds[kind], tags).catch((err) => logger.debug({ err }, "cache set failed"));
  return value;
}

/** Drops every entry carrying one of these tags (on every instance when Redis is used). */
export async function invalidateCache(...tags: CacheTag[]): Promise<number> {
  return state().backend.invalidate(tags).catch((err) => {
    logger.warn({ err, tags }, "cache invalidation failed");
    return 0;
  });
}

export interface CacheStats {
  backend: "redis" | "memory";
  hits: number;
  misses: number;
  hitRate: number;
  keys: number;
  memoryBytes: number;
  ttls: Record<CacheKind, number>;
}

/** Hits and misses of this process; keys and memory of the backend. */
export async function cacheStats(): Promise<CacheStats> {
  const s = state();
  const info = await s.backend.info().catch(() => ({ keys: 0, memoryBytes: 0 }));
  const total = s.hits + s.misses;
  return { backend: s.kind, hits: s.hits, misses: s.misses, hitRate: total ? s.hits / total : 0, ...info, ttls: { ...cacheKinds } };
}

export async function closeCache() {
  const s = g.__magflowCache;
  g.__magflowCache = undefined;
  await s?.backend.close();
}
