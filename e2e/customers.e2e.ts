// Customers in a real browser, on the customers the server builds from the simulator's orders:
// an admin's rebuild (confirm dialog, figures shown), the list filtered by an RFM segment that has
// customers (URL state, every row of that segment, the API's total), a customer's drawer with
// their orders and one order opened on top, the overview's charts and cohort grid, and the
// dashboard's KPI cards agreeing with the API. Desktop (1280x800) and phone (390x844) screenshots.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CustomerList, CustomersSummary } from "@/lib/customers/api-types";
import type { DashboardKpis } from "@/lib/dashboard/kpis-types";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, screenshotsDir, shot, signIn, viewportShot, waitFor } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
let browser: Browser;
let token: string;
const { api } = apiClient(baseUrl, () => token);
/** The segment the filter tests pick: the one with the most customers in the demo data. */
let picked: { key: string; label: string; count: number } | undefined;



const settle = (page: Page) => page.waitForTimeout(1_500);
const rows = (page: Page, testId: string) => byTestId(page, testId).locator("tbody tr.ant-table-row");
const exact = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** Customers with a purchase get an RFM segment (at the end of a sync, or by a rebuild): wait for one. */
async function segmentWithCustomers() {
  picked ??= await waitFor("an RFM segment with customers", async () => {
    const summary = (await api<CustomersSummary>("GET", "/api/v1/customers/summary")).body;
    return summary.by_segment?.filter((s) => s.key !== "none").sort((a, b) => b.count - a.count)[0];
  }, (best) => (best?.count ?? 0) > 0, 60_000);
  return picked!;
}

