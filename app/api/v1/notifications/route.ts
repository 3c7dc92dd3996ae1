import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import { listNotifications } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

// GET /api/v1/notifications - the caller's notifications, newest first
export const GET = withAuth(async ({ req, user }) => Response.json(await listNotifications(user.id, parseQuery(req, listNotificationsQuerySchema))), {
  permission: "notifications.read",
});
