// Shared by the benches: a throwaway database (TEST_DATABASE_URL's server, else an embedded
// PostgreSQL in a temp dir), migrated, that is dropped afterwards.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";

export async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = env().TEST_DATABASE_URL;
  if (server) {
    const name = `magflow_bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const drop = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    return { url: url.toString(), drop };
  }
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const dir = await mkdtemp(path.join(os.tmpdir(), "magflow-bench-pg-"));
  await chmod(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  return { url: embedded.url, drop: async () => (await embedded.stop(), await rm(dir, { recursive: true, force: true })) };
}
