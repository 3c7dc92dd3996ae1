import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { productsSyncRequested, productsSyncRequestedSchema } from "@/inngest/events";
import { productSyncBody } from "@/lib/sync/job";
import { CHUNK_LANES } from "@/lib/sync/options";
import { SYNC_FUNCTION_ID } from "@/lib/sync/service";

/**
 * Runs a requested product sync (its log already exists, created under the one-sync-per-account
 * lock). Flow control: idempotency on sync_id, so a re-sent event never starts a second run. The
 * per-account key is not of limit 1: Inngest counts executing *steps* against concurrency, which
 * would serialise the parallel chunk steps; it bounds one account's steps to one sync's lanes, and
 * exclusivity per account is the database lock's job. The global limit is what one sync of both
 * accounts runs at once (count + first chunk + lanes each).
 * A run that fails for good (only plan/finish can: account failures are caught in the body) leaves
 * its log "running" without heartbeats; the stuck-sync cleanup fails it.
 */
export const syncProducts = inngest.createFunction(
  {
    id: SYNC_FUNCTION_ID,
    name: "eMAG product sync",
    triggers: [productsSyncRequested],
    idempotency: "event.data.sync_id",
    // Per account: at most one sync's worth of steps (count, first chunk, lanes) at a time anywhere;
    // overall: both accounts at once.
    concurrency: [{ limit: 2 * (CHUNK_LANES + 2) }, { key: "event.data.account_type", limit: CHUNK_LANES + 2 }],
    retries: 3,
    // The lanes must start as soon as the count answers, while the first chunk is still running;
    // Inngest's optimised parallelism would hold every pending step until all of them settle.
    optimizeParallelism: false,
  },
  async ({ event, step }) => {
    const parsed = productsSyncRequestedSchema.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError(`Invalid emag/products.sync-requested payload: ${parsed.error.message}`);
    return productSyncBody(step, parsed.data.sync_id);
  },
);
