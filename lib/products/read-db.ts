// A small node-postgres pool for the product list, the API's hottest read. Why not Prisma: the
// statement is raw SQL whose JSON Postgres builds, so Prisma adds nothing but its per-query client
// cost (the WASM query compiler parses every raw query and its parameters, ~1 ms of CPU a request),
// which at hundreds of requests a second is a large share of the server's CPU.
import { createHash } from "node:crypto";
import type pg from "pg";
import { closePgPool, pgPool } from "@/lib/db/pools";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A Prisma.Sql statement as node-postgres sends it. `prepared` names it after its text, so each
 * connection parses it once and PostgreSQL's plan cache may reuse a generic plan after five runs
 * (planning a searched list costs ~0.3 ms; naming them saved ~4 % of PostgreSQL's CPU over
 * bench:api's mix). Only for statements whose plan does not depend on the values: a search's plan
 * is fixed by its MATERIALIZED CTE (lib/products/sql.ts), while a generic plan of the unsearched
 * list could pick a sequential scan for a page of 50.
 */
export function pgStatement(sql: Prisma.Sql, prepared = false): pg.QueryConfig {
  const statement = { text: sql.text, values: sql.values as unknown[] };
  return prepared ? { ...statement, name: `products_${createHash("sha1").update(sql.text).digest("base64url").slice(0, 24)}` } : statement;
}

/** Runs a Prisma.Sql statement (its $n text and values) on the read pool; `prepared`: see pgStatement. */
export async function readQuery<R extends pg.QueryResultRow>(sql: Prisma.Sql, opts: { prepared?: boolean } = {}): Promise<R[]> {
  return (await pgPool("read").query<R>(pgStatement(sql, opts.prepared))).rows;
}

export const closeProductsPool = () => closePgPool("read");
