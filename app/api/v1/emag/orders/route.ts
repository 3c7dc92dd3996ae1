import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listOrders } from "@/lib/orders/queries";
import { listOrdersQuerySchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders - stored orders: filters (account, status, type, payment, dates), search, sort, paging
export const GET = withAuth(async ({ req }) => Response.json(await listOrders(parseQuery(req, listOrdersQuerySchema))), {
  permission: "orders.read",
});
