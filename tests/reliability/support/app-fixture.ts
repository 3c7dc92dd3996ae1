// The app state R3 and R4 call routes against: an isolated database with a small synced catalogue
// and order history from an in-process simulator, both eMAG accounts (with callback secrets), an
// uploaded invoice, and one real user with a token per role. Secrets made here are recorded for R7.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { env } from "@/lib/env";
import { storeInvoiceFile } from "@/lib/orders/actions";
import { callbackToken, startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { syncProductsNow, waitForBackgroundSyncs } from "@/lib/sync/service";
import { startFastSimulator, useAppClients, useIsolatedDatabase } from "../../sync/support";
import { rcall, recordedUser } from "./recorder";
import { recordSecret } from "./run-dir";
import { useSyncClients } from "./sync-clients";

export interface AppFixture {
  sim: EmagSimulator;
  users: Record<Role, { token: string; user: { id: string } }>;
  /** A user the bad-input tests may change (never one whose token they call with). */
  victim: { id: string };
  callbackTokens: Record<"main" | "fbe", string>;
  invoiceFileToken: string;
  metricsToken: string;
  productId: string;
  orderId: string;
}

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

export function useAppFixture(): AppFixture {
  const f = {} as AppFixture;
  let stopClients: (() => Promise<void>) | undefined;
  useIsolatedDatabase();
  beforeAll(async () => {
    f.sim = await startFastSimulator({ products: { main: 30, fbe: 20 }, orders: { main: 20, fbe: 10 } });
    stopClients = useSyncClients(f.sim).stop;
    await useAppClients(f.sim);
    await ensureEmagAccounts();
    f.callbackTokens = { main: await callbackToken("main"), fbe: await callbackToken("fbe") };
    for (const [k, v] of Object.entries(f.callbackTokens)) recordSecret("callback-token", v, `emag_accounts.callback_token ${k}`);
    await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
    await startOrdersSync({ account_type: "both", mode: "backfill" }, { triggeredBy: "user" });
    await waitForOrderSyncs();
    f.productId = (await db.emagProduct.findFirstOrThrow({ select: { id: true } })).id;
    f.orderId = (await db.emagOrder.findFirstOrThrow({ where: { account: "main" }, select: { id: true } })).id;
    const url = await storeInvoiceFile(f.orderId, { name: "r-invoice.pdf", bytes: PDF });
    f.invoiceFileToken = /\/invoices\/([^/]+)\.pdf$/.exec(url)![1]!;
    recordSecret("invoice-file-token", f.invoiceFileToken, "stored invoice");
    f.users = { viewer: await recordedUser("viewer"), manager: await recordedUser("manager"), admin: await recordedUser("admin") };
    f.victim = (await recordedUser("viewer")).user;
    // A real sign-in and a wrong password, so R7 also scans what logging in answers and logs.
    const signIn = await recordedUser("manager");
    for (const password of [signIn.password, `${signIn.password}-wrong`])
      await rcall(login, { method: "POST", path: "/api/v1/auth/login", body: { email: signIn.user.email, password }, route: "POST /api/v1/auth/login", caller: "anonymous" });
    f.metricsToken = env().METRICS_TOKEN ?? "";
  });
  afterAll(async () => {
    // Syncs that valid inputs started run against the small simulator: seconds at most.
    await new Promise((r) => setTimeout(r, 400)); // eMAG callbacks are debounced 250 ms
    await Promise.all([waitForBackgroundSyncs(), waitForOrderSyncs()]);
    await stopClients?.();
    await f.sim?.close();
  });
  return f;
}

export const randomFileToken = () => randomBytes(24).toString("base64url");
