import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { actorOf } from "@/lib/offers/http";
import { applyRule } from "@/lib/repricer/run";

type Params = { id: string };

// POST /api/v1/emag/offers/repricer/rules/{id}/apply - send the rule's plan as an offer job (202 + job; job null when nothing changes)
export const POST = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await applyRule(parseParams(params, idParamsSchema).id, actorOf(user, requestId)), { status: 202 }),
  { permission: "offers.write", rateLimit: "emag" },
);
