import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const screenshotsDir = path.resolve(import.meta.dirname, "screenshots");

export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotsDir, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await byTestId(page, "app-shell").waitFor({ timeout: 30_000 });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

/**
 * A visible element by test id. During client navigations React may briefly keep a hidden copy of
 * the outgoing tree, so a plain getByTestId can match twice (strict-mode violation).
 */
export const byTestId = (page: Page, id: string) => page.getByTestId(id).filter({ visible: true }).first();

/** No horizontal scrolling at this viewport: 0 (or 1 for rounding) when the page fits. */
export const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A screenshot of what the viewport shows (shot() takes the full page). */
export const viewportShot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });

/**
 * The JSON API with a bearer token, for setting up and checking what the browser does. `token` is
 * read at each call (tests sign in in beforeAll). `api` answers `{ status, body }` (body null when
 * not JSON); `fetchApi` the raw Response (files, headers).
 */
export function apiClient(baseUrl: string, token: () => string) {
  const fetchApi = (method: string, url: string, body?: unknown) =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token()}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const api = async <T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetchApi(method, url, body);
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  return { api, fetchApi };
}

/** A plain wait loop for setup (beforeAll cannot use expect.poll): `read` until `done`, or throw naming `what`. */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeout = 180_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
