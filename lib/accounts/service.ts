// eMAG accounts as the app shows them: mode, endpoint, settings, live rate-limit usage and a
// connection test. Passwords are never part of any result (only whether one is set).
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { callbackToken, callbackUrlFor } from "@/lib/orders/service";
import { emagAccountSummary, getEmagClient } from "@/lib/emag/config";
import { isEmagApiError } from "@/lib/emag/errors";
import { emagCredentials, env } from "@/lib/env";
import { keyStatus } from "@/lib/crypto/keys";
import { accountKinds, type AccountKind } from "./kinds";
import { storedAccount } from "./snapshot";

export { accountKinds, type AccountKind };

export const accountTypeQuerySchema = z.object({
  account_type: z.enum(accountKinds, { message: "must be main or fbe" }),
});

export const accountParamsSchema = z.object({ account: z.enum(accountKinds, { message: "must be main or fbe" }) });

/**
 * Both accounts. `admin` (emag.accounts.manage) adds what only admins see: the username and, with
 * `withCallbackUrl`, the callback URL, which carries the account's secret. Others get null there.
 * The URL is disclosed in one place only, GET /api/v1/emag/accounts (the page reads it there); the
 * single-account and write answers leave it null, so the secret travels no further than needed.
 */
export async function listAccounts(opts: { admin?: boolean; withCallbackUrl?: boolean } = {}) {
  const rows = await db.emagAccount.findMany({
    select: {
      kind: true, displayName: true, updatedAt: true, callbackToken: true, username: true, passwordCipher: true, baseUrl: true,
      autoAcknowledge: true, awbSenderName: true, awbSenderPhone: true, awbPickupAddressId: true,
    },
  });
  const e = env();
  const storage = opts.admin ? await keyStatus() : null;
  return Promise.all(
    accountKinds.map(async (kind) => {
      const { mode, source, baseUrl, username } = emagAccountSummary(kind);
      const row = rows.find((r) => r.kind === kind);
      return {
        kind,
        displayName: row?.displayName ?? kind.toUpperCase(),
        mode,
        /** env: EMAG_<KIND>_USERNAME/PASSWORD (they override anything stored); stored: set on the accounts page; demo: the simulator. */
        source,
        baseUrl,
        env_override: !!emagCredentials(kind),
        username: opts.admin ? (source === "env" ? username : (row?.username ?? null)) : null,
        secret_set: !!row?.passwordCipher,
        stored_base_url: row?.baseUrl ?? null,
        default_base_url: e.EMAG_API_URL,
        problem: storedAccount(kind)?.problem ?? null,
        settings: {
          auto_acknowledge: row?.autoAcknowledge ?? null,
          auto_acknowledge_default: e.ORDERS_AUTO_ACKNOWLEDGE,
          awb_sender_name: row?.awbSenderName ?? null,
          awb_sender_phone: row?.awbSenderPhone ?? null,
          awb_pickup_address_id: row?.awbPickupAddressId ?? null,
          default_sender_name: e.EMAG_SENDER_NAME,
          default_sender_phone: e.EMAG_SENDER_PHONE,
        },
        usage: getEmagClient(kind).usage(),
        callback_url: opts.admin && opts.withCallbackUrl && row ? callbackUrlFor(kind, row.callbackToken ?? (await callbackToken(kind))) : null,
        /** Admins: whether credentials can be stored (an encryption key is available). */
        storage,
      };
    }),
  );
}

export type AccountView = Awaited<ReturnType<typeof listAccounts>>[number];

export async function getAccountView(kind: AccountKind, opts: { admin?: boolean } = {}): Promise<AccountView> {
  return (await listAccounts(opts)).find((a) => a.kind === kind)!;
}

export const emagFailureReasons: Record<string, string> = {
  auth: "eMAG rejected the account's credentials",
  timeout: "eMAG did not answer in time",
  network: "eMAG could not be reached",
  server: "eMAG answered with a server error",
  rate_limited: "eMAG's rate limit was exceeded",
  api_error: "eMAG answered with an error",
  invalid_response: "eMAG sent a response MagFlow could not read",
};

/** Reads product_offer/count: the cheapest call that proves both reachability and credentials. */
export async function testConnection(kind: AccountKind) {
  const { baseUrl, mode } = emagAccountSummary(kind);
  const label = kind.toUpperCase();
  try {
    const count = await getEmagClient(kind).productOffer.count({}, { signal: AbortSignal.timeout(20_000) });
    return {
      status: "success" as const,
      message: `Connected to the eMAG ${label} account${mode === "demo" ? " (demo simulator)" : ""}: ${count.noOfItems} offers.`,
      data: { account_type: kind, base_url: baseUrl, mode, total_products: count.noOfItems },
    };
  } catch (err) {
    if (!isEmagApiError(err)) throw err;
    const reason = emagFailureReasons[err.code] ?? "the request failed";
    const detail = err.messages.length ? `: ${err.messages.join("; ")}` : "";
    throw new AppError("bad_gateway", `${label} connection failed: ${reason}${err.status ? ` (HTTP ${err.status})` : ""}${detail}`, {
      details: { account_type: kind, base_url: baseUrl, emag_error: err.code, emag_status: err.status ?? null },
    });
  }
}
