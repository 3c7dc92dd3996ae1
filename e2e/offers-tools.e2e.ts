// Inventory and repricer in a real browser, against the built-in eMAG simulator. Inventory: an admin
// switches inventory on for MAIN (after a product sync stored the offers) with a default buffer,
// reads the items (available / buffer / would push / eMAG stock), edits one item's buffer inline,
// opens the drift tab and fixes one offer, which becomes an inventory offer job. Repricer: the admin
// creates a buy-button rule for a few MAIN offers in the drawer, sees it listed, dry-runs it (old →
// new with reasons, and the chart) and applies it, which becomes a repricer offer job. The dashboard's
// low-stock card renders. Desktop (1280x800) and phone (390x844, no sideways page scroll), with
// screenshots e2e/screenshots/offers-tools-*.png.
import path from "node:path";
import type { Browser, Locator, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, screenshotsDir, shot, signIn, viewportShot, waitFor } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
let browser: Browser;
let token: string;
const { api } = apiClient(baseUrl, () => token);

type Product = {
  id: string;
  emag_offer_id: string;
  sale_price: number | null;
  min_sale_price: number | null;
  max_sale_price: number | null;
  recommended_price: number | null;
  buy_button_rank: number | null;
  best_offer_sale_price: number | null;
};
type Page_<T> = { data: T[]; total: number };
type Item = { id: string; emag_offer_id: string; available: number; buffer: number | null; effective_buffer: number; would_push: number; emag_stock: number | null };
type Job = { id: string; kind: string; status: string; total: number; applied: number; created_at: string };



/** The page does not scroll sideways, once layout has settled (antd reads the breakpoint after the first paint). */
const noPageOverflow = (page: Page) => expect.poll(() => horizontalOverflow(page), { timeout: 5_000 }).toBeLessThanOrEqual(1);
/** How far a table scrolls sideways inside its own box (phones should not need to). */
const tableOverflow = (table: Locator) => table.locator(".ant-table-content, .ant-table-body").first().evaluate((el) => el.scrollWidth - el.clientWidth);
/** Lets antd's drawer/tab animations finish before a screenshot (never before an assertion). */
const settle = (page: Page) => page.waitForTimeout(600);
const rows = (scope: Locator) => scope.locator("tbody tr.ant-table-row");
const apiCall = (page: Page, method: string, pathPart: string) => page.waitForResponse((r: Response) => r.request().method() === method && new URL(r.url()).pathname.endsWith(pathPart));

/** antd may put a test id on the input or on its wrapper: type into the input either way. */
async function fillNumber(target: Locator, value: string) {
  const input = (await target.evaluate((el) => el.tagName)) === "INPUT" ? target : target.locator("input").first();
  await input.fill(value);
}

async function openAs(viewport: { width: number; height: number }, to: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signIn(page, baseUrl, admin.email, admin.password);
  if (to !== "/") await page.goto(`${baseUrl}${to}`);
  return page;
}

/** An offer job, once it is done (the simulator answers in a few seconds). */
const finishedJob = (id: string) =>
  waitFor(`offer job ${id}`, () => api<Job>("GET", `/api/v1/emag/offers/jobs/${id}`), (r) => r.status === 200 && !["pending", "running"].includes(r.body.status), 60_000).then((r) => r.body);

/**
 * MAIN offers a buy-button rule (step 0.01) would reprice: we do not hold the buy button, and one
 * step under the best offer stays inside eMAG's min/max and under the recommended price.
 */
const usedOffers = new Set<string>();
async function repriceableOffers(n: number): Promise<string[]> {
  const list = (await api<Page_<Product>>("GET", "/api/v1/emag/products/products?account=main&status=active&pageSize=100&sort=part_number")).body;
  const fits = list.data.filter((p) => {
    if (usedOffers.has(p.emag_offer_id) || p.sale_price === null || p.best_offer_sale_price === null || (p.buy_button_rank ?? 1) <= 1) return false;
    const target = Math.round((p.best_offer_sale_price - 0.01) * 10_000) / 10_000;
    return target > 0 && target < p.sale_price && (p.min_sale_price === null || target >= p.min_sale_price) && (p.max_sale_price === null || target <= p.max_sale_price) && (p.recommended_price === null || p.recommended_price > target);
  });
  if (fits.length < n) throw new Error(`only ${fits.length} MAIN offers a buy-button rule would reprice`);
  const picked = fits.slice(0, n).map((p) => p.emag_offer_id);
  for (const id of picked) usedOffers.add(id);
  return picked;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
  // The server syncs no products at boot: read a couple of pages of MAIN first (inventory and the
  // repricer work on the stored offers).
  const started = await api("POST", "/api/v1/emag/products/sync", { account_type: "main", mode: "full", max_pages: 2, items_per_page: 50 });
  expect([200, 202, 409]).toContain(started.status);
  await waitFor("the product sync", () => api<{ is_running: boolean; recent_syncs: unknown[] }>("GET", "/api/v1/emag/products/status"), (s) => !s.body.is_running && s.body.recent_syncs.length > 0);
  await waitFor("products", () => api<Page_<Product>>("GET", "/api/v1/emag/products/products?account=main&status=active&pageSize=1"), (r) => r.status === 200 && r.body.total >= 10);
});
afterAll(async () => {
  await browser?.close();
});

