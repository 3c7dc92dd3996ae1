// Vitest global setup: one throwaway PostgreSQL database per test run, migrated with the
// app's own migrator. TEST_DATABASE_URL points at a server to create it on; unset, an
// embedded PostgreSQL is started in a temporary folder and removed afterwards.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDb } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";

export default async function setup() {
  const dbName = `magflow_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let embedded: EmbeddedDb | undefined;
  let tmp: string | undefined;
  // eslint-disable-next-line no-restricted-properties -- test bootstrap runs before lib/env.ts is usable
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), "magflow-test-pg-"));
    await chmod(tmp, 0o755); // the embedded server runs as the "postgres" user when we are root
    embedded = await startEmbeddedPostgres({ dataDir: tmp, persistent: false });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  await migrateDeploy(url.toString());
  // eslint-disable-next-line no-restricted-properties -- handed to the forked test workers
  process.env.DATABASE_URL = url.toString();
  // eslint-disable-next-line no-restricted-properties
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  // eslint-disable-next-line no-restricted-properties
  process.env.LOG_LEVEL ??= "silent";

  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await c.end();
    if (embedded) await embedded.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  };
}
