import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listAlertsQuerySchema } from "@/lib/alerts/api-types";
import { findAlerts } from "@/lib/alerts/history";

// GET /api/v1/alerts - recent alerts, newest first (filters: rule, status), with counts and each channel's verdict
export const GET = withAuth(async ({ req }) => Response.json(await findAlerts(parseQuery(req, listAlertsQuerySchema))), { permission: "alerts.manage" });
