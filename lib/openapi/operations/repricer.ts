import { idParamsSchema } from "@/lib/api/schemas";
import { createRuleSchema, dryRunQuerySchema, listRulesQuerySchema, updateRuleSchema } from "@/lib/repricer/api-types";
import type { OperationGroup } from "../types";

const notFound = { description: "No such rule" };

export const repricerOperations: OperationGroup = {
  tag: "Repricer",
  description: "Repricing rules: a scope of offers, a strategy, floor and ceiling; a dry run shows what a rule would send.",
  operations: {
    "GET /api/v1/emag/offers/repricer/rules": {
      summary: "Repricer rules, winning order first (filters: account, enabled)",
      query: listRulesQuerySchema,
      responses: { 200: { description: "A page of rules" } },
    },
    "POST /api/v1/emag/offers/repricer/rules": {
      summary: "Create a rule",
      body: createRuleSchema,
      responses: { 201: { description: "The new rule" } },
    },
    "GET /api/v1/emag/offers/repricer/rules/{id}": {
      summary: "One rule",
      params: idParamsSchema,
      responses: { 200: { description: "The rule" }, 404: notFound },
    },
    "PATCH /api/v1/emag/offers/repricer/rules/{id}": {
      summary: "Change a rule; floor <= ceiling is checked on the merged rule",
      params: idParamsSchema,
      body: updateRuleSchema,
      responses: { 200: { description: "The rule after the change" }, 404: notFound },
    },
    "DELETE /api/v1/emag/offers/repricer/rules/{id}": {
      summary: "Delete a rule; its past offer jobs stay",
      params: idParamsSchema,
      responses: { 200: { description: "The result" }, 404: notFound },
    },
    "POST /api/v1/emag/offers/repricer/rules/{id}/apply": {
      summary: "Send the rule's plan as an offer job (job null when nothing changes)",
      params: idParamsSchema,
      responses: { 202: { description: "The job, or null" }, 404: notFound },
    },
    "POST /api/v1/emag/offers/repricer/rules/{id}/dry-run": {
      summary: "Every offer the rule covers: old -> new and why; nothing is sent",
      description: "Smart Deals rules read eMAG (one call per offer), so this spends the eMAG request budget.",
      params: idParamsSchema,
      query: dryRunQuerySchema,
      responses: { 200: { description: "The plan (paged)" }, 404: notFound },
    },
  },
};
