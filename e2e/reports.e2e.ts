// The Reports page on the real server (embedded PostgreSQL, the simulator's order history): the
// daily and weekly cards with their comparison charts at 1280 and 390 px, the XLSX from the API and
// from the download button, the admin's recipients editor, and a viewer who sees no editor.
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, shot, signIn, waitFor } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const viewer = { email: "e2e-reports-viewer@example.com", password: "viewer-password-1" };
let browser: Browser;
let token: string;

const { fetchApi: api } = apiClient(baseUrl, () => token);

// Lets the charts' entry animation finish before a screenshot (not an assertion).
const settle = (page: Page) => page.waitForTimeout(1_500);
/** A report card has settled: figures (with the chart) or the empty state. */
const settled = (page: Page, kind: string) => page.locator(`[data-testid="report-${kind}-chart"] svg, [data-testid="report-${kind}-empty"]`).first().waitFor({ timeout: 30_000 });

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(admin) });
  token = ((await res.json()) as { access_token: string }).access_token;
  await waitFor("the first order sync", async () => (await (await api("GET", "/api/v1/emag/orders/sync/status")).json()) as { is_running: boolean; recent_syncs: unknown[] },
    (s) => !s.is_running && s.recent_syncs.length > 0);
  const created = await api("POST", "/api/v1/users", { ...viewer, name: "Report Viewer", role: "viewer" });
  expect([201, 409]).toContain(created.status);
});
afterAll(async () => {
  await browser?.close();
});

describe("reports page", () => {
  it("the XLSX download from the API is a workbook with a sheet per section", async () => {
    const res = await api("GET", "/api/v1/reports/weekly/export.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/magflow-weekly-report-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Top products", "Cancellations", "Sync health", "Sync failures", "eMAG API usage"]);
    expect((wb.getWorksheet("Summary")!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["Account", "Orders"]);
    expect(((await api("GET", "/api/v1/reports/monthly")).status)).toBe(400);
  });

  for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    it(`shows both reports and the recipients editor to an admin (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, admin.email, admin.password);
      await page.goto(`${baseUrl}/reports`);
      await byTestId(page, "reports-page").waitFor();
      await settled(page, "daily");
      await settled(page, "weekly");
      await expect.poll(() => byTestId(page, "report-weekly-period").innerText()).toMatch(/Europe\/Bucharest/);

      const email = `e2e-${label}@shop.test`;
      await byTestId(page, "subscription-email").fill(email);
      await byTestId(page, "subscription-weekly").check();
      await byTestId(page, "subscription-add").click();
      await expect.poll(() => byTestId(page, "report-subscriptions").getByText(email).count()).toBeGreaterThan(0);
      // A bad address is refused on its field, not with a page error.
      await byTestId(page, "subscription-email").fill("not-an-address@");
      await byTestId(page, "subscription-add").click();
      await expect.poll(() => page.locator(".ant-form-item-explain-error").count()).toBeGreaterThan(0);

      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
      await settle(page);
      await shot(page, `reports-${label}`);
      await page.close();
    });
  }

  it("the download button saves the daily workbook", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/reports`);
    await settled(page, "daily");
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId(page, "report-daily-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^magflow-daily-report-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.close();
  });

  it("a viewer sees the reports but not the recipients", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, baseUrl, viewer.email, viewer.password);
    await page.goto(`${baseUrl}/reports`);
    await settled(page, "daily");
    await settled(page, "weekly");
    expect(await page.getByTestId("report-subscriptions").count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await settle(page);
    await shot(page, "reports-viewer-phone");
    await page.close();
  });
});
