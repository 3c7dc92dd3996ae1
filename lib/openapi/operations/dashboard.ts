import { dashboardKpisQuerySchema, dashboardKpisSchema } from "@/lib/dashboard/kpis-types";
import type { OperationGroup } from "../types";

export const dashboardOperations: OperationGroup = {
  tag: "Dashboard",
  description: "Key figures for the dashboard.",
  operations: {
    "GET /api/v1/dashboard/kpis": {
      summary: "Revenue, orders and AOV per period against the previous one, rates, top products",
      query: dashboardKpisQuerySchema,
      responses: { 200: { description: "The KPIs", schema: dashboardKpisSchema } },
    },
  },
};
