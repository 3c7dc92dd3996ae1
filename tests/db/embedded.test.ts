// The embedded PostgreSQL of the zero-configuration default starts on an empty data folder and
// again on the same folder (a restart): as root too, where its own "postgres" user owns the
// database folder (mode 700) and only the folders above it must be open to that user.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("starts on an empty folder, keeps the data, and starts again on it", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "magflow-embedded-"));
    dirs.push(dir);
    await chmod(dir, 0o755);
    const first = await startEmbeddedPostgres({ dataDir: dir });
    const c1 = new pg.Client({ connectionString: first.url });
    await c1.connect();
    await c1.query("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await c1.end();
    await first.stop();

    const again = await startEmbeddedPostgres({ dataDir: dir });
    const c2 = new pg.Client({ connectionString: again.url });
    await c2.connect();
    expect((await c2.query("SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
    await c2.end();
    await again.stop();
  });
});
