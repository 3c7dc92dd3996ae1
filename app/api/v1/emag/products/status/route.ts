import { withAuth } from "@/lib/api/handler";
import { syncStatus } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/status - the running sync (if any) and the last 10
export const GET = withAuth(async () => Response.json(await syncStatus()), { permission: "products.read" });
