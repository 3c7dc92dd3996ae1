// Key rotation: every stored credential moves from the old key to the new one in one transaction
// (through the library function and through `npm run secrets:rotate` itself), and the account keeps working.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/v1/emag/accounts/[account]/route";
import { passwordAad, reloadAccountSnapshot, storedAccount } from "@/lib/accounts/snapshot";
import { loadKeyRing } from "@/lib/crypto/keys";
import { rotateStoredSecrets } from "@/lib/crypto/rotate";
import { cipherKeyId, decryptSecret, parseKey } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { env, resetEnvForTests } from "@/lib/env";
import { call, userWithToken } from "../helpers/api";
import { newKey, startSim, useAccountsEnvironment } from "./support";

const ctx = useAccountsEnvironment();
const CREDS = { main: { username: "rot-main", password: "rot-main-Secret-1" }, fbe: { username: "rot-fbe", password: "rot-fbe-Secret-2" } };
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  const sim = await startSim({ products: { main: 2, fbe: 2 }, credentials: CREDS });
  const { token } = await userWithToken("admin");
  for (const kind of ["main", "fbe"] as const) {
    const res = await call(patchRoute, { method: "PATCH", token, params: { account: kind }, body: { ...CREDS[kind], base_url: sim.url } });
    expect(res.status).toBe(200);
  }
  await sim.close();
});

const keyIds = async () => (await db.emagAccount.findMany({ orderBy: { kind: "asc" }, select: { kind: true, keyId: true, passwordCipher: true } }));

describe("secrets rotation", () => {
  it("stores the key id with each ciphertext", async () => {
    const rows = await keyIds();
    const id = parseKey(ctx.key).id;
    for (const r of rows) expect([r.keyId, cipherKeyId(r.passwordCipher!)]).toEqual([id, id]);
  });

  it("refuses to rotate when an old key is missing, and changes nothing", async () => {
    const before = await keyIds();
    await expect(rotateStoredSecrets({ from: [], to: parseKey(newKey()) })).rejects.toMatchObject({ reason: "unknown_key" });
    expect(await keyIds()).toEqual(before);
  });

  it("--check reports without changing; a rotation moves every row; running again is a no-op", async () => {
    const oldKey = ctx.key;
    const next = newKey();
    resetEnvForTests({ MAGFLOW_ENCRYPTION_KEY: next, MAGFLOW_ENCRYPTION_KEY_OLD: oldKey });
    const ring = await loadKeyRing({ create: false });
    const checked = await rotateStoredSecrets({ from: ring.all.slice(1), to: ring.current!, check: true });
    expect(checked.rotated.map((r) => r.kind).sort()).toEqual(["fbe", "main"]);
    expect((await keyIds()).every((r) => r.keyId === parseKey(oldKey).id)).toBe(true);

    const done = await rotateStoredSecrets({ from: ring.all.slice(1), to: ring.current! });
    expect(done.rotated.map((r) => r.from)).toEqual([parseKey(oldKey).id, parseKey(oldKey).id]);
    for (const r of await keyIds()) {
      expect(r.keyId).toBe(parseKey(next).id);
      expect(decryptSecret(r.passwordCipher!, [parseKey(next)], passwordAad(r.kind))).toBe(CREDS[r.kind].password);
    }
    expect(await rotateStoredSecrets({ from: [], to: ring.current! })).toMatchObject({ rotated: [], alreadyCurrent: ["fbe", "main"] });

    resetEnvForTests({ MAGFLOW_ENCRYPTION_KEY_OLD: undefined }); // the new key alone reads everything
    await reloadAccountSnapshot();
    expect(storedAccount("main")).toMatchObject({ username: "rot-main", password: CREDS.main.password });
    ctx.key = next;
  });

  it("npm run secrets:rotate re-encrypts under MAGFLOW_ENCRYPTION_KEY from MAGFLOW_ENCRYPTION_KEY_OLD", async () => {
    const next = newKey();
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/secrets-rotate.ts"], {
      cwd: root,
      encoding: "utf8",
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH etc.
      env: { ...process.env, DATABASE_URL: env().DATABASE_URL, DATA_DIR: ctx.dataDir, MAGFLOW_ENCRYPTION_KEY: next, MAGFLOW_ENCRYPTION_KEY_OLD: ctx.key, LOG_LEVEL: "silent" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/re-encrypted: fbe \(key \w+ -> \w+\), main/);
    for (const r of await keyIds()) expect(r.keyId).toBe(parseKey(next).id);

    const failed = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/secrets-rotate.ts"], {
      cwd: root,
      encoding: "utf8",
      // eslint-disable-next-line no-restricted-properties -- the child needs PATH etc.
      env: { ...process.env, DATABASE_URL: env().DATABASE_URL, DATA_DIR: ctx.dataDir, MAGFLOW_ENCRYPTION_KEY: newKey(), MAGFLOW_ENCRYPTION_KEY_OLD: ctx.key, LOG_LEVEL: "silent" },
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/nothing was changed.*not configured/);
    for (const r of await keyIds()) expect(r.keyId).toBe(parseKey(next).id);
  });
});
