import { z } from "zod";
import { withAuth } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { pageQuerySchema } from "@/lib/api/schemas";
import { listNotifications } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

const querySchema = pageQuerySchema.extend({
  unread: z.enum(["true", "false"], { message: "must be true or false" }).optional().transform((v) => v === "true"),
  category: z.enum(["orders", "sync", "system"], { message: "must be orders, sync or system" }).optional(),
});

// GET /api/v1/notifications - the caller's notifications, newest first
export const GET = withAuth(async ({ req, user }) => Response.json(await listNotifications(user.id, parseQuery(req, querySchema))), {
  permission: "notifications.read",
});
