import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { lowStockQuerySchema } from "@/lib/inventory/api-types";
import { listLowStock } from "@/lib/inventory/items";

// GET /api/v1/emag/offers/inventory/low-stock?limit=10 - the lowest-stock offers (for the dashboard card)
export const GET = withAuth(
  async ({ req }) => {
    const q = parseQuery(req, lowStockQuerySchema);
    return Response.json(await listLowStock(q.account, q.limit));
  },
  { permission: "offers.read" },
);
