// Builds the app when needed and starts the real server (production mode, embedded PostgreSQL in
// a throwaway folder, built-in eMAG simulator), then hands its URL to the browser tests.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startApp } from "./app-process";

export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  // eslint-disable-next-line no-restricted-properties -- test harness decides whether to rebuild
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.E2E_REBUILD === "1") {
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const app = await startApp({
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    EMAG_SIM_NEW_ORDERS_PER_MINUTE: "0",
    // The tests start product syncs themselves (e2e/first-start.e2e.ts checks the first-start sync).
    DEMO_FIRST_SYNC: "0",
    // Orders change only when a test says so: no auto-acknowledge racing the browser.
    ORDERS_AUTO_ACKNOWLEDGE: "0",
  });
  project.provide("baseUrl", app.baseUrl);
  project.provide("admin", E2E_ADMIN);
  return () => app.stop();
}
