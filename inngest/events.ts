// Event types, declared once: the zod schema validates what is sent and what a function receives.
import { eventType } from "inngest";
import { z } from "zod";

/** A product sync whose log (sync_logs) already exists and is "running"; the function does the work. */
export const productsSyncRequestedSchema = z.object({
  sync_id: z.uuid(),
  account_type: z.enum(["main", "fbe", "both"]),
});
export type ProductsSyncRequested = z.infer<typeof productsSyncRequestedSchema>;

export const productsSyncRequested = eventType("emag/products.sync-requested", { schema: productsSyncRequestedSchema });

/** An order sync whose log (sync_logs, type "orders") already exists and is "running". */
export const ordersSyncRequestedSchema = z.object({ sync_id: z.uuid() });
export type OrdersSyncRequested = z.infer<typeof ordersSyncRequestedSchema>;

export const ordersSyncRequested = eventType("emag/orders.sync-requested", { schema: ordersSyncRequestedSchema });
