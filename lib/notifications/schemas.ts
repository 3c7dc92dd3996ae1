import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/schemas";

/** GET /api/v1/notifications: paging, unread only, one category. */
export const listNotificationsQuerySchema = pageQuerySchema.extend({
  unread: z.enum(["true", "false"], { message: "must be true or false" }).optional().transform((v) => v === "true"),
  category: z.enum(["orders", "sync", "system"], { message: "must be orders, sync or system" }).optional(),
});
