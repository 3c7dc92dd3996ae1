import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { orderStatistics } from "@/lib/orders/queries";
import { statisticsQuerySchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/statistics?days=30 - by status, by account, revenue by day, today's counts
export const GET = withAuth(async ({ req }) => Response.json(await orderStatistics(parseQuery(req, statisticsQuerySchema).days)), {
  permission: "orders.read",
});
