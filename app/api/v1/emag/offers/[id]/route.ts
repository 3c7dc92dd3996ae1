import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { actorOf, idempotencyKeyOf } from "@/lib/offers/http";
import { changeOffer, singleChangeSchema } from "@/lib/offers/service";

type Params = { id: string };

// PATCH /api/v1/emag/offers/{id} - change one offer on eMAG (price, min/max, recommended, stock, handling time, status); waits briefly for eMAG's verdict
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    const change = await parseBody(req, singleChangeSchema);
    const out = await changeOffer(id, change, actorOf(user, requestId), idempotencyKeyOf(req));
    return Response.json(out, { status: out.item && ["pending", "sending"].includes(out.item.status) ? 202 : 200 });
  },
  { permission: "offers.write", rateLimit: "emag" },
);
