// The one factory for node-postgres pools. Each pool has a named purpose with its own settings,
// and every pool is built with PgSafeClient, so no parameter with a NUL ever reaches PostgreSQL,
// whichever way a statement is sent (Prisma, the sync's raw statements, the product list).
import pg from "pg";
import { PgSafeClient } from "@/lib/db/pg-safe";
import { env } from "@/lib/env";

const PURPOSES = {
  /** Prisma's driver adapter (lib/db.ts): every model query. */
  prisma: { max: 20 },
  /**
   * The sync's raw statements (lib/sync/bulk-db.ts). Asynchronous commit: a crash can lose the last
   * few hundred ms of committed pages, but each page commits together with its checkpoint entry, so
   * a lost page is simply fetched again. Generic plans: the statements here are planned from table
   * statistics, not parameter values (the page statement probes the unique index per offer by
   * construction), and re-planning the page statement on every execution cost ~1 ms of each ~10 ms
   * page write.
   */
  sync: {
    max: 6,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    options: "-c synchronous_commit=off -c plan_cache_mode=force_generic_plan",
  },
  /**
   * Order pages (lib/orders/store.ts), with the sync pool's settings. Their own: a page holds its
   * connection while it waits for the customer lock, and on a slow machine a queue of them used all
   * of the sync pool, so a product sync running beside an order backfill could not write its
   * heartbeat and was failed as dead.
   */
  orders: {
    max: 4,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    options: "-c synchronous_commit=off -c plan_cache_mode=force_generic_plan",
  },
  /** The product list, the API's hottest read (lib/products/read-db.ts). */
  read: { max: 8, idleTimeoutMillis: 10_000, allowExitOnIdle: true },
} satisfies Record<string, pg.PoolConfig>;

export type PoolPurpose = keyof typeof PURPOSES;

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not resolved yet (the server must boot the database first)");
  return url;
}

/** A new pool for this purpose; the caller owns it (ends it). */
export function createPgPool(purpose: PoolPurpose, url = databaseUrl()): pg.Pool {
  const pool = new pg.Pool({ ...PURPOSES[purpose], connectionString: url, Client: PgSafeClient });
  pool.on("error", () => {}); // an idle connection dropped by the server; the pool replaces it
  return pool;
}

type PoolsGlobal = { __magflowPgPools?: Map<PoolPurpose, { url: string; pool: pg.Pool }> };
const g = globalThis as PoolsGlobal;
const shared = () => (g.__magflowPgPools ??= new Map());

/** The shared pool of this purpose for the current DATABASE_URL (recreated if it changes, as in tests). */
export function pgPool(purpose: PoolPurpose): pg.Pool {
  const url = databaseUrl();
  const current = shared().get(purpose);
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  const pool = createPgPool(purpose, url);
  shared().set(purpose, { url, pool });
  return pool;
}

export async function closePgPool(purpose: PoolPurpose) {
  const current = shared().get(purpose);
  shared().delete(purpose);
  await current?.pool.end().catch(() => {});
}
