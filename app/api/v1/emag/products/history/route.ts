import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { findSyncHistory, historyQuerySchema } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/history - product sync logs, newest first (paged, by status and account)
export const GET = withAuth(async ({ req }) => Response.json(await findSyncHistory(parseQuery(req, historyQuerySchema))), {
  permission: "products.read",
});
