import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { changeOrderStatus } from "@/lib/orders/actions";
import { statusChangeSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// PUT /api/v1/emag/orders/{id}/status - an allowed transition (409 naming the rule otherwise)
export const PUT = withAuth<{ id: string }>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, statusChangeSchema);
    return Response.json(await changeOrderStatus(id, input, { userId: user.id, label: user.email, requestId }));
  },
  { permission: "orders.write" },
);
