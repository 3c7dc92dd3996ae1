import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { migrateDeploy, migrationState, readMigrations } from "@/lib/db/migrate";

const created: string[] = [];

async function freshDatabase() {
  const name = `magflow_mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: env().DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const url = new URL(env().DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: env().DATABASE_URL });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("migrations", () => {
  it("apply cleanly to an empty database, once", async () => {
    const url = await freshDatabase();
    const all = (await readMigrations()).map((m) => m.name);
    expect(await migrateDeploy(url)).toEqual(all);
    expect(await migrateDeploy(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    expect(await migrationState(c)).toEqual({ applied: all, pending: [], failed: [] });
    await c.end();
  });

  it("roll back a broken migration and report it", async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "magflow-mig-"));
    await mkdir(path.join(dir, "001_ok"));
    await writeFile(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE t_ok (id int);");
    await mkdir(path.join(dir, "002_bad"));
    await writeFile(path.join(dir, "002_bad", "migration.sql"), "CREATE TABLE t_bad (id int); SELECT nonsense_fn();");
    await expect(migrateDeploy(url, dir)).rejects.toThrow(/002_bad failed/);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const tables = await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.rows.map((r) => r.tablename)).toEqual(["_prisma_migrations", "t_ok"]);
    expect((await migrationState(c, dir)).pending).toEqual(["002_bad"]);
    await c.end();
  });
});
