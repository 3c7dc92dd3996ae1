import { csvResponse } from "@/lib/api/csv-stream";
import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { productsCsv } from "@/lib/products/export";
import { productFiltersSchema } from "@/lib/products/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/export.csv - the product list (same filters and sort) as streamed CSV
export const GET = withAuth(
  async ({ req, requestId }) =>
    csvResponse(productsCsv(parseQuery(req, productFiltersSchema)), { filename: `emag-products-${new Date().toISOString().slice(0, 10)}.csv`, requestId }),
  { permission: "products.read" },
);
