import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listProductsQuerySchema } from "@/lib/products/schemas";
import { findProductsJson } from "@/lib/products/service";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/products - stored offers: filters, search (name/SKU/PNK/EAN), sort, paging
export const GET = withAuth(
  async ({ req }) => {
    const body = await findProductsJson(parseQuery(req, listProductsQuerySchema)); // JSON text built by Postgres
    return new Response(body, { headers: { "Content-Type": "application/json" } });
  },
  { permission: "products.read" },
);
