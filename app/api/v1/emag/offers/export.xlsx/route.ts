import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { priceListXlsxResponse } from "@/lib/offers/export";
import { productFiltersSchema } from "@/lib/products/schemas";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/offers/export.xlsx - the price list (product list filters and sort) as a streamed XLSX workbook, importable as is
export const GET = withAuth(async ({ req, requestId }) => priceListXlsxResponse(parseQuery(req, productFiltersSchema), requestId), {
  permission: "offers.read",
});
