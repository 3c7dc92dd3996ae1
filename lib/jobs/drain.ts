// Graceful shutdown state, per process (globalThis: route modules and server.ts share it).
//   draining: SIGTERM arrived; new syncs and jobs are refused (503), running ones may finish.
//   halted:   the drain bound passed; in-process steps that have not started never start (their
//             sync logs stay "running" with their checkpoint, and go stale by heartbeat).
import { AppError } from "@/lib/api/errors";

type DrainGlobal = { __magflowDrain?: { draining: boolean; halted: boolean }; __magflowTrackedRuns?: Set<Promise<unknown>> };
const state = ((globalThis as DrainGlobal).__magflowDrain ??= { draining: false, halted: false });
const tracked = ((globalThis as DrainGlobal).__magflowTrackedRuns ??= new Set());

/** Registers a run the drain waits for (the in-process scheduler's runs); returns it. */
export function trackRun<T>(p: Promise<T>): Promise<T> {
  tracked.add(p);
  void p.finally(() => tracked.delete(p)).catch(() => {});
  return p;
}

/** Resolves when every tracked run has ended. */
export async function waitForTrackedRuns() {
  while (tracked.size) await Promise.allSettled([...tracked]);
}

export const isDraining = () => state.draining;
export const isHalted = () => state.halted;

export function startDraining() {
  state.draining = true;
}

export function haltJobs() {
  state.draining = true;
  state.halted = true;
}

/** Tests: back to normal. */
export function resetDrainForTests() {
  state.draining = false;
  state.halted = false;
}

/** Throws 503 while this instance shuts down: a client (or eMAG) retries, and reaches another instance. */
export function refuseWhileDraining(what: string) {
  if (state.draining)
    throw new AppError("unavailable", `This instance is shutting down; ${what} was not started. Retry in a moment.`, {
      headers: { "Retry-After": "5" },
    });
}
