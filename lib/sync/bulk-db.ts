// A small node-postgres pool for the sync's raw statements: the page upsert and the small
// bookkeeping updates of the sync log (plan, checkpoint patches, heartbeats, counters, removal).
// Queries that need Prisma's models (reading a SyncLog, creating one) go through lib/db.ts. Why: a
// page statement carries ~200 KB of JSON (100 offers with eMAG's raw items), and Prisma's query
// compiler (WASM) parses raw-query parameters as part of every request, ~40 ns per byte: measured
// 25 ms per page through Prisma against 12 ms here; and even a one-row UPDATE costs a few ms of
// client CPU through Prisma against a fraction of one here.
import { createHash } from "node:crypto";
import type pg from "pg";
import { closePgPool, pgPool } from "@/lib/db/pools";

/** The pool for the current DATABASE_URL (settings: the "sync" purpose in lib/db/pools.ts). */
export const bulkPool = (): pg.Pool => pgPool("sync");

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

/** The sync pool and the order pages' (both written by syncs): closed together at shutdown. */
export const closeBulkPool = async () => void (await Promise.all([closePgPool("sync"), closePgPool("orders")]));
