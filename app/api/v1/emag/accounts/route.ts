import { withAuth } from "@/lib/api/handler";
import { listAccounts } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/accounts - both accounts: mode, base URL, rate-limit usage (never credentials)
// (callback_url, which embeds the account's callback secret, only for admins)
export const GET = withAuth(async ({ user }) => Response.json({ data: await listAccounts({ withCallbackUrl: user.role === "admin" }) }), {
  permission: "emag.accounts.read",
});
