// The in-process StepRunner: each step is retried with exponential backoff, like Inngest would.
// Lives in lib/ (not inngest/) so lib code that runs job bodies in the background, such as a
// requested product sync, can use it without importing the Inngest function list.
// Once shutdown has halted jobs (lib/jobs/drain.ts), a step (or a retry) that has not started
// never starts and never settles: the body stops where it is, writing no end, and the process exits.
import pRetry from "p-retry";
import { isHalted } from "@/lib/jobs/drain";
import type { StepRunner } from "@/lib/jobs/step";
import { logger } from "@/lib/logger";

const never = () => new Promise<never>(() => {});

export function inProcessStep(jobId: string, retries = 3): StepRunner {
  return {
    run: (id, fn) =>
      isHalted()
        ? never()
        : pRetry(() => (isHalted() ? never() : fn()), {
            retries,
            minTimeout: 500,
            factor: 2,
            randomize: true,
            onFailedAttempt: ({ error, attemptNumber }) =>
              logger.warn({ jobId, step: id, attemptNumber, err: error.message }, "in-process step failed, retrying"),
          }),
  };
}
