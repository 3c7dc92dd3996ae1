import { withAuth } from "@/lib/api/handler";
import { syncStatistics } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/products/statistics - offer totals per account and sync success over 7 days
export const GET = withAuth(async () => Response.json(await syncStatistics()), { permission: "products.read" });
