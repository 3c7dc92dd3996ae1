import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { updateRuleSchema } from "@/lib/repricer/api-types";
import { deleteRule, getRule, updateRule } from "@/lib/repricer/rules";

type Params = { id: string };

// GET /api/v1/emag/offers/repricer/rules/{id} - one rule
export const GET = withAuth<Params>(async ({ params }) => Response.json(await getRule(parseParams(params, idParamsSchema).id)), { permission: "offers.read" });

// PATCH /api/v1/emag/offers/repricer/rules/{id} - change a rule (audited); floor <= ceiling checked on the merged rule
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const input = await parseBody(req, updateRuleSchema);
    return Response.json(await updateRule(id, input, { userId: user.id, requestId }));
  },
  { permission: "offers.write" },
);

// DELETE /api/v1/emag/offers/repricer/rules/{id} - delete a rule (audited); its past offer jobs stay
export const DELETE = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await deleteRule(parseParams(params, idParamsSchema).id, { userId: user.id, requestId })),
  { permission: "offers.write" },
);
