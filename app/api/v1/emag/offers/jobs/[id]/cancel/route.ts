import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { actorOf } from "@/lib/offers/http";
import { cancelJob } from "@/lib/offers/service";

type Params = { id: string };

// POST /api/v1/emag/offers/jobs/{id}/cancel - stop a job: unsent items are cancelled, sent ones still get eMAG's verdict
export const POST = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await cancelJob(parseParams(params, idParamsSchema).id, actorOf(user, requestId))),
  { permission: "offers.write" },
);
