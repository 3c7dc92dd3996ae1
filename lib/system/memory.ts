// Gives back the memory a big import grew. A sync allocates a lot of short-lived garbage (pages of
// eMAG JSON, mapped rows, SQL parameters); V8 lets its heap grow to hold it and, left alone, keeps
// that memory for a long while after the sync: the first demo start grew node's RSS by ~250 MB
// that it never used again (bench:startup). After a sync ends, and once no other sync runs in this
// process, one full collection lets V8 shrink its heap and return the pages to the OS.
//
// The collector is reached through V8's own --expose-gc flag, set at runtime; a full collection of
// a ~60 MB live heap pauses the process for tens of milliseconds, so it runs at most once per
// RELEASE_EVERY_MS, a few seconds after the last sync of a burst ended.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { logger } from "@/lib/logger";

const SETTLE_MS = 2_000;
const RELEASE_EVERY_MS = 60_000;
/**
 * During a sync: past this much heap in use, a page write runs a full collection first. V8 would
 * otherwise let the garbage of an import grow the heap to ~250 MB before collecting, and keep most
 * of those pages (RSS) long after; collecting at this ceiling costs ~50 ms per ~100 pages.
 */
export const HEAP_CEILING_BYTES = 112 * 2 ** 20;
const COLLECT_GAP_MS = 1_000;

type MemoryGlobal = { __magflowMemory?: { running: number; timer?: NodeJS.Timeout; last: number; gc?: () => void } };
const g = globalThis as MemoryGlobal;
const state = (g.__magflowMemory ??= { running: 0, last: 0 });

function collector(): (() => void) | undefined {
  if (!state.gc) {
    try {
      setFlagsFromString("--expose-gc");
      state.gc = runInNewContext("gc") as () => void;
    } catch {
      return undefined;
    }
  }
  return state.gc;
}

/** Runs one full collection now (if V8 allows it) and logs what it gave back. */
export function releaseMemory(reason: string) {
  const gc = collector();
  if (!gc) return;
  const before = process.memoryUsage();
  const t = performance.now();
  gc();
  state.last = Date.now();
  const after = process.memoryUsage();
  logger.debug(
    { reason, ms: Math.round(performance.now() - t), rssMb: [before.rss, after.rss].map((b) => Math.round(b / 2 ** 20)), heapMb: [before.heapUsed, after.heapUsed].map((b) => Math.round(b / 2 ** 20)) },
    "memory released after a sync",
  );
}

/** Called after each page a sync writes: collects when the heap passed HEAP_CEILING_BYTES (at most once a second). */
export function collectIfGrown() {
  if (Date.now() - state.last < COLLECT_GAP_MS) return;
  if (process.memoryUsage().heapUsed < HEAP_CEILING_BYTES) return;
  releaseMemory("heap ceiling during a sync");
}

/** Wraps one in-process sync: when the last running one ends, memory is released shortly after. */
export async function withMemoryRelease<T>(reason: string, run: () => Promise<T>): Promise<T> {
  state.running++;
  clearTimeout(state.timer);
  try {
    return await run();
  } finally {
    state.running--;
    if (state.running === 0) {
      const wait = Math.max(SETTLE_MS, state.last + RELEASE_EVERY_MS - Date.now());
      state.timer = setTimeout(() => state.running === 0 && releaseMemory(reason), wait);
      state.timer.unref();
    }
  }
}
