import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, shot, signIn, byTestId } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign in and dashboard", () => {
  it("redirects an anonymous visitor to the login page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(baseUrl);
    await byTestId(page, "login-form").waitFor();
    expect(page.url()).toContain("/login");
    await shot(page, "login-desktop");
    await page.close();
  });

  it("rejects a wrong password with a visible error", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/login`);
    await byTestId(page, "login-email").fill(admin.email);
    await byTestId(page, "login-password").fill("definitely-wrong");
    await byTestId(page, "login-submit").click();
    await page.getByText(/invalid email or password/i).waitFor();
    await shot(page, "login-error-phone");
    await page.close();
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`signs in and shows the dashboard with live socket state (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, admin.email, admin.password);
      await byTestId(page, "dashboard-health").waitFor();
      await expect.poll(() => byTestId(page, "socket-state").innerText(), { timeout: 20_000 }).toMatch(/connected/i);
      // No horizontal overflow at this width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, `dashboard-${label}`);
      await page.close();
    });
  }

  it("opens the menu drawer on a phone and reaches the Users page", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, baseUrl, admin.email, admin.password);
    await byTestId(page, "menu-toggle").click();
    await page.getByRole("menuitem", { name: /users/i }).click();
    await byTestId(page, "users-table").waitFor();
    await expect.poll(() => page.getByText(admin.email).count()).toBeGreaterThan(0);
    await shot(page, "users-phone");
    await page.close();
  });
});
