// A small node-postgres pool for the sync's raw statements: the page upsert and the small
// bookkeeping updates of the sync log (plan, checkpoint patches, heartbeats, counters, removal).
// Queries that need Prisma's models (reading a SyncLog, creating one) go through lib/db.ts. Why: a
// page statement carries ~200 KB of JSON (100 offers with eMAG's raw items), and Prisma's query
// compiler (WASM) parses raw-query parameters as part of every request, ~40 ns per byte: measured
// 25 ms per page through Prisma against 12 ms here; and even a one-row UPDATE costs a few ms of
// client CPU through Prisma against a fraction of one here.
import { createHash } from "node:crypto";
import pg from "pg";
import { env } from "@/lib/env";

type BulkGlobal = { __magflowSyncPool?: { url: string; pool: pg.Pool } };
const g = globalThis as BulkGlobal;

/** The pool for the current DATABASE_URL (recreated if it changes, as in tests). */
export function bulkPool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not resolved yet (the server must boot the database first)");
  const current = g.__magflowSyncPool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  // Asynchronous commit: a crash can lose the last few hundred ms of committed pages, but each
  // page commits together with its checkpoint entry, so a lost page is simply fetched again.
  // Generic plans: the statements here are planned from table statistics, not parameter values
  // (the page statement probes the unique index per offer by construction), and re-planning the
  // page statement on every execution cost ~1 ms of each ~10 ms page write.
  const pool = new pg.Pool({
    connectionString: url,
    max: 6,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    options: "-c synchronous_commit=off -c plan_cache_mode=force_generic_plan",
  });
  pool.on("error", () => {}); // an idle connection dropped by the server; the pool replaces it
  g.__magflowSyncPool = { url, pool };
  return pool;
}

type Observer = (ms: number, startedAt: number) => void;
let observer: Observer | undefined;
/** Benchmarks: see how long each bulk statement took. */
export const observeBulkQueries = (fn: Observer | undefined) => void (observer = fn);

/** Runs a named (prepared per connection, so planned once) statement; null: unnamed (utility statements). */
export async function bulkQuery<R extends pg.QueryResultRow>(name: string | null, sql: string, params: unknown[]): Promise<R[]> {
  const started = performance.now();
  try {
    return (await bulkPool().query<R>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
  } finally {
    observer?.(performance.now() - started, started);
  }
}

/** Runs fn in one transaction on a pooled connection; its statements are observed like bulkQuery's. */
export async function bulkTransaction<T>(fn: (query: <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
  // Waiting for (or opening) the connection is timed with BEGIN, as bulkQuery's pool.query does.
  const connecting = performance.now();
  const client = await bulkPool().connect();
  let first = true;
  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const started = first ? connecting : performance.now();
    first = false;
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      observer?.(performance.now() - started, started);
    }
  };
  try {
    await query("BEGIN");
    const result = await fn(query);
    await query("COMMIT");
    return result;
  } catch (err) {
    await query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const names = new Map<string, string>();
/** A raw statement on this pool, prepared per connection under a name derived from its text. */
export function syncQuery<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `sync-${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`));
  return bulkQuery<R>(name, sql, params);
}

export async function closeBulkPool() {
  const current = g.__magflowSyncPool;
  g.__magflowSyncPool = undefined;
  await current?.pool.end().catch(() => {});
}
