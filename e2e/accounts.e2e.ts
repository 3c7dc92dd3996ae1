// The eMAG accounts page as an admin, at 1280 and 390 px: edit MAIN with wrong credentials (eMAG's
// refusal shows on the password field and nothing is saved), then with right ones pointed at the
// e2e simulator (saved, the card switches to stored live credentials). Each run ends by removing
// the stored credentials again, so the other browser tests find MAIN in demo mode.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { byTestId, horizontalOverflow, launchBrowser, shot, signIn, viewportShot } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
// The e2e server's built-in simulator accepts its default demo credentials (lib/env.ts EMAG_SIM_MAIN_*).
const RIGHT = { username: "demo-main", password: "demo-main-pass" };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const settle = (page: Page) => page.waitForTimeout(800); // drawer slide, so screenshots show it settled

async function removeStoredCredentials(page: Page) {
  const status = await page.evaluate(async () => (await fetch("/api/v1/emag/accounts/main/credentials", { method: "DELETE" })).status);
  expect(status).toBe(200);
}

async function editMain(viewport: { width: number; height: number }, label: string) {
  const page = await browser.newPage({ viewport });
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}/emag/accounts`);
  const card = byTestId(page, "account-card-main");
  await card.waitFor();
  expect(await card.getAttribute("data-mode")).toBe("demo");
  const simUrl = (await byTestId(page, "account-base-url-main").innerText()).trim();
  expect(simUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api-3$/);

  // Wrong credentials: eMAG's own message under the password field, nothing saved.
  await byTestId(page, "account-edit-main").click();
  const drawer = byTestId(page, "account-edit-drawer-main");
  await drawer.waitFor();
  const form = byTestId(page, "account-form-main");
  await form.getByLabel("API username").fill(RIGHT.username);
  await form.getByLabel("API password").fill("wrong-password");
  await form.getByLabel("API base URL").fill(simUrl);
  await byTestId(page, "account-save").click();
  const refusal = form.getByText(/Refused by eMAG \(HTTP 403\): You are not allowed to use this API\./);
  await refusal.waitFor({ timeout: 30_000 });
  await settle(page);
  await viewportShot(page, `accounts-${label}-wrong-credentials`);
  expect(await card.getAttribute("data-mode")).toBe("demo");

  // Right credentials: saved after the test with eMAG; the drawer closes and the card says so.
  await form.getByLabel("API password").fill(RIGHT.password);
  await byTestId(page, "account-save").click();
  await drawer.waitFor({ state: "hidden", timeout: 30_000 });
  await expect.poll(() => card.getAttribute("data-mode"), { timeout: 10_000 }).toBe("live");
  expect(await byTestId(page, "account-source").getAttribute("data-source")).toBe("stored");
  expect(await byTestId(page, "account-username-main").innerText()).toBe(RIGHT.username);
  const connection = byTestId(page, "test-connection-result-main");
  await expect.poll(() => connection.getAttribute("data-outcome"), { timeout: 30_000 }).toBe("success");
  expect(await page.content()).not.toContain(RIGHT.password);

  // Reopening shows the password as set, with a replace action, never the value.
  await byTestId(page, "account-edit-main").click();
  await byTestId(page, "account-password-set").waitFor();
  await settle(page);
  await viewportShot(page, `accounts-${label}-edit-saved`);
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "hidden" });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
  await shot(page, `accounts-${label}-saved`);

  await removeStoredCredentials(page);
  await page.close();
}

describe("eMAG accounts: callback token", () => {
  it("regenerating the token shows a new callback URL (desktop)", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/emag/accounts`);
    const url = byTestId(page, "account-card-fbe").getByTestId("account-callback-url");
    await url.waitFor();
    const before = await url.innerText();
    expect(before).toMatch(/\/api\/v1\/emag\/callbacks\/fbe\/order\?token=/);
    await byTestId(page, "account-regenerate-token-fbe").click();
    await page.getByRole("button", { name: "Regenerate", exact: true }).click();
    await expect.poll(() => url.innerText(), { timeout: 10_000 }).not.toBe(before);
    const old = await page.evaluate(async (u) => (await fetch(u.replace(/^https?:\/\/[^/]+/, ""))).status, `${before.trim()}&order_id=4100000001`);
    expect(old).toBe(401);
    await page.close();
  });
});

describe("eMAG accounts: edit MAIN", () => {
  it("desktop (1280 px): wrong credentials refused, right ones saved", async () => {
    await editMain({ width: 1280, height: 800 }, "desktop");
  });

  it("phone (390 px): wrong credentials refused, right ones saved", async () => {
    await editMain({ width: 390, height: 844 }, "phone");
  });
});
