// What every sync step runs inside: the sync must still be running, a deadline (started_at +
// timeout_seconds) and cancellation abort in-flight eMAG requests, a heartbeat proves the worker
// is alive, and eMAG requests/waits are added to the log. All of it is per process, so it holds
// whether the step runs in-process or as an Inngest step in another process.
import { isEmagApiError } from "@/lib/emag/errors";
import { isHalted } from "@/lib/jobs/drain";
import { getEmagClient } from "@/lib/emag/config";
import type { EmagClient } from "@/lib/emag/client";
import { emagRequests } from "@/lib/emag/metrics";
import type { SyncLog } from "@/lib/generated/prisma/client";
import { addRequestCounts, beat, optionsOf, readSyncLogForStep } from "@/lib/sync/log-store";
import type { AccountKind, SyncOptions } from "@/lib/sync/options";
import { tickProgress } from "@/lib/sync/progress";

export const HEARTBEAT_MS = 2_000;
/**
 * A sync's heartbeat outlives its last step in this process by this much: it covers the gap to its
 * next step (a retry's backoff, a step without statements), so a live sync is never silent for
 * HEARTBEAT_MS * 3, the bound at which a booting instance fails it. A crashed process stops at once.
 */
export const HEARTBEAT_LINGER_MS = 60_000;

const lastBeat = ((globalThis as { __magflowSyncBeats?: Map<string, number> }).__magflowSyncBeats ??= new Map<string, number>());
/** A statement of this sync just refreshed its heartbeat. */
export const noteHeartbeat = (syncId: string) => void lastBeat.set(syncId, Date.now());

export type StopReason = "timeout" | "cancelled" | "stopped";
export class SyncInterrupt extends Error {
  constructor(readonly reason: StopReason) {
    super(`sync ${reason}`);
    this.name = "SyncInterrupt";
  }
}

type ClientFactory = (kind: AccountKind) => EmagClient;
type RuntimeGlobal = { __magflowSyncControllers?: Map<string, Set<AbortController>>; __magflowSyncClients?: ClientFactory };
const g = globalThis as RuntimeGlobal;
const controllers = (g.__magflowSyncControllers ??= new Map());

/** The eMAG client a sync uses: the app's shared one per account unless a test or bench swapped it. */
export const syncClient = (kind: AccountKind): EmagClient => (g.__magflowSyncClients ?? getEmagClient)(kind);

/** Tests and benchmarks: run syncs against other clients (e.g. a simulator with a larger budget). */
export function setSyncClientFactory(factory: ClientFactory | undefined) {
  g.__magflowSyncClients = factory;
}

/** Aborts this process's in-flight work of a sync at once (cancel, cleanup). */
export function abortLocal(syncId: string, reason: StopReason) {
  for (const c of controllers.get(syncId) ?? []) c.abort(new SyncInterrupt(reason));
}

export const interruptOf = (err: unknown, signal?: AbortSignal): StopReason | undefined => {
  if (err instanceof SyncInterrupt) return err.reason;
  if (signal?.aborted) return signal.reason instanceof SyncInterrupt ? signal.reason.reason : "stopped";
  if (isEmagApiError(err) && err.cause instanceof SyncInterrupt) return err.cause.reason;
  return undefined;
};

export interface GuardContext {
  log: SyncLog;
  options: SyncOptions;
  signal: AbortSignal;
}

export type Guarded<T> = { stopped: StopReason } | { stopped?: undefined; value: T };

export async function guarded<T>(syncId: string, account: AccountKind | null, fn: (ctx: GuardContext) => Promise<T>): Promise<Guarded<T>> {
  const log = await readSyncLogForStep(syncId);
  if (!log || log.status !== "running") return { stopped: "stopped" };
  const options = optionsOf(log);
  const remaining = log.startedAt.getTime() + options.timeout_seconds * 1000 - Date.now();
  if (remaining <= 0) return { stopped: "timeout" };
  if (isHalted()) return { stopped: "stopped" }; // shutdown: the log stays running for another instance

  const ac = new AbortController();
  active.count++;
  const set = controllers.get(syncId) ?? new Set<AbortController>();
  controllers.set(syncId, set.add(ac));
  const deadline = setTimeout(() => ac.abort(new SyncInterrupt("timeout")), remaining);
  // Page statements refresh the heartbeat (and notice a cancel) themselves; the keeper covers the
  // quiet stretches, such as waiting 3-4 s for eMAG, and the gaps between steps.
  const release = holdHeartbeat(syncId, () => beat(syncId), () => abortLocal(syncId, "cancelled"));
  const ticker = account ? setInterval(() => tickProgress(syncId, account), 1000) : undefined;
  try {
    return { value: await fn({ log, options, signal: ac.signal }) };
  } finally {
    clearTimeout(deadline);
    release();
    clearInterval(ticker);
    set.delete(ac);
    if (set.size === 0) controllers.delete(syncId);
    if (--active.count === 0) for (const wake of active.idle.splice(0)) wake();
  }
}

