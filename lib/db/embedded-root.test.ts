// As root, embedded PostgreSQL runs as the "postgres" user: a private folder on the way to its
// binaries or data must stop the start with one clear line, not an initdb EACCES stack trace.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unreachableForOthers } from "./embedded";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) {
    await chmod(d, 0o755).catch(() => {});
    await rm(d, { recursive: true, force: true });
  }
});

describe("unreachableForOthers", () => {
  it("names the first private folder on the way (mode 700, like /root)", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), "magflow-root-"));
    dirs.push(base);
    await chmod(base, 0o755);
    const priv = path.join(base, "home");
    await mkdir(path.join(priv, "app", ".data"), { recursive: true });
    await chmod(priv, 0o700);
    expect(unreachableForOthers(path.join(priv, "app", ".data", "postgres"))).toBe(priv);
  });

  it("passes a path everyone can traverse, and one whose tail does not exist yet", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), "magflow-root-"));
    dirs.push(base);
    await chmod(base, 0o755);
    expect(unreachableForOthers(path.join(base, "not", "yet"))).toBeUndefined();
    expect(unreachableForOthers(base)).toBeUndefined();
  });
});
