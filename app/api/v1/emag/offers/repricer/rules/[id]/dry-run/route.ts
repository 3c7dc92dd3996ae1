import { withAuth } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { dryRunQuerySchema } from "@/lib/repricer/api-types";
import { dryRunRule } from "@/lib/repricer/run";

type Params = { id: string };

// POST /api/v1/emag/offers/repricer/rules/{id}/dry-run - every offer the rule covers: old -> new and why; nothing is sent (paged: ?page, pageSize, only)
export const POST = withAuth<Params>(
  async ({ req, params }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await dryRunRule(id, parseQuery(req, dryRunQuerySchema)));
  },
  // Smart Deals rules read eMAG (one call per offer), so this spends the eMAG budget.
  { permission: "offers.read", rateLimit: "emag" },
);