// One heartbeat keeper per sync running in this process (product or order sync): it beats every
// HEARTBEAT_MS (unless a statement of the sync just did) while a hold is open, and for
// HEARTBEAT_LINGER_MS after the last hold closed. It stops when the log is no longer running.
type Keeper = { refs: number; idleSince: number; timer?: NodeJS.Timeout };
const keepers = ((globalThis as { __magflowSyncKeepers?: Map<string, Keeper> }).__magflowSyncKeepers ??= new Map<string, Keeper>());

function stopKeeper(syncId: string, keeper: Keeper) {
  clearInterval(keeper.timer);
  if (keepers.get(syncId) === keeper) {
    keepers.delete(syncId);
    lastBeat.delete(syncId);
  }
}

/**
 * Keeps the sync's heartbeat fresh from now until the returned release has been called and
 * HEARTBEAT_LINGER_MS more have passed. `beatOnce` writes one heartbeat and tells whether the log
 * is still running; `onEnded` runs when it is not (cancelled, failed by cleanup, finished).
 */
export function holdHeartbeat(syncId: string, beatOnce: () => Promise<boolean>, onEnded?: () => void): () => void {
  if (isHalted()) return () => {}; // shutdown: this process beats no more
  let keeper = keepers.get(syncId);
  if (!keeper) {
    const k: Keeper = { refs: 0, idleSince: Date.now() };
    k.timer = setInterval(() => {
      if (isHalted() || (k.refs === 0 && Date.now() - k.idleSince > HEARTBEAT_LINGER_MS)) return stopKeeper(syncId, k);
      if (Date.now() - (lastBeat.get(syncId) ?? 0) < HEARTBEAT_MS) return;
      noteHeartbeat(syncId);
      beatOnce().then(
        (alive) => {
          if (alive) return;
          stopKeeper(syncId, k);
          onEnded?.();
        },
        () => {},
      );
    }, HEARTBEAT_MS / 2);
    k.timer.unref();
    keepers.set(syncId, k);
    keeper = k;
  }
  const held = keeper;
  held.refs++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--held.refs === 0) held.idleSince = Date.now();
  };
}

/** Shutdown: this process writes no more heartbeats (its syncs go stale and another instance takes over). */
export function stopHeartbeats() {
  for (const [syncId, keeper] of [...keepers]) stopKeeper(syncId, keeper);
}

/** Shutdown: aborts the in-flight work of every sync in this process. */
export function abortAllLocal(reason: StopReason) {
  for (const syncId of [...controllers.keys()]) abortLocal(syncId, reason);
}

type Active = { count: number; idle: (() => void)[] };
const active: Active = ((globalThis as { __magflowSyncActive?: Active }).__magflowSyncActive ??= { count: 0, idle: [] });

/** Resolves once no sync step is running in this process (graceful shutdown, tests). */
export function syncStepsIdle(): Promise<void> {
  return active.count === 0 ? Promise.resolve() : new Promise((resolve) => active.idle.push(resolve));
}

// eMAG requests (every attempt, retries included) and limiter waits are process-wide counters per
// account. Only one sync per account runs at a time, so the growth of those counters while any
// step of this sync is active in this process belongs to it. Overlapping steps share one window.
const windows = new Map<string, { refs: number; base: Promise<[number, number]> }>();

async function productRequests(account: AccountKind) {
  const { values } = await emagRequests().get();
  return values.filter((v) => v.labels.account === account && v.labels.resource === "product_offer").reduce((s, v) => s + v.value, 0);
}
const limiterWaits = (account: AccountKind) => syncClient(account).usage().buckets.default.waits;

export async function accounted<T>(syncId: string, account: AccountKind, fn: () => Promise<T>): Promise<T> {
  const key = `${syncId}:${account}`;
  let w = windows.get(key);
  if (!w) {
    // Set synchronously, so steps starting together share one window.
    w = { refs: 0, base: Promise.all([productRequests(account), limiterWaits(account)]) };
    windows.set(key, w);
  }
  w.refs++;
  try {
    return await fn();
  } finally {
    if (--w.refs === 0) {
      windows.delete(key);
      const [requests, waits] = await w.base;
      await addRequestCounts(syncId, (await productRequests(account)) - requests, limiterWaits(account) - waits).catch(() => {});
    }
  }
}
