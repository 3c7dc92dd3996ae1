import { withAuth } from "@/lib/api/handler";
import { markAllRead } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

// POST /api/v1/notifications/read-all - mark all of the caller's notifications read
export const POST = withAuth(async ({ user }) => Response.json(await markAllRead(user.id)), { permission: "notifications.read" });
