import { updateAccountSchema } from "@/lib/accounts/manage";
import { accountParamsSchema, accountTypeQuerySchema } from "@/lib/accounts/service";
import type { OperationGroup } from "../types";

export const accountsOperations: OperationGroup = {
  tag: "eMAG accounts",
  description: "The two eMAG accounts (MAIN and FBE): mode, source, base URL, settings, rate-limit usage. Credentials are write-only: stored encrypted, never returned.",
  operations: {
    "GET /api/v1/emag/accounts": {
      summary: "Both accounts: mode, base URL, rate-limit usage",
      description: "`callback_url` (which embeds the account's callback secret) only for admins, null for others.",
      responses: { 200: { description: "`{ data: [...] }`, one item per account" } },
    },
    "GET /api/v1/emag/accounts/{account}": {
      summary: "One account: mode, source, base URL, settings (the username for admins; never the password)",
      params: accountParamsSchema,
      responses: { 200: { description: "`{ data }`" } },
    },
    "PATCH /api/v1/emag/accounts/{account}": {
      summary: "Change an account's credentials (tested with eMAG before they are saved), settings or callback token",
      description: "No restart: the next call of every instance uses the new credentials. Audited, without the secret.",
      params: accountParamsSchema,
      body: updateAccountSchema,
      responses: {
        200: { description: "`{ data, changed, connection }`" },
        409: { description: "Set by environment variables, or changed concurrently" },
        422: { description: "An invalid field, or eMAG refused the credentials (its message in details)" },
        503: { description: "No encryption key is configured (MAGFLOW_ENCRYPTION_KEY)" },
      },
    },
    "DELETE /api/v1/emag/accounts/{account}/credentials": {
      summary: "Forget the stored credentials: the account goes back to demo mode (or its environment variables)",
      params: accountParamsSchema,
      responses: { 200: { description: "`{ data, changed }`" } },
    },
    "POST /api/v1/emag/products/test-connection": {
      summary: "Check an account's credentials and reachability",
      query: accountTypeQuerySchema,
      responses: { 200: { description: "The connection check's result" } },
    },
  },
};
