import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { createRuleSchema, listRulesQuerySchema } from "@/lib/repricer/api-types";
import { createRule, findRules } from "@/lib/repricer/rules";

// GET /api/v1/emag/offers/repricer/rules - repricer rules, winning order first (filters: account, enabled)
export const GET = withAuth(async ({ req }) => Response.json(await findRules(parseQuery(req, listRulesQuerySchema))), { permission: "offers.read" });

// POST /api/v1/emag/offers/repricer/rules - create a rule (audited); 422 names the field
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const input = await parseBody(req, createRuleSchema);
    return Response.json(await createRule(input, { userId: user.id, requestId }), { status: 201 });
  },
  { permission: "offers.write" },
);
