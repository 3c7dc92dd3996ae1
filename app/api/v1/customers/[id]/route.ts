import { withAuth } from "@/lib/api/handler";
import { parseParams, parseQuery } from "@/lib/api/parse";
import { customerDetailQuerySchema, customerIdParamsSchema } from "@/lib/customers/api-types";
import { seesPii } from "@/lib/customers/mask";
import { getCustomerDetail } from "@/lib/customers/queries";

export const dynamic = "force-dynamic";

// GET /api/v1/customers/{id} - one customer: profile, metrics, scores and their inputs, orders (paged), returns, timeline
export const GET = withAuth<{ id: string }>(
  async ({ req, params, user }) => {
    const { id } = parseParams(params, customerIdParamsSchema);
    return Response.json(await getCustomerDetail(id, parseQuery(req, customerDetailQuerySchema), { pii: seesPii(user.role) }));
  },
  { permission: "customers.read" },
);
