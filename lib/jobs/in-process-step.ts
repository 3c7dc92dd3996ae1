// The in-process StepRunner: each step is retried with exponential backoff, like Inngest would.
// Lives in lib/ (not inngest/) so lib code that runs job bodies in the background, such as a
// requested product sync, can use it without importing the Inngest function list.
import pRetry from "p-retry";
import type { StepRunner } from "@/lib/jobs/step";
import { logger } from "@/lib/logger";

export function inProcessStep(jobId: string, retries = 3): StepRunner {
  return {
    run: (id, fn) =>
      pRetry(fn, {
        retries,
        minTimeout: 500,
        factor: 2,
        randomize: true,
        onFailedAttempt: ({ error, attemptNumber }) =>
          logger.warn({ jobId, step: id, attemptNumber, err: error.message }, "in-process step failed, retrying"),
      }),
  };
}
