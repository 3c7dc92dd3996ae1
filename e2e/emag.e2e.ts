// eMAG pages in a real browser: accounts (demo mode, test connection), a product sync started
// from the UI and followed over Socket.IO to 100 %, then the synced products (search, drawer).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { byTestId, horizontalOverflow, launchBrowser, shot, signIn, viewportShot } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openAs(viewport: { width: number; height: number }, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}${path}`);
  return page;
}

// An open drawer is fixed to the viewport: a full-page capture would cut it off mid-page.
// Lets drawer slides and chart animations finish so screenshots show the settled page.
const settle = (page: Page) => page.waitForTimeout(1_200);
const total = async (page: Page) => Number(await byTestId(page, "products-table").getAttribute("data-total"));

describe("eMAG accounts page", () => {
  it("shows both demo accounts as connected and re-tests the MAIN connection (desktop)", async () => {
    const page = await openAs(desktop, "/emag/accounts");
    await byTestId(page, "accounts-page").waitFor();
    for (const kind of ["main", "fbe"]) {
      const card = byTestId(page, `account-card-${kind}`);
      await card.waitFor();
      expect(await card.getAttribute("data-mode")).toBe("demo");
      expect(await card.innerText()).toContain("Demo data");
    }
    // Both demo accounts report as connected as soon as the page opens, without a click.
    for (const kind of ["main", "fbe"]) {
      const auto = byTestId(page, `test-connection-result-${kind}`);
      await auto.waitFor({ timeout: 30_000 });
      expect(await auto.getAttribute("data-outcome")).toBe("success");
    }
    await byTestId(page, "test-connection-main").click();
    const result = byTestId(page, "test-connection-result-main");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute("data-outcome")).toBe("success");
    // The simulator's MAIN catalogue: 1275 offers (shown as "1275" in the message and "1,275" below).
    expect(await result.innerText()).toMatch(/1,?275/);
    await shot(page, "emag-accounts-desktop");
    await page.close();
  });

  it("fits a phone screen", async () => {
    const page = await openAs(phone, "/emag/accounts");
    await byTestId(page, "account-card-fbe").waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, "emag-accounts-phone");
    await page.close();
  });
});

describe("product sync and products", () => {
  it("starts a MAIN sync from the UI and follows it to 100 % over the socket (desktop)", async () => {
    const page = await openAs(desktop, "/emag/sync");
    await byTestId(page, "sync-page").waitFor();
    // Progress arrives only over Socket.IO: be subscribed before starting.
    await expect.poll(() => byTestId(page, "socket-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("connected");

    await byTestId(page, "sync-start-incremental").click();
    const drawer = byTestId(page, "sync-options-drawer");
    await drawer.waitFor();
    await drawer.getByText("MAIN", { exact: true }).click();
    await byTestId(page, "sync-options-submit").click();

    const progress = byTestId(page, "sync-progress-main");
    await progress.waitFor({ timeout: 30_000 });
    await expect.poll(() => progress.getAttribute("data-percent"), { timeout: 60_000, interval: 250 }).toBe("100");
    expect(await progress.innerText()).toContain("100%");

    // The finished sync lands in the history once the completion event refreshed it.
    await expect.poll(() => byTestId(page, "sync-history-table").getAttribute("data-total"), { timeout: 15_000 }).not.toBe("0");
    await settle(page);
    await shot(page, "emag-sync-desktop");
    await page.close();
  });

  it("lists the synced products, narrows them by search and opens the detail drawer (desktop)", async () => {
    const page = await openAs(desktop, "/products");
    const rows = byTestId(page, "products-table").locator("tbody tr.ant-table-row");
    await rows.first().waitFor({ timeout: 20_000 });
    const before = await total(page);
    expect(before).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), byTestId(page, "products-export").click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // The first row's SKU ("SKU · PNK" under the name) must find that product and fewer others.
    const sku = (await rows.first().getByTestId("product-open").locator("xpath=following-sibling::*[1]").innerText()).split(" · ")[0]?.trim();
    expect(sku).toBeTruthy();
    await byTestId(page, "products-search").locator("input").fill(sku ?? "");
    await byTestId(page, "products-search").locator("input").press("Enter");
    await expect.poll(() => total(page), { timeout: 15_000 }).toBeLessThan(before);
    expect(page.url()).toContain(`search=${encodeURIComponent(sku ?? "")}`);
    expect(await total(page)).toBeGreaterThan(0);

    await rows.first().getByTestId("product-open").click();
    const drawer = byTestId(page, "product-drawer");
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText(), { timeout: 15_000 }).toContain(sku ?? "");
    await settle(page);
    await viewportShot(page, "emag-products-desktop");
    await page.close();
  });

  it("shows the sync page and the products with their drawer on a phone", async () => {
    const page = await openAs(phone, "/emag/sync");
    await byTestId(page, "sync-account-card-main").waitFor();
    await byTestId(page, "sync-history-table").locator("tbody tr.ant-table-row").first().waitFor({ timeout: 15_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await settle(page);
    await shot(page, "emag-sync-phone");

    await page.goto(`${baseUrl}/products`);
    const first = byTestId(page, "products-table").locator("tbody tr.ant-table-row").first();
    await first.waitFor({ timeout: 20_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, "emag-products-phone");
    await first.getByTestId("product-open").click();
    await byTestId(page, "product-drawer").waitFor();
    await settle(page);
    await viewportShot(page, "emag-product-drawer-phone");
    await page.close();
  });
});
