import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listCouriers } from "@/lib/orders/actions";
import { couriersQuerySchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/couriers?account=main - the account's courier accounts (for AWBs)
export const GET = withAuth(async ({ req }) => Response.json({ data: await listCouriers(parseQuery(req, couriersQuerySchema).account) }), {
  permission: "orders.read",
  rateLimit: "emag",
});