describe("inventory, repricer and the low-stock card", () => {
  for (const [label, viewport, defaultBuffer] of [["desktop", desktop, 2], ["phone", phone, 3]] as const) {
    it(`inventory: switch on with a default buffer, items, inline buffer edit, drift fix → inventory job (${label})`, async () => {
      const startedAt = Date.now();
      // Both viewports go through the same switch-on, from "off".
      expect((await api("PUT", "/api/v1/emag/offers/inventory/settings?account=main", { enabled: false, default_buffer: 0 })).status).toBe(200);
      const page = await openAs(viewport, "/offers/inventory");
      const form = byTestId(page, "inventory-settings-form");
      await form.waitFor({ timeout: 30_000 });
      const enabled = form.getByTestId("inventory-enabled");
      await expect.poll(() => enabled.getAttribute("aria-checked")).toBe("false");
      await settle(page);
      await shot(page, `offers-tools-inventory-off-${label}`);

      await enabled.click();
      await fillNumber(form.getByTestId("inventory-default-buffer"), String(defaultBuffer));
      const saved = apiCall(page, "PUT", "/inventory/settings");
      await form.getByTestId("inventory-settings-save").click();
      const settings = await saved;
      expect(settings.status()).toBe(200);
      expect(await settings.json()).toMatchObject({ enabled: true, default_buffer: defaultBuffer });

      // The items: available, buffer (the default unless set), would push = max(0, available − buffer), eMAG stock.
      const table = byTestId(page, "inventory-items-table");
      await rows(table).first().waitFor({ timeout: 30_000 });
      // Phones fold would push and eMAG's stock under the offer's name.
      const header = await table.locator("thead").innerText();
      for (const title of label === "phone" ? ["Available", "Buffer"] : ["Available", "Buffer", "Would push", "eMAG stock"]) expect(header).toContain(title);
      if (label === "phone") expect(await rows(table).first().innerText()).toMatch(/Push \d+ · eMAG \d+/);
      const items = (await api<Page_<Item>>("GET", "/api/v1/emag/offers/inventory/items?pageSize=100")).body;
      expect(items.total).toBeGreaterThan(0);
      for (const i of items.data) expect(i.would_push).toBe(Math.max(0, i.available - i.effective_buffer));
      const row = rows(table).filter({ hasText: "(default)" }).first();
      await expect.poll(() => row.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`\\b${defaultBuffer}\\s+\\(default\\)`));
      if (label === "phone") {
        await noPageOverflow(page);
        expect(await tableOverflow(table)).toBeLessThanOrEqual(1);
      }
      await settle(page);
      await shot(page, `offers-tools-inventory-items-${label}`);

      // Inline edit of one item's buffer: Enter saves.
      const editButton = row.getByRole("button", { name: /^Edit buffer of offer \d+$/ });
      const offerId = (await editButton.getAttribute("aria-label"))!.replace(/\D+/g, "");
      await editButton.click();
      const input = page.getByRole("spinbutton", { name: `buffer of offer ${offerId}`, exact: true });
      await input.fill("5");
      const patched = apiCall(page, "PATCH", "");
      await input.press("Enter");
      const patch = await patched;
      expect(patch.status()).toBe(200);
      expect(await patch.json()).toMatchObject({ emag_offer_id: offerId, buffer: 5 });
      const edited = rows(table).filter({ hasText: `#${offerId}` }).first();
      await expect.poll(() => edited.innerText(), { timeout: 15_000 }).not.toContain("(default)");
      const after = (await api<Page_<Item>>("GET", `/api/v1/emag/offers/inventory/items?search=${offerId}`)).body.data[0]!;
      expect(after).toMatchObject({ buffer: 5, would_push: Math.max(0, after.available - 5) });
      await settle(page);
      await viewportShot(page, `offers-tools-inventory-edited-${label}`);

      // Drift: offers whose eMAG stock differs from what MagFlow would send; fix one of them.
      await page.getByRole("tab", { name: "Drift" }).click();
      const drift = byTestId(page, "inventory-drift-table");
      await rows(drift).first().waitFor({ timeout: 30_000 });
      const candidates = rows(drift).filter({ hasNotText: `#${offerId}` });
      const target = candidates.first();
      await target.waitFor();
      await target.locator(".ant-checkbox-input").check();
      await expect.poll(() => byTestId(page, "drift-fix-selected").innerText()).toContain("Fix selected (1)");
      if (label === "phone") {
        await noPageOverflow(page);
        expect(await tableOverflow(drift)).toBeLessThanOrEqual(1);
      }
      await settle(page);
      await shot(page, `offers-tools-inventory-drift-${label}`);

      const fixed = apiCall(page, "POST", "/inventory/drift/fix");
      await byTestId(page, "drift-fix-selected").click();
      const fix = await fixed;
      expect(fix.status()).toBe(202);
      const result = (await fix.json()) as { marked: number; job_id: string | null; skipped?: string };
      expect(result.marked).toBe(1);
      let jobId = result.job_id;
      if (jobId) {
        await expect.poll(() => byTestId(page, "drift-fix-result").innerText()).toContain("as one inventory job");
        expect(await byTestId(page, "drift-fix-job-link").getAttribute("href")).toBe(`/offers/jobs?job=${jobId}`);
        const jobs = (await api<Page_<Job>>("GET", "/api/v1/emag/offers/jobs?kind=inventory&pageSize=20")).body;
        expect(jobs.data.map((j) => j.id)).toContain(jobId);
      } else {
        // The 1-minute push held the lock at that moment: the offer stays due and goes with the next push.
        expect(result.skipped).toBe("busy");
        const next = await waitFor("the next inventory push", () => api<Page_<Job>>("GET", "/api/v1/emag/offers/jobs?kind=inventory&pageSize=20"), (r) => r.body.data.some((j) => Date.parse(j.created_at) >= startedAt), 90_000);
        jobId = next.body.data[0]!.id;
      }
      const job = (await api<Job>("GET", `/api/v1/emag/offers/jobs/${jobId}`)).body;
      expect(job).toMatchObject({ kind: "inventory" });
      expect(job.total).toBeGreaterThan(0);
      await settle(page);
      await viewportShot(page, `offers-tools-inventory-fixed-${label}`);
      await page.close();
    });

    it(`dashboard: the low-stock card renders for an admin (${label})`, async () => {
      const page = await openAs(viewport, "/");
      const card = byTestId(page, "low-stock-card");
      await card.waitFor({ timeout: 30_000 });
      // Inventory is on (the test above), so the card lists offers or says none is low.
      await card.locator(".ant-list-item, .ant-empty").first().waitFor({ timeout: 20_000 });
      const low = (await api<{ total: number; enabled: boolean }>("GET", "/api/v1/emag/offers/inventory/low-stock?limit=8")).body;
      expect(low.enabled).toBe(true);
      if (low.total) {
        expect(await card.locator(".ant-list-item").count()).toBe(Math.min(8, low.total));
        expect(await card.locator(".ant-card-head").innerText()).toContain(`Low stock (${low.total})`);
      } else await card.getByText("No offer is low on stock").waitFor();
      if (label === "phone") await noPageOverflow(page);
      await card.scrollIntoViewIfNeeded();
      await settle(page);
      await card.screenshot({ path: path.join(screenshotsDir, `offers-tools-dashboard-low-stock-${label}.png`) });
      await page.close();
    });

    it(`repricer: create a buy-button rule in the drawer, dry run (old → new, reasons, chart), apply → repricer job (${label})`, async () => {
      const offerIds = await repriceableOffers(3);
      const name = `E2E buy button ${label}`;
      const page = await openAs(viewport, "/offers/repricer");
      const table = byTestId(page, "repricer-rules-table");
      await table.waitFor({ timeout: 30_000 });
      await table.locator(".ant-spin-spinning").waitFor({ state: "detached", timeout: 15_000 });
      if (label === "phone") await noPageOverflow(page);
      await settle(page);
      await shot(page, `offers-tools-repricer-before-${label}`);

      await byTestId(page, "repricer-new-rule").click();
      const drawer = byTestId(page, "repricer-rule-drawer");
      await drawer.getByTestId("rule-name").fill(name);
      await drawer.getByText("Buy button", { exact: true }).click();
      const ids = drawer.getByTestId("rule-offer-ids").locator("input").first();
      for (const id of offerIds) {
        await ids.fill(id);
        await ids.press("Enter");
      }
      for (const id of offerIds) await drawer.getByTestId("rule-offer-ids").getByText(id, { exact: true }).first().waitFor();
      await settle(page);
      await viewportShot(page, `offers-tools-repricer-rule-form-${label}`);
      const created = apiCall(page, "POST", "/repricer/rules");
      await drawer.getByTestId("rule-save").click();
      const res = await created;
      expect(res.status()).toBe(201);
      const rule = (await res.json()) as { id: string; strategy: string; account: string; scope: { offer_ids: string[] } };
      expect(rule).toMatchObject({ strategy: "buy_button", account: "main", scope: { offer_ids: offerIds } });
      await drawer.waitFor({ state: "hidden" });
      const row = rows(table).filter({ hasText: name });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain("3 offers");
      if (label === "phone") await noPageOverflow(page);
      await settle(page);
      await shot(page, `offers-tools-repricer-rules-${label}`);

      // Dry run: every covered offer, old → new and why; the chart of our price against the best offer.
      await row.getByRole("button", { name: `Dry run ${name}` }).click();
      const dry = byTestId(page, "repricer-dry-run");
      const result = dry.getByTestId("repricer-dry-run-result");
      await result.waitFor({ timeout: 30_000 });
      expect(await result.getAttribute("data-total")).toBe("3");
      const changes = Number(await result.getAttribute("data-change"));
      expect(changes).toBeGreaterThan(0);
      const planned = rows(dry.getByTestId("repricer-dry-run-table"));
      await expect.poll(() => planned.count()).toBe(3);
      const changing = planned.filter({ hasText: "Changes" });
      expect(await changing.count()).toBe(changes);
      expect(await changing.first().locator('[aria-label="arrow-right"]').count()).toBe(1);
      expect(await changing.first().innerText()).toMatch(/Rank \d+: best offer [\d.]+ − step 0\.01/);
      const chart = dry.getByTestId("repricer-dry-run-chart");
      await chart.locator(".recharts-bar-rectangle").first().waitFor({ timeout: 15_000 });
      expect(await chart.locator(".recharts-legend-item").count()).toBe(3);
      if (label === "phone") {
        await noPageOverflow(page);
        expect(await tableOverflow(dry.getByTestId("repricer-dry-run-table"))).toBeLessThanOrEqual(1);
      }
      await settle(page);
      await viewportShot(page, `offers-tools-repricer-dry-run-${label}`);

      // Apply (confirmed): the plan goes out as one repricer offer job.
      await dry.getByTestId("repricer-apply").click();
      const applied = apiCall(page, "POST", `/rules/${rule.id}/apply`);
      await page.locator(".ant-popconfirm").filter({ visible: true }).getByRole("button", { name: "Apply" }).click();
      const apply = await applied;
      expect(apply.status()).toBe(202);
      const body = (await apply.json()) as { job: { id: string; total: number } | null };
      expect(body.job?.total).toBe(changes);
      const sent = dry.getByTestId("repricer-apply-result");
      await expect.poll(() => sent.innerText(), { timeout: 10_000 }).toContain(`${changes} price change${changes === 1 ? "" : "s"} sent to eMAG`);
      expect(await dry.getByTestId("repricer-job-link").getAttribute("href")).toBe(`/offers/jobs?job=${body.job!.id}`);
      const jobs = (await api<Page_<Job>>("GET", "/api/v1/emag/offers/jobs?kind=repricer&pageSize=20")).body;
      expect(jobs.data.map((j) => j.id)).toContain(body.job!.id);
      const job = await finishedJob(body.job!.id);
      expect(job.applied).toBeGreaterThan(0);
      await settle(page);
      await viewportShot(page, `offers-tools-repricer-applied-${label}`);
      await page.close();
      // Leave no enabled rule behind for the hourly run to apply during other tests.
      expect((await api("PATCH", `/api/v1/emag/offers/repricer/rules/${rule.id}`, { enabled: false })).status).toBe(200);
    });
  }
});
