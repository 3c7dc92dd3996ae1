import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { dashboardKpis } from "@/lib/dashboard/kpis";
import { dashboardKpisQuerySchema } from "@/lib/dashboard/kpis-types";

export const dynamic = "force-dynamic";

// GET /api/v1/dashboard/kpis?account= - revenue, orders and AOV per period against the previous one, rates, top products
export const GET = withAuth(async ({ req }) => Response.json(await dashboardKpis(parseQuery(req, dashboardKpisQuerySchema))), {
  permission: "dashboard.read",
});
