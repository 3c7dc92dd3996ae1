// Where the key comes from: MAGFLOW_ENCRYPTION_KEY, else the data folder's secrets.json (created in
// development, or in production only when the embedded default already uses that file), else refused.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { DATA_SECRET_KEY, keyStatus, loadKeyRing, requireStorageKey } from "./keys";
import { parseKey } from "./secrets";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "magflow-keys-"));
  resetEnvForTests({ DATA_DIR: dir, MAGFLOW_ENCRYPTION_KEY: undefined, MAGFLOW_ENCRYPTION_KEY_OLD: undefined, NODE_ENV: "test" });
});
afterEach(async () => {
  resetEnvForTests({ DATA_DIR: undefined, MAGFLOW_ENCRYPTION_KEY: undefined, MAGFLOW_ENCRYPTION_KEY_OLD: undefined, NODE_ENV: "test" });
  await rm(dir, { recursive: true, force: true });
});

describe("credentials key ring", () => {
  it("uses MAGFLOW_ENCRYPTION_KEY first, and keeps the old key and a data-folder key for reading", async () => {
    const current = randomBytes(32).toString("hex");
    const old = randomBytes(32).toString("base64");
    const fileKey = randomBytes(32).toString("base64url");
    await writeFile(path.join(dir, "secrets.json"), JSON.stringify({ nextauthSecret: "x", [DATA_SECRET_KEY]: fileKey }));
    resetEnvForTests({ MAGFLOW_ENCRYPTION_KEY: current, MAGFLOW_ENCRYPTION_KEY_OLD: old });
    const ring = await loadKeyRing();
    expect(ring.source).toBe("env");
    expect(ring.current?.id).toBe(parseKey(current).id);
    expect(ring.all.map((k) => k.id)).toEqual([parseKey(current).id, parseKey(old).id, parseKey(fileKey).id]);
  });

  it("without a key, outside production, generates one into DATA_DIR/secrets.json once and keeps the file's other secrets", async () => {
    await writeFile(path.join(dir, "secrets.json"), JSON.stringify({ nextauthSecret: "keep-me" }));
    const first = await loadKeyRing();
    const second = await loadKeyRing();
    expect(first.source).toBe("data-dir");
    expect(second.current?.id).toBe(first.current?.id);
    const file = JSON.parse(await readFile(path.join(dir, "secrets.json"), "utf8"));
    expect(file).toMatchObject({ nextauthSecret: "keep-me", [DATA_SECRET_KEY]: expect.any(String) });
  });

  it("in production, generates only into a data folder already in use, and otherwise refuses with a clear message", async () => {
    resetEnvForTests({ NODE_ENV: "production" });
    expect(await keyStatus()).toMatchObject({ can_store: false, message: expect.stringMatching(/set MAGFLOW_ENCRYPTION_KEY/) });
    await expect(requireStorageKey()).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(/MAGFLOW_ENCRYPTION_KEY/) });
    await writeFile(path.join(dir, "secrets.json"), JSON.stringify({ nextauthSecret: "embedded-default" }));
    expect((await keyStatus()).can_store).toBe(true);
    expect((await requireStorageKey()).ring.source).toBe("data-dir");
  });

  it("refuses a malformed MAGFLOW_ENCRYPTION_KEY naming it", async () => {
    resetEnvForTests({ MAGFLOW_ENCRYPTION_KEY: "too-short" });
    await expect(requireStorageKey()).rejects.toMatchObject({ code: "unavailable", message: expect.stringMatching(/MAGFLOW_ENCRYPTION_KEY must be 32 bytes/) });
  });
});
