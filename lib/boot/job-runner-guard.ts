// Refuses unsafe configurations of several instances. Every production instance that runs jobs
// in-process holds an advisory lock on PostgreSQL for its lifetime (on a connection of its own; a
// crashed instance's lock goes with its connection):
//   - with REDIS_URL, a shared lock: any number of such instances may run together, since eMAG's
//     rate budget, the realtime fan-out and the caches are shared through Redis;
//   - without REDIS_URL, an exclusive lock: it must be the only job runner on this database,
//     because each process would spend eMAG's budget on its own (429s) and events would stay local.
// A second instance that cannot take its lock stops at boot and says why. One instance on the
// embedded defaults (or in development) is never refused.
import pg from "pg";

/** Advisory lock key for "MagFlow in-process job runners" (any fixed bigint; distinct from the migrator's). */
export const JOB_RUNNER_LOCK = 72707370;

export class UnsafeConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeConfigurationError";
  }
}

export interface JobRunnerClaim {
  mode: "shared" | "exclusive";
  release(): Promise<void>;
}

export async function claimJobRunner(opts: { databaseUrl: string; redis: boolean }): Promise<JobRunnerClaim> {
  const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: "magflow-job-runner-lock" });
  client.on("error", () => {}); // the lock is gone with the connection; the instance keeps serving
  await client.connect();
  const fn = opts.redis ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
  const { rows } = await client.query<{ ok: boolean }>(`SELECT ${fn}($1) AS ok`, [JOB_RUNNER_LOCK]);
  if (!rows[0]?.ok) {
    await client.end().catch(() => {});
    throw new UnsafeConfigurationError(
      opts.redis
        ? "Refusing to start: another MagFlow instance runs jobs in-process on this database without REDIS_URL. Give every instance the same REDIS_URL (shared eMAG rate budget, live events, caches), or stop the other one."
        : "Refusing to start: another MagFlow instance already runs jobs in-process on this database, and REDIS_URL is not set. Several instances must share one Redis (set REDIS_URL on all of them) or jobs must run on Inngest; otherwise each would spend eMAG's rate budget on its own and live events would not reach every client.",
    );
  }
  return { mode: opts.redis ? "shared" : "exclusive", release: () => client.end().catch(() => {}) };
}
