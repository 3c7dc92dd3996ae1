// Orders in a real browser: new orders injected into the eMAG simulator reach the bell (exact
// unread count over Socket.IO) and the orders table (ids above 2^31 rendered exactly), and an
// order is acknowledged from its drawer. Screenshots of the page and the open bell, desktop and phone.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, shot, signIn, viewportShot } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
let browser: Browser;
let token: string;

const { api: apiCall } = apiClient(baseUrl, () => token);

/**
 * The simulator's control API lives on its own port, which the harness does not hand to tests;
 * in demo mode the account's API base URL is the simulator, so its origin is the control origin.
 */
async function simulatorOrigin(): Promise<string> {
  const res = await apiCall<{ data: { kind: string; baseUrl: string }[] }>("GET", "/api/v1/emag/accounts");
  const main = res.body.data.find((a) => a.kind === "main");
  if (!main) throw new Error("no MAIN account");
  return new URL(main.baseUrl).origin;
}

type SyncStatus = { is_running: boolean; recent_syncs: unknown[] };
/** A plain wait loop: it also runs in beforeAll, where expect.poll is not allowed. */
async function waitForIdleOrderSync(timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = (await apiCall<SyncStatus>("GET", "/api/v1/emag/orders/sync/status")).body;
    if (!s.is_running && s.recent_syncs.length > 0) return;
    if (Date.now() > deadline) throw new Error("the order sync did not finish in time");
    await new Promise((r) => setTimeout(r, 500));
  }
}

const bellCount = async (page: Page) => Number(await byTestId(page, "notification-count").textContent());
const settle = (page: Page) => page.waitForTimeout(1_200);

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
  // The first order sync imports eMAG's history silently (no notifications); run it now so the
  // orders injected below count as new. A sync started by the server itself is just awaited.
  const first = await apiCall("POST", "/api/v1/emag/orders/sync", { account_type: "both" });
  expect([202, 409]).toContain(first.status);
  await waitForIdleOrderSync();
});
afterAll(async () => {
  await browser?.close();
});

describe("orders", () => {
  let injected: string[] = [];

  it("counts 5 injected MAIN orders on the bell exactly (desktop)", async () => {
    const page = await openAs(desktop, "/");
    await byTestId(page, "dashboard-health").waitFor();
    await expect.poll(() => byTestId(page, "socket-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("connected");
    await expect.poll(() => byTestId(page, "notification-count").getAttribute("data-state"), { timeout: 15_000 }).toBe("ready");
    const before = await bellCount(page);

    const sim = await simulatorOrigin();
    const res = await fetch(`${sim}/__sim/orders`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ account: "main", count: 5 }) });
    expect(res.status).toBe(200);
    injected = ((await res.json()) as { ids: (string | number)[] }).ids.map(String);
    expect(injected).toHaveLength(5);
    expect(injected.every((id) => BigInt(id) > 2n ** 31n)).toBe(true);

    // eMAG's callback may already deliver them; the sync must not count any of them twice.
    const sync = await apiCall("POST", "/api/v1/emag/orders/sync", { account_type: "main" });
    expect([202, 409]).toContain(sync.status);
    await expect.poll(() => bellCount(page), { timeout: 20_000, interval: 250 }).toBe(before + 5);
    await byTestId(page, "orders-today-card").waitFor();
    await settle(page);
    await shot(page, "orders-dashboard-desktop");
    await page.close();
  });

  it("lists an injected order with its exact id and acknowledges it from the drawer (desktop)", async () => {
    const id = injected[0]!;
    const page = await openAs(desktop, "/orders");
    const link = byTestId(page, "orders-table").locator(`[data-emag-id="${id}"]`);
    await link.waitFor({ timeout: 20_000 });
    expect(await link.innerText()).toBe(id);
    await settle(page);
    await shot(page, "orders-desktop");

    await link.click();
    const drawer = byTestId(page, "order-drawer");
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText(), { timeout: 15_000 }).toContain(id);
    const ack = drawer.getByTestId("order-acknowledge");
    await expect.poll(() => ack.isEnabled(), { timeout: 15_000 }).toBe(true);
    await ack.click();
    await expect.poll(() => drawer.getByTestId("order-summary").getByTestId("order-status").innerText(), { timeout: 15_000 }).toBe("In progress");
    expect(page.url()).toContain("order_id=");
    await settle(page);
    await viewportShot(page, "orders-drawer-desktop");
    await page.keyboard.press("Escape");

    await byTestId(page, "notification-bell").click();
    await byTestId(page, "notification-list").waitFor({ timeout: 15_000 });
    await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBe(0);
    await settle(page);
    await viewportShot(page, "orders-bell-desktop");
    await page.close();
  });

  it("fits a phone: table, drawer and the open bell", async () => {
    const page = await openAs(phone, "/orders");
    const first = byTestId(page, "orders-table").locator("tbody tr.ant-table-row").first();
    await first.waitFor({ timeout: 20_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await settle(page);
    await shot(page, "orders-phone");

    await first.getByTestId("order-open").click();
    await byTestId(page, "order-drawer").getByTestId("order-summary").waitFor({ timeout: 15_000 });
    await settle(page);
    await viewportShot(page, "orders-drawer-phone");
    await page.keyboard.press("Escape");

    await byTestId(page, "notification-bell").click();
    await byTestId(page, "notification-popover").waitFor();
    await settle(page);
    await viewportShot(page, "orders-bell-phone");
    await page.close();
  });

  it("shows an admin each account's order callback URL, fitting a phone", async () => {
    const page = await openAs(phone, "/emag/accounts");
    const url = byTestId(page, "account-card-main").getByTestId("account-callback-url");
    await url.waitFor({ timeout: 20_000 });
    // The whole URL is shown (wrapped to the card's width), exactly as the API gives it.
    const api = await apiCall<{ data: { kind: string; callback_url: string | null }[] }>("GET", "/api/v1/emag/accounts");
    const full = api.body.data.find((a) => a.kind === "main")?.callback_url ?? "";
    expect(full).toMatch(/\/callbacks\/main\/order/);
    expect((await url.innerText()).replace(/\s/g, "")).toBe(full);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
    await shot(page, "orders-accounts-callback-phone");
    await page.close();
  });
});
