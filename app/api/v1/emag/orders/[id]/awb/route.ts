import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { generateAwb } from "@/lib/orders/actions";
import { awbRequestSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// POST /api/v1/emag/orders/{id}/awb - book a shipment (awb/save); the order becomes finalized (4); idempotent
export const POST = withAuth<{ id: string }>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, awbRequestSchema);
    return Response.json(await generateAwb(id, input, { userId: user.id, label: user.email, requestId }));
  },
  { permission: "orders.write", rateLimit: "emag" },
);
