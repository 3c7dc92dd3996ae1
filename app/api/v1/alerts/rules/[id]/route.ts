import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { ruleParamsSchema, updateRuleSchema } from "@/lib/alerts/api-types";
import { updateRule } from "@/lib/alerts/settings";

// PATCH /api/v1/alerts/rules/{id} - turn a rule on or off, or change its threshold (audited); 404 for an unknown rule
export const PATCH = withAuth<{ id: string }>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, ruleParamsSchema);
    return Response.json(await updateRule(id, await parseBody(req, updateRuleSchema), { userId: user.id, requestId }));
  },
  { permission: "alerts.manage" },
);
