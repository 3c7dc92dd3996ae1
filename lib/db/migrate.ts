// Applies prisma/migrations/* with `prisma migrate deploy` semantics, in-process: pending
// migrations in name order, each in its own transaction, recorded in Prisma's own
// `_prisma_migrations` table (so `prisma migrate status` agrees). Running the Prisma CLI
// instead costs ~11 s per start here (its WASM engine holds a 10 s timer before exiting).
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const LOCK_ID = 72707369; // the advisory lock id Prisma's schema engine uses

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export const defaultMigrationsDir = () => path.resolve(process.cwd(), "prisma", "migrations");

export async function readMigrations(dir = defaultMigrationsDir()): Promise<MigrationFile[]> {
  const entries = (await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const files: MigrationFile[] = [];
  for (const name of entries.sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) continue;
    const sql = await readFile(/*turbopackIgnore: true*/ file, "utf8");
    files.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return files;
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  failed: string[];
}

async function appliedRows(client: pg.ClientBase) {
  const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return [];
  const res = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
  return res.rows.filter((r) => !r.rolled_back_at);
}

export async function migrationState(client: pg.ClientBase, dir?: string): Promise<MigrationState> {
  const files = await readMigrations(dir);
  const rows = await appliedRows(client);
  const done = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    failed: rows.filter((r) => !r.finished_at).map((r) => r.migration_name),
  };
}

/** Applies every pending migration. Throws (and leaves the failed one rolled back) on the first error. */
export async function migrateDeploy(databaseUrl: string, dir?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const appliedNow: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(MIGRATIONS_TABLE);
    const state = await migrationState(client, dir);
    if (state.failed.length) throw new Error(`Failed migrations must be resolved first: ${state.failed.join(", ")}`);
    const files = await readMigrations(dir);
    for (const m of files.filter((f) => state.pending.includes(f.name))) {
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
        appliedNow.push(m.name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
  return appliedNow;
}
