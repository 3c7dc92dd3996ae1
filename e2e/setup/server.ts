// Builds the app when needed and starts the real server (production mode, embedded PostgreSQL in
// a throwaway folder, built-in eMAG simulator), then hands its URL to the browser tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../lib/db/embedded";

export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy in time");
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  // eslint-disable-next-line no-restricted-properties -- test harness decides whether to rebuild
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.E2E_REBUILD === "1") {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "magflow-e2e-"));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const simPort = await freePort();
  const logs: string[] = [];
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: root,
    env: {
      // eslint-disable-next-line no-restricted-properties -- the child inherits PATH etc.
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      EMAG_SIM_PORT: String(simPort),
      EMAG_SIM_NEW_ORDERS_PER_MINUTE: "0",
      // The tests start product syncs themselves (e2e/first-start.e2e.ts checks the first-start sync).
      DEMO_FIRST_SYNC: "0",
      // Orders change only when a test says so: no auto-acknowledge racing the browser.
      ORDERS_AUTO_ACKNOWLEDGE: "0",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 120_000);
  } catch (e) {
    console.error(logs.join("").slice(-5000));
    child.kill("SIGKILL");
    throw e;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("admin", E2E_ADMIN);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => {
      const t = setTimeout(() => {
        child.kill("SIGKILL");
        r(null);
      }, 15_000);
      child.once("exit", () => {
        clearTimeout(t);
        r(null);
      });
    });
    await rm(dataDir, { recursive: true, force: true });
  };
}
