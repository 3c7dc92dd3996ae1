import { withAuth } from "@/lib/api/handler";
import { can } from "@/lib/auth/permissions";
import { listAccounts } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/accounts - both accounts: mode, source, base URL, settings, rate-limit usage (never passwords)
// (username and callback_url, which embeds the account's callback secret, only for admins)
export const GET = withAuth(async ({ user }) => {
  const admin = can(user.role, "emag.accounts.manage");
  return Response.json({ data: await listAccounts({ admin, withCallbackUrl: admin }) });
}, {
  permission: "emag.accounts.read",
});
