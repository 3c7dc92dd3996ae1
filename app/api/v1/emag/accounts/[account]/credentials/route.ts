import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { clearStoredCredentials } from "@/lib/accounts/manage";
import { accountParamsSchema } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";

// DELETE /api/v1/emag/accounts/{account}/credentials - forget the stored credentials (back to env or demo mode)
export const DELETE = withAuth<{ account: string }>(
  async ({ params, user, requestId }) => {
    const { account } = parseParams(params, accountParamsSchema);
    return Response.json(await clearStoredCredentials(account, { userId: user.id, requestId }));
  },
  { permission: "emag.accounts.manage" },
);
