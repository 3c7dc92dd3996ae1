// Token revocation and user changes reach another instance's auth cache at once, through the
// Redis bus (lib/cluster/bus.ts), not after the cache's TTL. "Another instance" is a real child
// process with its own auth cache, on the same PostgreSQL and Redis. Skipped without TEST_REDIS_URL.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_CACHE_MS } from "@/lib/auth/tokens";
import { closeBus } from "@/lib/cluster/bus";
import { env, resetEnvForTests } from "@/lib/env";
import { revokeApiToken, updateUser } from "@/lib/users/service";
import { userWithToken } from "../helpers/api";

const redisUrl = env().TEST_REDIS_URL;
const here = path.dirname(fileURLToPath(import.meta.url));

describe.skipIf(!redisUrl)("auth cache invalidation across instances", () => {
  let worker: ChildProcessWithoutNullStreams;
  const pending: ((line: string) => void)[] = [];
  let ready: Promise<void>;

  beforeAll(async () => {
    resetEnvForTests({ REDIS_URL: redisUrl });
    worker = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures/auth-worker.ts"), JSON.stringify({ databaseUrl: env().DATABASE_URL, redisUrl })], { cwd: path.resolve(here, "../..") });
    let buf = "";
    ready = new Promise<void>((resolve, reject) => {
      worker.once("exit", (code) => reject(new Error(`worker exited ${code}`)));
      worker.stdout.on("data", (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split("\n");
        buf = lines.pop() ?? "";
        for (const l of lines) {
          if (l === "READY") resolve();
          else if (l.startsWith("RESULT ")) pending.shift()?.(l.slice(7));
        }
      });
    });
    await ready;
  }, 60_000);

  afterAll(async () => {
    worker?.kill();
    await closeBus();
    resetEnvForTests({ REDIS_URL: undefined });
  });

  const resolveThere = (token: string) =>
    new Promise<{ user: string | null }>((resolve) => {
      pending.push((l) => resolve(JSON.parse(l)));
      worker.stdin.write(`resolve ${token}\n`);
    });
  /** Asks until the answer changes, for less than the cache's TTL: a change seen later came from the TTL, not the bus. */
  const seenThere = async (token: string, want: string | null) => {
    const started = Date.now();
    while (Date.now() - started < AUTH_CACHE_MS - 1_000) {
      if ((await resolveThere(token)).user === want) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };

  it("a token revoked here is refused there at once, though the other instance had it cached", async () => {
    const { user, token } = await userWithToken("manager");
    expect(await resolveThere(token)).toEqual({ user: user.id }); // now cached there
    const { db } = await import("@/lib/db");
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    await revokeApiToken(user.id, row.id, { id: user.id });
    expect(await seenThere(token, null)).toBe(true);
  });

  it("a user deactivated here is refused there at once", async () => {
    const { user, token } = await userWithToken("viewer");
    const admin = await userWithToken("admin");
    expect(await resolveThere(token)).toEqual({ user: user.id });
    await updateUser(user.id, { active: false }, { id: admin.user.id });
    expect(await seenThere(token, null)).toBe(true);
  });
});
