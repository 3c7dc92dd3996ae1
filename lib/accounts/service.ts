// eMAG accounts as the app shows them: mode, endpoint, live rate-limit usage and a connection
// test. Credentials are never part of any result.
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { callbackToken, callbackUrlFor } from "@/lib/orders/service";
import { emagAccountSummary, getEmagClient } from "@/lib/emag/config";
import { isEmagApiError } from "@/lib/emag/errors";

export const accountKinds = ["main", "fbe"] as const;
export type AccountKind = (typeof accountKinds)[number];

export const accountTypeQuerySchema = z.object({
  account_type: z.enum(accountKinds, { message: "must be main or fbe" }),
});

/** Both accounts. The callback URL carries the account's secret, so only admins get it (others: null). */
export async function listAccounts(opts: { withCallbackUrl?: boolean } = {}) {
  const rows = await db.emagAccount.findMany({ select: { kind: true, displayName: true, updatedAt: true, callbackToken: true } });
  return Promise.all(
    accountKinds.map(async (kind) => {
      const { mode, baseUrl } = emagAccountSummary(kind);
      const row = rows.find((r) => r.kind === kind);
      return {
        kind,
        displayName: row?.displayName ?? kind.toUpperCase(),
        mode,
        baseUrl,
        usage: getEmagClient(kind).usage(),
        callback_url: opts.withCallbackUrl && row ? callbackUrlFor(kind, row.callbackToken ?? (await callbackToken(kind))) : null,
      };
    }),
  );
}

const reasons: Record<string, string> = {
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
    const reason = reasons[err.code] ?? "the request failed";
    const detail = err.messages.length ? `: ${err.messages.join("; ")}` : "";
    throw new AppError("bad_gateway", `${label} connection failed: ${reason}${err.status ? ` (HTTP ${err.status})` : ""}${detail}`, {
      details: { account_type: kind, base_url: baseUrl, emag_error: err.code, emag_status: err.status ?? null },
    });
  }
}
