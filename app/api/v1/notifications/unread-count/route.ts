import { withAuth } from "@/lib/api/handler";
import { unreadCount } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

// GET /api/v1/notifications/unread-count - {count}
export const GET = withAuth(async ({ user }) => Response.json({ count: await unreadCount(user.id) }), { permission: "notifications.read" });
