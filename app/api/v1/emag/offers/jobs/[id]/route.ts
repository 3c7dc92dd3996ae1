import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { getJob } from "@/lib/offers/service";

type Params = { id: string };

// GET /api/v1/emag/offers/jobs/{id} - one job with its counters and items by status
export const GET = withAuth<Params>(async ({ params }) => Response.json(await getJob(parseParams(params, idParamsSchema).id)), { permission: "offers.read" });
