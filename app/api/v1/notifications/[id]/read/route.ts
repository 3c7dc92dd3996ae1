import { withAuth } from "@/lib/api/handler";
import { parseParams } from "@/lib/api/parse";
import { idParamsSchema } from "@/lib/api/schemas";
import { markRead } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

// POST /api/v1/notifications/{id}/read - mark one of the caller's notifications read (idempotent)
export const POST = withAuth<{ id: string }>(async ({ params, user }) => Response.json(await markRead(user.id, parseParams(params, idParamsSchema).id)), {
  permission: "notifications.read",
});
