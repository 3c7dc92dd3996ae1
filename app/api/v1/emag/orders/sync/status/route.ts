import { withAuth } from "@/lib/api/handler";
import { ordersSyncStatus } from "@/lib/orders/sync-log";

export const dynamic = "force-dynamic";

// GET /api/v1/emag/orders/sync/status - {is_running, current_sync, recent_syncs}
export const GET = withAuth(async () => Response.json(await ordersSyncStatus()), { permission: "orders.read" });
