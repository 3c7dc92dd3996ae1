import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { accountTypeQuerySchema, testConnection } from "@/lib/accounts/service";

export const dynamic = "force-dynamic";

// POST /api/v1/emag/products/test-connection?account_type=main|fbe - check credentials and reachability
export const POST = withAuth(
  async ({ req }) => {
    const { account_type } = parseQuery(req, accountTypeQuerySchema);
    return Response.json(await testConnection(account_type));
  },
  { permission: "emag.accounts.test", rateLimit: "emag" },
);
