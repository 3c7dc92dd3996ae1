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
export const ordersSyncRequestedSchema = z.object({
  sync_id: z.uuid(),
  /** The concurrency key (one order sync per account at a time); absent on events sent before it existed. */
  account_type: z.enum(["main", "fbe", "both"]).optional(),
});
export type OrdersSyncRequested = z.infer<typeof ordersSyncRequestedSchema>;

export const ordersSyncRequested = eventType("emag/orders.sync-requested", { schema: ordersSyncRequestedSchema });

/** An offer-change job (offer_jobs) whose items exist; the function sends its batches. */
export const offerJobRequestedSchema = z.object({ job_id: z.uuid() });
export type OfferJobRequested = z.infer<typeof offerJobRequestedSchema>;

export const offerJobRequested = eventType("emag/offers.job-requested", { schema: offerJobRequestedSchema });

/** Run every enabled repricer rule of one account (sent when a product sync of it completed). */
export const repricerRunRequestedSchema = z.object({
  account: z.enum(["main", "fbe"]),
  trigger: z.enum(["product-sync", "manual"]),
  sync_id: z.uuid().optional(),
});
export type RepricerRunRequested = z.infer<typeof repricerRunRequestedSchema>;

export const repricerRunRequested = eventType("emag/repricer.run-requested", { schema: repricerRunRequestedSchema });

/** An alert window was opened (lib/alerts/raise.ts); its delivery waits until deliver_after, then sends to every channel. */
export const alertOpenedSchema = z.object({ window_id: z.uuid(), deliver_after: z.iso.datetime() });
export type AlertOpened = z.infer<typeof alertOpenedSchema>;

export const alertOpened = eventType("alerts/alert.opened", { schema: alertOpenedSchema });
