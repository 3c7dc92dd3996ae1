// Offer changes in a real browser, against the built-in eMAG simulator: an admin selects a few
// offers on the products page, previews a bulk change (+5 %, rounded to .99) old → new, applies it
// and follows the job live to 100 %, then sees the job's applied items on the jobs page; then the
// admin changes one offer's price in its drawer, gets eMAG's verdict (applied) and finds the change
// in the offer's timeline. Desktop (1280x800) and phone (390x844), with screenshots.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, shot, signIn, viewportShot, waitFor } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
let browser: Browser;
let token: string;
const { api } = apiClient(baseUrl, () => token);

type Product = { id: string; account: string; part_number: string | null; sale_price: number | null; min_sale_price: number | null; max_sale_price: number | null; recommended_price: number | null; status: number | null };
type Page_<T> = { data: T[]; total: number };



const settle = (page: Page) => page.waitForTimeout(1_200);
const rows = (page: Page, testId: string) => byTestId(page, testId).locator("tbody tr.ant-table-row");
/** antd may put a test id on the input or on its wrapper: type into the input either way. */
async function fillNumber(target: Locator, value: string) {
  const input = (await target.evaluate((el) => el.tagName)) === "INPUT" ? target : target.locator("input").first();
  await input.fill(value);
}

/** Picks an option of an antd Select, and checks it took (a click during the opening animation can miss). */
async function pickOption(page: Page, select: Locator, text: string) {
  for (let attempt = 0; ; attempt++) {
    await select.click();
    const option = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: text });
    await option.first().waitFor({ state: "visible", timeout: 10_000 });
    await page.waitForTimeout(300);
    await option.first().click();
    const shown = await select.innerText().catch(() => "");
    if (shown.includes(text)) return;
    if (attempt >= 2) throw new Error(`could not pick "${text}" (shows "${shown}")`);
  }
}

