import { withAuth } from "@/lib/api/handler";
import { parseBody } from "@/lib/api/parse";
import { ordersSyncRequestSchema } from "@/lib/orders/schemas";
import { startOrdersSync } from "@/lib/orders/service";

export const dynamic = "force-dynamic";

// POST /api/v1/emag/orders/sync - sync orders now (incremental, or a backfill of days_back); 202 + sync_id, 409 when busy
export const POST = withAuth(
  async ({ req, user, requestId }) => {
    const input = await parseBody(req, ordersSyncRequestSchema);
    return Response.json(await startOrdersSync(input, { triggeredBy: user.via === "token" ? "api" : "user", userId: user.id, requestId }), { status: 202 });
  },
  { permission: "orders.write", rateLimit: "emag" },
);
