// Two instances: a change saved on one reaches the other through the Redis bus (the other
// instance is simulated by a message from another instance id on the same channel).
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { passwordAad, startAccountSnapshot, stopAccountSnapshot, storedAccount } from "@/lib/accounts/snapshot";
import { BUS_CHANNEL, closeBus } from "@/lib/cluster/bus";
import { encryptSecret, parseKey } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { emagAccountConfig } from "@/lib/emag/config";
import { env, resetEnvForTests } from "@/lib/env";
import { useAccountsEnvironment } from "./support";

const redisUrl = env().TEST_REDIS_URL;
const ctx = useAccountsEnvironment();
let other: Redis | undefined;

describe.skipIf(!redisUrl)("account changes across instances (Redis bus)", () => {
  beforeAll(async () => {
    stopAccountSnapshot();
    await closeBus();
    resetEnvForTests({ REDIS_URL: redisUrl });
    await startAccountSnapshot();
    other = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await other?.quit();
    stopAccountSnapshot();
    await closeBus();
    resetEnvForTests({ REDIS_URL: undefined });
  });

  it("reloads the account when another instance announces a change", async () => {
    expect(emagAccountConfig("fbe").mode).toBe("demo");
    // What the other instance committed (without bumping config_version, so only the bus can tell).
    await db.emagAccount.update({
      where: { kind: "fbe" },
      data: { username: "from-elsewhere", passwordCipher: encryptSecret("elsewhere-pass", parseKey(ctx.key), passwordAad("fbe")), baseUrl: "http://127.0.0.1:9/api-3" },
    });
    // Re-sent until seen: this instance's Redis subscription may not be active yet (messages are idempotent hints).
    const announce = JSON.stringify({ from: "another-instance", topic: "emag.account-changed", payload: { kind: "fbe" } });
    await vi.waitFor(
      async () => {
        await other!.publish(BUS_CHANNEL, announce);
        expect(storedAccount("fbe")?.username).toBe("from-elsewhere");
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(emagAccountConfig("fbe")).toMatchObject({ mode: "live", source: "stored", baseUrl: "http://127.0.0.1:9/api-3" });
  });
});