async function openAs(viewport: { width: number; height: number }, to: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}${to}`);
  return page;
}

/** A MAIN offer whose price can move a little inside eMAG's rules (min/max, recommended above it). */
function priceMoveFor(p: Product): number | null {
  if (p.sale_price === null) return null;
  for (const delta of [0.5, -0.5, 1.3, -1.3]) {
    const next = Math.round((p.sale_price + delta) * 100) / 100;
    if (next <= 0) continue;
    if (p.min_sale_price !== null && next < p.min_sale_price) continue;
    if (p.max_sale_price !== null && next > p.max_sale_price) continue;
    if (p.recommended_price !== null && p.recommended_price <= next) continue;
    return next;
  }
  return null;
}

const used = new Set<string>();
async function editableProduct(): Promise<{ product: Product; price: number }> {
  const list = (await api<Page_<Product>>("GET", "/api/v1/emag/products/products?account=main&status=active&pageSize=100&sort=part_number")).body;
  for (const p of list.data) {
    const price = priceMoveFor(p);
    if (price !== null && p.part_number && !used.has(p.id)) {
      used.add(p.id);
      return { product: p, price };
    }
  }
  throw new Error("no MAIN offer whose price can move within its rules");
}

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
  // The server syncs no products at boot: read a couple of pages of both accounts first.
  const started = await api("POST", "/api/v1/emag/products/sync", { account_type: "both", mode: "full", max_pages: 2, items_per_page: 50 });
  expect([200, 202, 409]).toContain(started.status);
  await waitFor("the product sync", () => api<{ is_running: boolean; recent_syncs: unknown[] }>("GET", "/api/v1/emag/products/status"), (s) => !s.body.is_running && s.body.recent_syncs.length > 0);
  await waitFor("products", () => api<Page_<Product>>("GET", "/api/v1/emag/products/products?account=main&status=active&pageSize=1"), (r) => r.status === 200 && r.body.total >= 10);
});
afterAll(async () => {
  await browser?.close();
});

describe("offers", () => {
  for (const [label, viewport, offset] of [["desktop", desktop, 0], ["phone", phone, 3]] as const) {
    it(`bulk-changes selected offers (+5 %, .99): preview old → new, apply, live progress to 100 %, job with applied items (${label})`, async () => {
      const page = await openAs(viewport, "/products?account=main&status=active&sort=part_number");
      const table = rows(page, "products-table");
      await table.nth(offset + 2).waitFor({ timeout: 60_000 });
      for (let i = offset; i < offset + 3; i++) await table.nth(i).locator(".ant-checkbox-input").check();
      await expect.poll(() => byTestId(page, "bulk-selected-count").getAttribute("data-count")).toBe("3");
      if (label === "phone") expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      await settle(page);
      await shot(page, `offers-products-selected-${label}`);

      await byTestId(page, "bulk-change").click();
      await page.locator(".ant-dropdown-menu-item").filter({ hasText: "Selected offers (3)" }).click();
      const drawer = byTestId(page, "bulk-drawer");
      await drawer.getByTestId("bulk-operation-form").waitFor();
      await pickOption(page, drawer.getByTestId("bulk-price-mode"), "Change by ± %");
      await fillNumber(drawer.getByTestId("bulk-price-value"), "5");
      await drawer.getByTestId("bulk-round").getByText(".99", { exact: true }).click();
      await byTestId(page, "bulk-preview").click();

      const preview = drawer.getByTestId("offer-preview-table");
      await preview.locator("tbody tr.ant-table-row").nth(2).waitFor({ timeout: 30_000 });
      const summary = drawer.getByTestId("offer-preview-summary");
      expect(await summary.innerText()).toContain("3 offers");
      // Every row shows old → new for the sale price.
      expect(await preview.locator("tbody tr.ant-table-row").filter({ hasText: "Sale price" }).count()).toBe(3);
      const invalid = Number(await summary.getAttribute("data-invalid"));
      expect(Number(await summary.getAttribute("data-changed"))).toBeGreaterThan(0);
      await settle(page);
      await viewportShot(page, `offers-bulk-preview-${label}`);

      if (invalid > 0) await drawer.getByTestId("bulk-exclude-invalid").click();
      await byTestId(page, "bulk-apply").click();
      const progress = drawer.getByTestId("offer-job-progress");
      await progress.waitFor({ timeout: 30_000 });
      await expect.poll(() => progress.getAttribute("data-percent"), { timeout: 60_000 }).toBe("100");
      await expect.poll(() => progress.getAttribute("data-status"), { timeout: 30_000 }).not.toMatch(/pending|running/);
      expect(Number(await drawer.getByTestId("offer-job-applied").locator(".ant-statistic-content-value").innerText())).toBeGreaterThan(0);
      await settle(page);
      await viewportShot(page, `offers-bulk-done-${label}`);

      await drawer.getByTestId("offer-job-link").click();
      const job = byTestId(page, "offer-job-detail");
      await job.waitFor({ timeout: 30_000 });
      expect(Number(await job.getAttribute("data-applied"))).toBeGreaterThan(0);
      const items = job.getByTestId("offer-job-items").locator("tbody tr.ant-table-row");
      await items.first().waitFor({ timeout: 15_000 });
      expect(await items.filter({ hasText: "Applied" }).count()).toBeGreaterThan(0);
      await settle(page);
      await viewportShot(page, `offers-job-drawer-${label}`);
      await page.keyboard.press("Escape");
      await byTestId(page, "offer-jobs-table").locator("tbody tr.ant-table-row").first().waitFor({ timeout: 15_000 });
      if (label === "phone") expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      await settle(page);
      await shot(page, `offers-jobs-${label}`);
      await page.close();
    });

    it(`changes one offer's price in its drawer: pending, applied, listed in the timeline (${label})`, async () => {
      const { product, price } = await editableProduct();
      const page = await openAs(viewport, `/products?search=${encodeURIComponent(product.part_number!)}&account=main`);
      const first = rows(page, "products-table").first();
      await first.waitFor({ timeout: 60_000 });
      await first.getByTestId("product-open").click();
      const drawer = byTestId(page, "product-drawer");
      await drawer.getByTestId("offer-edit").waitFor({ timeout: 30_000 });
      await fillNumber(drawer.getByTestId("offer-sale_price"), String(price));
      await expect.poll(() => drawer.getByTestId("offer-sale-price-vat").innerText()).toContain("incl.");
      await drawer.getByTestId("offer-save").click();
      const verdict = drawer.getByTestId("offer-verdict");
      await verdict.waitFor({ timeout: 15_000 });
      await expect.poll(() => verdict.getAttribute("data-verdict"), { timeout: 45_000 }).toBe("applied");
      const timeline = drawer.getByTestId("offer-change-timeline");
      await expect.poll(() => timeline.locator('[data-testid=offer-change-entry][data-status=applied]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await timeline.locator("[data-testid=offer-change-entry]").first().innerText()).toContain("Sale price");
      const changes = (await api<Page_<{ status: string; changes: { sale_price?: number } }>>("GET", `/api/v1/emag/offers/${product.id}/changes`)).body;
      expect(changes.data[0]).toMatchObject({ status: "applied", changes: { sale_price: price } });
      await settle(page);
      await viewportShot(page, `offers-product-edit-${label}`);
      await timeline.scrollIntoViewIfNeeded();
      await settle(page);
      await viewportShot(page, `offers-product-timeline-${label}`);
      await page.close();
    });
  }
});
