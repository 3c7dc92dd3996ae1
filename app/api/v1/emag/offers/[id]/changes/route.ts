import { withAuth } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { idParamsSchema, pageQuerySchema } from "@/lib/api/schemas";
import { offerChanges } from "@/lib/offers/service";

type Params = { id: string };

// GET /api/v1/emag/offers/{id}/changes - the offer's change timeline (who, old -> new, eMAG's verdict), newest first
export const GET = withAuth<Params>(
  async ({ req, params }) => Response.json(await offerChanges(parseParams(params, idParamsSchema).id, parseQuery(req, pageQuerySchema))),
  { permission: "offers.read" },
);
