import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { acknowledgeOrder } from "@/lib/orders/actions";

export const dynamic = "force-dynamic";

// POST /api/v1/emag/orders/{id}/acknowledge - new (1) -> in progress (2); MAIN only; idempotent
export const POST = withAuth<{ id: string }>(
  async ({ params, user, requestId }) => Response.json(await acknowledgeOrder(parseParams(params, idParamsSchema).id, { userId: user.id, label: user.email, requestId })),
  { permission: "orders.write" },
);
