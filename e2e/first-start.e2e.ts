// A first start as a new user gets it: the production server on an empty data folder with no
// configuration at all (embedded PostgreSQL, demo eMAG simulator). Within 60 s the Products page
// shows both demo catalogues, synced at first start; the dashboard shows the getting-started card
// until it is dismissed. Both viewports, screenshots.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byTestId, launchBrowser, shot, signIn } from "./browser";
import { startApp, waitForHealth, type AppProcess } from "./setup/app-process";

const ADMIN = { email: "first-start@example.com", password: "first-start-password" };
let app: AppProcess;
let baseUrl: string;
let browser: Browser;
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  // No configuration at all but the admin: the demo's first-start product sync on (the default).
  app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, { healthy: false });
  baseUrl = app.baseUrl;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

describe("first start in demo mode", () => {
  it("the Products page shows both demo catalogues within 60 s of the first start", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await waitForHealth(baseUrl, app.child, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${app.logs.join("").slice(-3000)}`);
    });
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
