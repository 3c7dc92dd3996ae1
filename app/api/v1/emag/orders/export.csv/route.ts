import { csvResponse } from "@/lib/api/csv-stream";
import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { ordersCsv } from "@/lib/orders/queries";
import { orderFiltersSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/export.csv - the order list (same filters and sort) as streamed CSV
export const GET = withAuth(
  async ({ req, requestId }) =>
    csvResponse(ordersCsv(parseQuery(req, orderFiltersSchema)), { filename: `emag-orders-${new Date().toISOString().slice(0, 10)}.csv`, requestId }),
  { permission: "orders.read" },
);
