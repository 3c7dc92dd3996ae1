import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { accountQuerySchema, driftFixSchema } from "@/lib/inventory/api-types";
import { fixDrift } from "@/lib/inventory/drift";

// POST /api/v1/emag/offers/inventory/drift/fix - push the drifting offers (all, or { ids }) as one inventory job (202)
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const { account } = parseQuery(req, accountQuerySchema);
    const { ids } = await parseBody(req, driftFixSchema);
    return Response.json(await fixDrift(account, ids, { userId: user.id, requestId }), { status: 202 });
  },
  { permission: "offers.write", rateLimit: "emag" },
);
