// Alert settings in a real browser: an admin adds a webhook channel pointing at a receiver this test
// runs, presses "Send test alert" and sees it succeed (and the receiver got the Slack-style body),
// then switches a rule off and on again. Desktop (1280x800) and phone (390x844, no sideways page
// scroll), with screenshots e2e/screenshots/alerts-*.png.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, byTestId, horizontalOverflow, launchBrowser, shot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const admin = inject("admin");
let browser: Browser;
let token: string;
const { api } = apiClient(baseUrl, () => token);
let receiver: Server;
let receiverUrl: string;
const received: { path: string; body: { text: string; blocks?: unknown[] } }[] = [];


const apiCall = (page: Page, method: string, pathPart: string) => page.waitForResponse((r: Response) => r.request().method() === method && new URL(r.url()).pathname.endsWith(pathPart));
/** Lets antd's modal animations finish before a screenshot (never before an assertion). */
const settle = (page: Page) => page.waitForTimeout(600);

beforeAll(async () => {
  browser = await launchBrowser();
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
  token = ((await res.json()) as { access_token: string }).access_token;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as (typeof received)[number]["body"] });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  const list = await api<{ data: { id: string; name: string }[] }>("GET", "/api/v1/alerts/channels");
  for (const c of list.body?.data ?? []) if (c.name.startsWith("E2E hook")) await api("DELETE", `/api/v1/alerts/channels/${c.id}`);
  await browser?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe("alert settings", () => {
  for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
    it(`adds a webhook channel, sends a test alert, toggles a rule (${label})`, async () => {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, admin.email, admin.password);
      await page.goto(`${baseUrl}/settings/alerts`);
      await byTestId(page, "alerts-page").waitFor({ timeout: 30_000 });
      await byTestId(page, "alerts-rule-sync.failed").waitFor({ timeout: 30_000 });
      await settle(page);
      await shot(page, `alerts-page-${label}`);

      // Add the channel: its URL carries a token, which the page must never show again.
      const name = `E2E hook ${label}`;
      await byTestId(page, "alerts-add-channel").click();
      await byTestId(page, "alerts-channel-name").fill(name);
      await byTestId(page, "alerts-channel-url").fill(`${receiverUrl}/services/${label}/secret-token-e2e`);
      await settle(page);
      await shot(page, `alerts-add-channel-${label}`);
      const created = apiCall(page, "POST", "/api/v1/alerts/channels");
      await byTestId(page, "alerts-channel-save").click();
      const createdRes = await created;
      expect(createdRes.status()).toBe(201);
      const channel = (await createdRes.json()) as { id: string; url_masked: string };
      expect(channel.url_masked).toBe(`${receiverUrl}/…`);
      const row = byTestId(page, `alerts-channel-${channel.id}`);
      await row.waitFor({ timeout: 15_000 });
      expect(await page.content()).not.toContain("secret-token-e2e");

      // Send a test alert: the page reports success and the receiver got the Slack-style body.
      const before = received.length;
      await row.getByTestId("alerts-channel-test").click();
      const verdict = row.getByTestId("alerts-channel-verdict");
      await verdict.waitFor({ timeout: 15_000 });
      expect(await verdict.getAttribute("data-ok")).toBe("1");
      expect(await verdict.textContent()).toContain("Test alert sent");
      expect(received.length).toBe(before + 1);
      expect(received.at(-1)?.path).toBe(`/services/${label}/secret-token-e2e`);
      expect(received.at(-1)?.body.text).toBe(`[test] Test alert from MagFlow to “${name}”`);
      await settle(page);
      await shot(page, `alerts-test-sent-${label}`);

      // Switch a rule off, then on again; the API agrees each time.
      const rule = byTestId(page, "alerts-rule-order.high_value");
      const toggle = rule.getByTestId("alerts-rule-toggle");
      expect(await toggle.getAttribute("aria-checked")).toBe("true");
      const off = apiCall(page, "PATCH", "/api/v1/alerts/rules/order.high_value");
      await toggle.click();
      expect((await off).status()).toBe(200);
      await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
      const rules = await api<{ data: { id: string; enabled: boolean }[] }>("GET", "/api/v1/alerts/rules");
      expect(rules.body.data.find((r) => r.id === "order.high_value")?.enabled).toBe(false);
      await shot(page, `alerts-rule-off-${label}`);
      const on = apiCall(page, "PATCH", "/api/v1/alerts/rules/order.high_value");
      await toggle.click();
      expect((await on).status()).toBe(200);
      await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");

      if (label === "phone") await expect.poll(() => horizontalOverflow(page), { timeout: 5_000 }).toBeLessThanOrEqual(1);
      await page.close();
    });
  }

  it("a product sync failed by the simulator's faults alerts the channels once; the page lists it with its verdicts", { timeout: 300_000 }, async () => {
    // The simulator's fault injection API sits at its root (the demo accounts' base URL is .../api-3).
    const accounts = await api<{ kind: string; baseUrl: string }[] | { data: { kind: string; baseUrl: string }[] }>("GET", "/api/v1/emag/accounts");
    const list = Array.isArray(accounts.body) ? accounts.body : accounts.body.data;
    const sim = new URL(list.find((a) => a.kind === "main")!.baseUrl).origin;
    const setFaults = (faultRate: number) => fetch(`${sim}/__sim/config`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ faultRate, hangMs: 0 }) });
    expect((await setFaults(1)).status).toBe(200);
    const before = received.length;
    try {
      const started = await api<{ sync_id: string }>("POST", "/api/v1/emag/products/sync", { account_type: "main", mode: "full", max_pages: 1, items_per_page: 10 });
      expect(started.status).toBe(202);
      for (;;) {
        const s = await api<{ recent_syncs: { id: string; status: string }[] }>("GET", "/api/v1/emag/products/status");
        const mine = s.body.recent_syncs.find((r) => r.id === started.body.sync_id);
        if (mine && mine.status !== "running") {
          expect(mine.status).toBe("failed");
          break;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      await setFaults(0);
    }
    // Both channels (one per viewport above) get the alert once, after the gather delay. Other alerts
    // the faults cause meanwhile (the 5-minute order sync failing, the eMAG error rate) are theirs.
    const productAlerts = () => received.slice(before).filter((r) => r.body.text.startsWith("Product sync"));
    await expect.poll(() => productAlerts().length, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    expect(productAlerts().map((r) => [r.path, r.body.text]).sort()).toEqual([
      ["/services/desktop/secret-token-e2e", "Product sync failed (MAIN)"],
      ["/services/phone/secret-token-e2e", "Product sync failed (MAIN)"],
    ]);

    for (const [label, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]] as const) {
      const page = await browser.newPage({ viewport });
      await signIn(page, baseUrl, admin.email, admin.password);
      await page.goto(`${baseUrl}/settings/alerts`);
      const history = byTestId(page, "alerts-history");
      await history.getByText("Product sync failed (MAIN)").first().waitFor({ timeout: 30_000 });
      const row = history.locator("tr", { hasText: "Product sync failed (MAIN)" }).first();
      expect(await row.getByTestId("alerts-count").textContent()).toBe("1");
      await settle(page);
      await shot(page, `alerts-history-${label}`);
      if (label === "phone") await expect.poll(() => horizontalOverflow(page), { timeout: 5_000 }).toBeLessThanOrEqual(1);
      await page.close();
    }
  });
});
