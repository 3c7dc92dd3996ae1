import { idParamsSchema } from "@/lib/api/schemas";
import { createChannelSchema, listAlertsQuerySchema, ruleParamsSchema, updateChannelSchema, updateRuleSchema } from "@/lib/alerts/api-types";
import type { OperationGroup } from "../types";

// The alert routes (app/api/v1/alerts/**), naming the schemas their routes parse (lib/alerts/api-types.ts).
export const alertsOperations: OperationGroup = {
  tag: "Alerts",
  description: "Alert rules, delivery channels (e-mail, webhooks) and the alerts raised. Admins only.",
  operations: {
    "GET /api/v1/alerts": {
      summary: "Recent alerts, newest first (filters: rule, status), with counts and each channel's verdict",
      query: listAlertsQuerySchema,
      responses: { 200: { description: "A page of alerts", shape: "page" } },
    },
    "GET /api/v1/alerts/channels": {
      summary: "Every alert channel (webhook URLs masked to their host)",
      responses: { 200: { description: "The channels" } },
    },
    "POST /api/v1/alerts/channels": {
      summary: "Add an e-mail or webhook channel (audited)",
      body: createChannelSchema,
      responses: { 201: { description: "The new channel" }, 409: { description: "A channel of that name exists" } },
    },
    "PATCH /api/v1/alerts/channels/{id}": {
      summary: "Rename, enable or disable a channel, or change its recipients or URL (audited)",
      params: idParamsSchema,
      body: updateChannelSchema,
      responses: { 200: { description: "The channel" }, 404: { description: "No such channel" } },
    },
    "DELETE /api/v1/alerts/channels/{id}": {
      summary: "Remove a channel (audited); its past deliveries stay in the history",
      params: idParamsSchema,
      responses: { 200: { description: "The result" }, 404: { description: "No such channel" } },
    },
    "POST /api/v1/alerts/channels/{id}/test": {
      summary: "Send a test alert through the channel now: `{ ok, error }` carries the channel's own error",
      params: idParamsSchema,
      responses: { 200: { description: "`{ ok, error }`" }, 404: { description: "No such channel" } },
    },
    "GET /api/v1/alerts/rules": {
      summary: "Every alert rule with its state and threshold (defaults unless edited)",
      responses: { 200: { description: "The rules" } },
    },
    "PATCH /api/v1/alerts/rules/{id}": {
      summary: "Turn a rule on or off, or change its threshold (audited)",
      params: ruleParamsSchema,
      body: updateRuleSchema,
      responses: { 200: { description: "The rule" }, 404: { description: "No such rule" } },
    },
  },
};
