import { withAuth } from "@/lib/api/handler";
import { parseBody, parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { deleteSubscription, updateSubscription } from "@/lib/reports/subscriptions";
import { updateSubscriptionSchema } from "@/lib/reports/types";

type Params = { id: string };

// PATCH /api/v1/reports/subscriptions/{id} - change the address, user or kinds (audited); 409 when the address is taken
export const PATCH = withAuth<Params>(
  async ({ req, params, user, requestId }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateSubscription(id, await parseBody(req, updateSubscriptionSchema), { userId: user.id, requestId }));
  },
  { permission: "reports.manage" },
);

// DELETE /api/v1/reports/subscriptions/{id} - unsubscribe (audited); the delivery records stay
export const DELETE = withAuth<Params>(
  async ({ params, user, requestId }) => Response.json(await deleteSubscription(parseParams(params, idParamsSchema).id, { userId: user.id, requestId })),
  { permission: "reports.manage" },
);
