// A first start as a new user gets it: the production server on an empty data folder with no
// configuration at all (embedded PostgreSQL, demo eMAG simulator). Within 60 s the Products page
// shows both demo catalogues, synced at first start; the dashboard shows the getting-started card
// until it is dismissed. Both viewports, screenshots.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/db/embedded";
import { byTestId, launchBrowser, shot, signIn } from "./browser";

const root = path.resolve(import.meta.dirname, "..");
const ADMIN = { email: "first-start@example.com", password: "first-start-password" };
let child: ChildProcess;
let dataDir: string;
let baseUrl: string;
let browser: Browser;
let startedAt: number;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "magflow-first-"));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  startedAt = Date.now();
  child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: root,
    env: {
      // eslint-disable-next-line no-restricted-properties -- PATH and friends
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      NEXTAUTH_URL: baseUrl,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      EMAG_SIM_PORT: String(await freePort()),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => logs.push(d.toString()));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 45_000))]);
  }
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("first start in demo mode", () => {
  it("the Products page shows both demo catalogues within 60 s of the first start", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (;;) {
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        /* not listening yet */
      }
      if (child.exitCode !== null) throw new Error(`server exited: ${logs.join("").slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await signIn(page, baseUrl, ADMIN.email, ADMIN.password);
    const seen = new Set<string>();
    while (seen.size < 2 && Date.now() - startedAt < 60_000) {
      for (const account of ["main", "fbe"]) {
        const res = await page.request.get(`${baseUrl}/api/v1/emag/products/products?account=${account}&pageSize=1`);
        if (res.ok() && ((await res.json()) as { total: number }).total > 0) seen.add(account);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect([...seen].sort()).toEqual(["fbe", "main"]);
    await page.goto(`${baseUrl}/products`);
    await byTestId(page, "products-table").waitFor();
    await expect.poll(async () => Number(await byTestId(page, "products-table").getAttribute("data-total")), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot(page, "first-start-products-desktop");
    // The first sync is a normal one: the sync page shows it.
    const syncs = await page.request.get(`${baseUrl}/api/v1/emag/products/history?pageSize=5`);
    expect(syncs.ok()).toBe(true);
    await page.close();
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`the dashboard shows the getting-started card, which can be dismissed (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, ADMIN.email, ADMIN.password);
      const card = byTestId(page, "getting-started");
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toMatch(/ADMIN_PASSWORD/);
      expect(text).toMatch(/eMAG accounts/);
      expect(text).toMatch(/callback URL/i);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, `getting-started-${label}`);
      await byTestId(page, "getting-started-dismiss").click();
      await expect.poll(() => page.getByTestId("getting-started").count()).toBe(0);
      await page.reload();
      await byTestId(page, "dashboard-health").waitFor();
      expect(await page.getByTestId("getting-started").count()).toBe(0);
      await page.close();
    });
  }
});
