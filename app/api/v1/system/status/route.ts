import { withAuth } from "@/lib/api/handler";
import { systemStatus } from "@/lib/system/status";

export const dynamic = "force-dynamic";

// GET /api/v1/system/status - summary for the dashboard (any signed-in role)
export const GET = withAuth(async () => Response.json(await systemStatus()), { permission: "dashboard.read" });
