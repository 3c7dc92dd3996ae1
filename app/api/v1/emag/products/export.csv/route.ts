import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { exportProductsCsv } from "@/lib/products/export";
import { productFiltersSchema } from "@/lib/products/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/export.csv - the product list (same filters and sort) as streamed CSV
export const GET = withAuth(
  async ({ req }) => {
    const filters = parseQuery(req, productFiltersSchema);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(exportProductsCsv(filters), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="emag-products-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "products.read" },
);
