import { inngest } from "@/inngest/client";
import { inventoryPushBody } from "@/lib/inventory/jobs";
import { scheduledFunction } from "@/lib/jobs/schedules";

/** Every minute: push MAIN's changed stock to eMAG (one offer job) and check low stock. One run at a time. */
export const pushInventoryScheduled = inngest.createFunction(
  { ...scheduledFunction("inventoryPush"), concurrency: [{ limit: 1 }] },
  async ({ step }) => inventoryPushBody(step, "inngest"),
);
