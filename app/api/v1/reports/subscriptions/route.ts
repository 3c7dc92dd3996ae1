import { withAuth } from "@/lib/api/handler";
import { parseBody, parseQuery } from "@/lib/api/parse";
import { findSubscriptions, upsertSubscription } from "@/lib/reports/subscriptions";
import { createSubscriptionSchema, subscriptionsQuerySchema } from "@/lib/reports/types";

export const dynamic = "force-dynamic";

// GET /api/v1/reports/subscriptions?page=&pageSize= - report recipients by address, with their kinds and latest delivery
export const GET = withAuth(async ({ req }) => Response.json(await findSubscriptions(parseQuery(req, subscriptionsQuerySchema))), { permission: "reports.manage" });

// POST /api/v1/reports/subscriptions - subscribe an address (201), or set an existing one's kinds (200); audited
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const { created, subscription } = await upsertSubscription(await parseBody(req, createSubscriptionSchema), { userId: user.id, requestId });
    return Response.json(subscription, { status: created ? 201 : 200 });
  },
  { permission: "reports.manage" },
);
