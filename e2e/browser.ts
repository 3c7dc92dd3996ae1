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