async function openAs(viewport: { width: number; height: number }, to: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}${to}`);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
  // The server imports the simulator's order history at boot, and the order sync keeps the
  // customers as it writes each page: wait for that sync to finish and for customers to exist.
  await waitFor("the first order sync", () => api<{ is_running: boolean; recent_syncs: unknown[] }>("GET", "/api/v1/emag/orders/sync/status"),
    (s) => !s.body.is_running && s.body.recent_syncs.length > 0);
  await waitFor("customers", () => api<CustomerList>("GET", "/api/v1/customers?pageSize=1"), (r) => r.status === 200 && r.body.total > 0);
});
afterAll(async () => {
  await browser?.close();
});

describe("customers", () => {
  it("lets an admin rebuild the customers, after a confirmation, and shows the figures (desktop)", async () => {
    const page = await openAs(desktop, "/customers");
    await rows(page, "customers-table").first().waitFor({ timeout: 60_000 });
    await byTestId(page, "customers-rebuild").click();
    await page.getByRole("button", { name: "Rebuild", exact: true }).click();
    const result = byTestId(page, "customers-rebuild-result");
    await result.waitFor({ timeout: 60_000 });
    const total = (await api<CustomerList>("GET", "/api/v1/customers?pageSize=1")).body.total;
    expect((await result.innerText()).replace(/,/g, "")).toContain(String(total));
    await settle(page);
    await viewportShot(page, "customers-rebuild-desktop");
    await page.getByRole("button", { name: "OK" }).click();
    await page.close();
  });

  it("filters by a segment, opens a customer and shows their orders, one opened on top (desktop)", async () => {
    const segment = await segmentWithCustomers();
    const page = await openAs(desktop, "/customers");
    await rows(page, "customers-table").first().waitFor({ timeout: 60_000 });
    await byTestId(page, "customers-segment-filter").click();
    await page.locator(".ant-select-item-option").filter({ hasText: exact(segment.label) }).click();
    await page.keyboard.press("Escape");
    await expect.poll(() => new URL(page.url()).searchParams.get("segment"), { timeout: 15_000 }).toBe(segment.key);
    const table = byTestId(page, "customers-table");
    await expect.poll(() => table.getAttribute("data-total"), { timeout: 20_000 }).toBe(String(segment.count));
    await expect
      .poll(async () => [...new Set(await table.locator("tbody [data-testid=customer-segment]").evaluateAll((els) => els.map((e) => e.getAttribute("data-segment"))))], { timeout: 15_000 })
      .toEqual([segment.key]);
    await settle(page);
    await shot(page, "customers-desktop");

    const first = table.locator("tbody [data-testid=customer-open]").first();
    const id = (await first.getAttribute("data-customer-id"))!;
    await first.click();
    const drawer = byTestId(page, "customer-drawer");
    await drawer.getByTestId("customer-metrics").waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("customer")).toBe(id);
    await drawer.getByTestId("customer-spend-chart").locator(".recharts-bar-rectangle").first().waitFor({ timeout: 15_000 });
    await settle(page);
    await viewportShot(page, "customer-drawer-desktop");

    const detail = (await api<{ orders: { total: number; data: { emag_order_id: string }[] } }>("GET", `/api/v1/customers/${id}?orders_page_size=10`)).body;
    await drawer.getByTestId("customer-tab-orders").click();
    const orders = drawer.getByTestId("customer-orders");
    await expect.poll(() => orders.locator("[data-testid=customer-order-open]").evaluateAll((els) => els.map((e) => e.getAttribute("data-emag-id"))), { timeout: 20_000 })
      .toEqual(detail.orders.data.map((o) => o.emag_order_id));
    expect(detail.orders.total).toBeGreaterThan(0);
    await settle(page);
    await viewportShot(page, "customer-orders-desktop");

    await orders.locator("[data-testid=customer-order-open]").first().click();
    const order = byTestId(page, "order-drawer");
    await expect.poll(() => order.innerText(), { timeout: 20_000 }).toContain(detail.orders.data[0]!.emag_order_id);
    await order.getByTestId("order-customer-link").waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get("order_id")).toBeTruthy();
    await settle(page);
    await viewportShot(page, "customer-order-drawer-desktop");
    await page.close();
  });

  it("fits a phone: filtered list, full-width drawer and its orders", async () => {
    const segment = await segmentWithCustomers();
    const page = await openAs(phone, `/customers?segment=${segment.key}`);
    await rows(page, "customers-table").first().waitFor({ timeout: 60_000 });
    expect(await byTestId(page, "customers-table").getAttribute("data-total")).toBe(String(segment.count));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await settle(page);
    await shot(page, "customers-phone");

    await rows(page, "customers-table").first().getByTestId("customer-open").click();
    const drawer = byTestId(page, "customer-drawer");
    await drawer.getByTestId("customer-metrics").waitFor({ timeout: 30_000 });
    const panel = await page.locator(".ant-drawer-content-wrapper").filter({ visible: true }).first().boundingBox();
    expect(panel?.width).toBeGreaterThanOrEqual(phone.width - 1);
    await settle(page);
    await viewportShot(page, "customer-drawer-phone");
    await drawer.getByTestId("customer-tab-orders").click();
    await drawer.getByTestId("customer-orders").locator("[data-testid=customer-order-open]").first().waitFor({ timeout: 20_000 });
    await settle(page);
    await viewportShot(page, "customer-orders-phone");
    await page.close();
  });

  for (const [label, viewport] of [["desktop", desktop], ["phone", phone]] as const) {
    it(`renders the overview: distributions, channels, new vs returning, cohorts, top customers (${label})`, async () => {
      const page = await openAs(viewport, "/customers/overview");
      await byTestId(page, "customers-overview").waitFor({ timeout: 60_000 });
      const summary = (await api<CustomersSummary>("GET", "/api/v1/customers/summary")).body;
      for (const chart of ["customers-tier-chart", "customers-segment-chart", "customers-risk-chart", "customers-new-returning-chart"]) {
        await expect.poll(() => byTestId(page, chart).locator(".recharts-bar-rectangle").count(), { timeout: 15_000 }).toBeGreaterThan(0);
      }
      await expect.poll(() => byTestId(page, "customers-channels-chart").locator(".recharts-pie-sector").count(), { timeout: 15_000 }).toBe(3);
      expect(await rows(page, "customers-cohort-heatmap").count()).toBe(summary.cohorts.length);
      expect(await rows(page, "customers-top-table").count()).toBe(summary.top_customers.length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      if (label === "phone") {
        // The 14-column grid scrolls inside its card rather than widening the page.
        const grid = byTestId(page, "customers-cohort-heatmap").locator(".ant-table-content").first();
        expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      }
      await settle(page);
      await shot(page, `customers-overview-${label}`);
      await page.close();
    });
  }
});

describe("dashboard KPIs", () => {
  for (const [label, viewport] of [["desktop", desktop], ["phone", phone]] as const) {
    it(`shows sales per period against the previous one, rates and top products (${label})`, async () => {
      const page = await openAs(viewport, "/");
      const section = byTestId(page, "kpi-section");
      await section.waitFor({ timeout: 60_000 });
      const kpis = (await api<DashboardKpis>("GET", "/api/v1/dashboard/kpis")).body;
      for (const key of ["today", "7d", "30d"] as const) {
        const column = section.getByTestId(`kpi-period-${key}`);
        const p = kpis.periods.find((x) => x.key === key)!;
        expect((await column.getByTestId("kpi-orders").innerText()).replace(/,/g, "")).toContain(String(p.current.orders));
        expect(await column.getByTestId("kpi-revenue-delta").getAttribute("data-direction")).toBe(
          p.change.revenue === null ? "none" : Math.abs(p.change.revenue) < 0.0005 ? "flat" : p.change.revenue > 0 ? "up" : "down",
        );
      }
      expect(kpis.periods.find((p) => p.key === "30d")!.current.orders).toBeGreaterThan(0);
      await section.getByTestId("kpi-rates-card").getByTestId("kpi-repeat").waitFor();
      expect(await rows(page, "kpi-top-products").count()).toBe(kpis.top_products.length);
      expect(kpis.top_products.length).toBeGreaterThan(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      await settle(page);
      await viewportShot(page, `dashboard-kpis-${label}`);
      if (label === "phone") await section.screenshot({ path: path.join(screenshotsDir, "dashboard-kpis-phone-section.png") });
      await page.close();
    });
  }
});
