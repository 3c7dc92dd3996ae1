import { withAuth } from "@/lib/api/handler";
import { listRules } from "@/lib/alerts/settings";

// GET /api/v1/alerts/rules - every alert rule with its state (defaults unless edited)
export const GET = withAuth(async () => Response.json(await listRules()), { permission: "alerts.manage" });
