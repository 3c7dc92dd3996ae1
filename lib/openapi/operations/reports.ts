import { idParamsSchema } from "@/lib/api/schemas";
import {
  createSubscriptionSchema,
  reportKindParamsSchema,
  reportQuerySchema,
  reportSchema,
  subscriptionSchema,
  subscriptionsQuerySchema,
  updateSubscriptionSchema,
} from "@/lib/reports/types";
import type { OperationGroup } from "../types";

// The report routes (app/api/v1/reports/**), naming the schemas their routes parse (lib/reports/types.ts).
export const reportsOperations: OperationGroup = {
  tag: "Reports",
  description: "Reports by kind and period, their XLSX exports, and e-mail subscriptions.",
  operations: {
    "GET /api/v1/reports/{kind}": {
      summary: "A daily or weekly report's figures (default: the latest complete period, Europe/Bucharest days)",
      params: reportKindParamsSchema,
      query: reportQuerySchema,
      responses: { 200: { description: "The report", schema: reportSchema } },
    },
    "GET /api/v1/reports/{kind}/export.xlsx": {
      summary: "The same workbook the report e-mail attaches",
      params: reportKindParamsSchema,
      query: reportQuerySchema,
      responses: { 200: { description: "XLSX workbook, a sheet per section", shape: "xlsx" } },
    },
    "GET /api/v1/reports/subscriptions": {
      summary: "Report recipients by address, with their kinds and latest delivery",
      query: subscriptionsQuerySchema,
      responses: { 200: { description: "A page of subscriptions", shape: "page" } },
    },
    "POST /api/v1/reports/subscriptions": {
      summary: "Subscribe an address (201), or set an existing one's kinds (200); audited",
      body: createSubscriptionSchema,
      responses: { 200: { description: "The updated subscription", schema: subscriptionSchema }, 201: { description: "The new subscription", schema: subscriptionSchema } },
    },
    "PATCH /api/v1/reports/subscriptions/{id}": {
      summary: "Change a subscription's address, user or kinds (audited)",
      params: idParamsSchema,
      body: updateSubscriptionSchema,
      responses: { 200: { description: "The subscription", schema: subscriptionSchema }, 404: { description: "No such subscription" }, 409: { description: "The address is already subscribed" } },
    },
    "DELETE /api/v1/reports/subscriptions/{id}": {
      summary: "Unsubscribe (audited); the delivery records stay",
      params: idParamsSchema,
      responses: { 200: { description: "The result" }, 404: { description: "No such subscription" } },
    },
  },
};
