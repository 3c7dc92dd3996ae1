import { withAuth } from "@/lib/api/handler";
import { runCustomersRebuild } from "@/lib/customers/rebuild-run";

export const dynamic = "force-dynamic";

// POST /api/v1/customers/rebuild - rebuild every customer from the stored orders and returns (409 while one runs)
export const POST = withAuth(async ({ user, requestId }) => Response.json(await runCustomersRebuild({ userId: user.id, requestId })), {
  permission: "customers.rebuild",
});
