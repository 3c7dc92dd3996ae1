// A small node-postgres pool for the product list, the API's hottest read. Why not Prisma: the
// statement is raw SQL whose JSON Postgres builds, so Prisma adds nothing but its per-query client
// cost (the WASM query compiler parses every raw query and its parameters, ~1 ms of CPU a request),
// which at hundreds of requests a second is a large share of the server's CPU.
import type pg from "pg";
import { closePgPool, pgPool } from "@/lib/db/pools";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Runs a Prisma.Sql statement (its $n text and values) on the read pool. */
export async function readQuery<R extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<R[]> {
  return (await pgPool("read").query<R>({ text: sql.text, values: sql.values as unknown[] })).rows;
}

export const closeProductsPool = () => closePgPool("read");
