// In-process usage log for the accounts page. With a Redis-shared budget it shows this process's
// share only; the budget itself is enforced across processes by the store.
import type { BucketBudget, EmagBucket } from "./limiter-store";

export type BucketUsage = {
  bucket: EmagBucket;
  limitPerSecond: number;
  limitPerMinute: number;
  /** Requests released in the last second / minute. */
  lastSecond: number;
  lastMinute: number;
  /** Callers currently waiting for a slot. */
  queued: number;
  /** Requests that had to wait, total and longest wait. */
  waits: number;
  waitMsTotal: number;
  maxWaitMs: number;
  /** 429 answers received from eMAG. */
  rateLimitHits: number;
  pausedUntil: string | null;
};

export function createUsageLog(bucket: EmagBucket, budget: BucketBudget) {
  let sends: number[] = [];
  let waits = 0;
  let waitMsTotal = 0;
  let maxWaitMs = 0;
  let hits = 0;

  const prune = (now: number) => {
    if (sends.length && sends[0]! <= now - 60_000) sends = sends.filter((t) => t > now - 60_000);
  };

  return {
    recordSend(at: number, waitedMs: number) {
      sends.push(at);
      prune(at);
      if (waitedMs > 1) {
        waits++;
        waitMsTotal += waitedMs;
        maxWaitMs = Math.max(maxWaitMs, waitedMs);
      }
    },
    recordHit() {
      hits++;
    },
    snapshot(now: number, queued: number, pausedUntil: number): BucketUsage {
      prune(now);
      return {
        bucket,
        limitPerSecond: budget.perSecond,
        limitPerMinute: budget.perMinute,
        lastSecond: sends.filter((t) => t > now - 1000).length,
        lastMinute: sends.length,
        queued,
        waits,
        waitMsTotal,
        maxWaitMs,
        rateLimitHits: hits,
        pausedUntil: pausedUntil > now ? new Date(pausedUntil).toISOString() : null,
      };
    },
  };
}
