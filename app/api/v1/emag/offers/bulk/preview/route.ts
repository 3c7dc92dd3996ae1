import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { bulkRequestSchema, previewBulk, previewQuerySchema } from "@/lib/offers/service";

// POST /api/v1/emag/offers/bulk/preview - old -> new for every selected offer, with eMAG rule violations; sends nothing
export const POST = withAuth(
  async ({ req }) => {
    const q = parseQuery(req, previewQuerySchema);
    return Response.json(await previewBulk(await parseBody(req, bulkRequestSchema), q));
  },
  { permission: "offers.read" },
);
