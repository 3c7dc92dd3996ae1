import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { can } from "@/lib/auth/permissions";
import { updateAccount, updateAccountSchema } from "@/lib/accounts/manage";
import { accountParamsSchema, getAccountView } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";
type Params = { account: string };

// GET /api/v1/emag/accounts/{account} - one account (username for admins only; never the password; the callback URL only in the list)
export const GET = withAuth<Params>(
  async ({ params, user }) => {
    const { account } = parseParams(params, accountParamsSchema);
    return Response.json({ data: await getAccountView(account, { admin: can(user.role, "emag.accounts.manage") }) });
  },
  { permission: "emag.accounts.read" },
);

// PATCH /api/v1/emag/accounts/{account} - change credentials (tested with eMAG before saving), settings, callback token
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { account } = parseParams(params, accountParamsSchema);
    const input = await parseBody(req, updateAccountSchema);
    return Response.json(await updateAccount(account, input, { userId: user.id, requestId }));
  },
  { permission: "emag.accounts.manage", rateLimit: "emag" },
);
