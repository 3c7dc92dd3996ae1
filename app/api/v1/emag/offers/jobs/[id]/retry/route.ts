import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { actorOf, idempotencyKeyOf } from "@/lib/offers/http";
import { retryJob } from "@/lib/offers/service";

type Params = { id: string };

// POST /api/v1/emag/offers/jobs/{id}/retry - a new job that re-sends only this job's failed and cancelled items (202)
export const POST = withAuth<Params>(
  async ({ req, params, user, requestId }) =>
    Response.json(await retryJob(parseParams(params, idParamsSchema).id, actorOf(user, requestId), idempotencyKeyOf(req)), { status: 202 }),
  { permission: "offers.write", rateLimit: "emag" },
);
