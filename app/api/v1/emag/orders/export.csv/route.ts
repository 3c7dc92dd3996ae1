import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { exportOrdersCsv } from "@/lib/orders/queries";
import { orderFiltersSchema } from "@/lib/orders/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/export.csv - the order list (same filters and sort) as streamed CSV
export const GET = withAuth(
  async ({ req }) => {
    const filters = parseQuery(req, orderFiltersSchema);
    return new Response(exportOrdersCsv(filters), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="emag-orders-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "orders.read" },
);
