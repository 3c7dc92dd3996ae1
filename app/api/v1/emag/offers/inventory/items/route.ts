import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { itemsQuerySchema } from "@/lib/inventory/api-types";
import { findItems } from "@/lib/inventory/items";

// GET /api/v1/emag/offers/inventory/items - inventory items, paged (filters: low, search; sort: name, available, would_push, emag_stock, updated_at)
export const GET = withAuth(async ({ req }) => Response.json(await findItems(parseQuery(req, itemsQuerySchema))), { permission: "offers.read" });
