// The API reference in a real browser: /api/docs needs a signed-in user, renders Swagger UI from
// the local swagger-ui-dist files (no request leaves the app's origin), lists the operations by
// tag, and "Authorize" with a bearer token from POST /api/v1/auth/login sends that token on a
// "Try it out" call.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshotsDir, shot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Errors in the page (CSP refusals included) and requests to anywhere but the app. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith("data:")) problems.push(`external request: ${r.url()}`);
  });
  return problems;
}

describe("API reference (/api/docs)", () => {
  it("answers 401 to an anonymous visitor", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${baseUrl}/api/docs`);
    expect(res?.status()).toBe(401);
    await page.close();
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`renders the operations by tag for a signed-in user (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, admin.email, admin.password);
      const problems = watch(page);
      await page.goto(`${baseUrl}/api/docs`);
      await page.locator("#operations-tag-Orders").waitFor({ timeout: 30_000 });
      await page.locator("#operations-Orders-getEmagOrdersById").waitFor();
      await page.locator("#operations-Customers-getCustomers").waitFor();
      await page.locator("button.authorize").first().waitFor();
      expect(await page.locator(".opblock-tag").count()).toBeGreaterThan(8);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, `api-docs-${label}`);
      await page.screenshot({ path: path.join(screenshotsDir, `api-docs-${label}-top.png`) }); // the first screen, readable at a glance
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("Authorize takes a bearer token from POST /api/v1/auth/login, and Try it out sends it", async () => {
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator("button.authorize").first().click();
    const dialog = page.locator(".modal-ux");
    const bearer = dialog.locator(".auth-container").filter({ hasText: "bearerAuth" });
    await bearer.locator("input").fill(token);
    await bearer.locator("button", { hasText: "Authorize" }).click();
    await bearer.locator("button", { hasText: "Logout" }).waitFor(); // authorized
    await page.screenshot({ path: path.join(screenshotsDir, "api-docs-authorize.png") });
    await dialog.locator("button.btn-done").first().click();

    const me = page.locator("#operations-Auth-getMe");
    await me.locator(".opblock-summary").click();
    await me.locator("button.try-out__btn").click();
    const sent = page.waitForRequest((r) => r.url() === `${baseUrl}/api/v1/me`);
    await me.locator("button.execute").click();
    expect((await sent).headers().authorization).toBe(`Bearer ${token}`);
    await me.locator(".responses-wrapper .live-responses-table").getByText(admin.email).first().waitFor();
    await me.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotsDir, "api-docs-try-it-out.png") });
    await page.close();
  });
});
