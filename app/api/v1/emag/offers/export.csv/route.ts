import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { priceListCsvResponse } from "@/lib/offers/export";
import { productFiltersSchema } from "@/lib/products/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/offers/export.csv - the price list (product list filters and sort) as streamed CSV, importable as is
export const GET = withAuth(async ({ req, requestId }) => priceListCsvResponse(parseQuery(req, productFiltersSchema), requestId), {
  permission: "offers.read",
});
