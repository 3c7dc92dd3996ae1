// Job bodies of inventory: the 1-minute push (Inngest function inngest/functions/inventory.ts, or
// the in-process scheduler) and the push that ends an order sync. Each is one named step.
import type { StepRunner } from "@/lib/jobs/step";
import { logger } from "@/lib/logger";
import type { PushResult } from "./api-types";
import { pushInventory } from "./push";

/** Every minute: MAIN's due items (dirty for longer than the debounce), and the low-stock check. */
export async function inventoryPushBody(step: StepRunner, _source: string) {
  return (await step.run("push-inventory-main", () => pushInventory("main"))) as PushResult;
}

/**
 * The order sync's last step: the sync was the burst, so no debounce. A failure is logged and does
 * not fail the sync; the items stay dirty and the 1-minute push sends them.
 */
export async function pushAfterOrderSync(accounts: readonly string[]): Promise<PushResult | null> {
  if (!accounts.includes("main")) return null;
  try {
    return await pushInventory("main", { debounceMs: 0 });
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "inventory push after the order sync failed");
    return null;
  }
}
