import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { getOrderDetail } from "@/lib/orders/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/{id} - one order with lines, addresses and timeline
export const GET = withAuth<{ id: string }>(async ({ params }) => Response.json(await getOrderDetail(parseParams(params, idParamsSchema).id)), {
  permission: "orders.read",
});
