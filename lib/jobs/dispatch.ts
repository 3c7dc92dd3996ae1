// One dispatch for background work: send the Inngest event when Inngest runs jobs (and the send
// succeeds); otherwise run the same body in this process, in the background. The product sync,
// order sync and offer jobs still carry their own copies (house-style debt "One dispatch"); new
// job kinds use this one.
import { jobMode } from "@/lib/jobs/mode";
import { logger } from "@/lib/logger";

type G = { __magflowDispatched?: Set<Promise<unknown>> };
const background = ((globalThis as G).__magflowDispatched ??= new Set());

export async function dispatchJob(what: string, send: () => Promise<unknown>, here: () => Promise<unknown>): Promise<"inngest" | "in-process"> {
  if (jobMode().mode !== "in-process") {
    try {
      await send();
      return "inngest";
    } catch (err) {
      logger.warn({ err, job: what }, "could not send the job to Inngest; running it in-process");
    }
  }
  const p: Promise<unknown> = here()
    .catch((err: unknown) => void logger.error({ err, job: what }, "background job failed"))
    .finally(() => background.delete(p));
  background.add(p);
  return "in-process";
}

/** Tests and graceful shutdown: resolves when this process's dispatched jobs have ended. */
export async function waitForDispatchedJobs() {
  while (background.size) await Promise.all([...background]);
}
