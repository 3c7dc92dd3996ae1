// A small node-postgres pool for the product list, the API's hottest read. Why not Prisma: the
// statement is raw SQL whose JSON Postgres builds, so Prisma adds nothing but its per-query client
// cost (the WASM query compiler parses every raw query and its parameters, ~1 ms of CPU a request),
// which at hundreds of requests a second is a large share of the server's CPU.
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type ReadGlobal = { __magflowProductsPool?: { url: string; pool: pg.Pool } };
const g = globalThis as ReadGlobal;

function readPool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not resolved yet (the server must boot the database first)");
  const current = g.__magflowProductsPool;
  if (current?.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  const pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on("error", () => {}); // an idle connection dropped by the server; the pool replaces it
  g.__magflowProductsPool = { url, pool };
  return pool;
}

/** Runs a Prisma.Sql statement (its $n text and values) on the read pool. */
export async function readQuery<R extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<R[]> {
  return (await readPool().query<R>({ text: sql.text, values: sql.values as unknown[] })).rows;
}

export async function closeProductsPool() {
  const current = g.__magflowProductsPool;
  g.__magflowProductsPool = undefined;
  await current?.pool.end().catch(() => {});
}
