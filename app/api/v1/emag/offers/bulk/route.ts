import { withAuth } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse";
import { actorOf, idempotencyKeyOf } from "@/lib/offers/http";
import { applyBulk, bulkRequestSchema } from "@/lib/offers/service";

// POST /api/v1/emag/offers/bulk - apply a bulk change as a durable job (202 + job); 422 lists violations unless exclude_invalid
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const input = await parseBody(req, bulkRequestSchema);
    return Response.json(await applyBulk(input, actorOf(user, requestId), idempotencyKeyOf(req)), { status: 202 });
  },
  { permission: "offers.write", rateLimit: "emag" },
);
