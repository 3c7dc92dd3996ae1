// What every sync step runs inside: the sync must still be running, a deadline (started_at +
// timeout_seconds) and cancellation abort in-flight eMAG requests, a heartbeat proves the worker
// is alive, and eMAG requests/waits are added to the log. All of it is per process, so it holds
// whether the step runs in-process or as an Inngest step in another process.
import { isEmagApiError } from "@/lib/emag/errors";
import { getEmagClient } from "@/lib/emag/config";
import type { EmagClient } from "@/lib/emag/client";
import { emagRequests } from "@/lib/emag/metrics";
import type { SyncLog } from "@/lib/generated/prisma/client";
import { addRequestCounts, beat, optionsOf, readSyncLogForStep } from "@/lib/sync/log-store";
import type { AccountKind, SyncOptions } from "@/lib/sync/options";
import { tickProgress } from "@/lib/sync/progress";

export const HEARTBEAT_MS = 2_000;

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

  const ac = new AbortController();
  active.count++;
  const set = controllers.get(syncId) ?? new Set<AbortController>();
  controllers.set(syncId, set.add(ac));
  const deadline = setTimeout(() => ac.abort(new SyncInterrupt("timeout")), remaining);
  // Page statements refresh the heartbeat (and notice a cancel) themselves; this one covers the
  // quiet stretches, such as waiting 3-4 s for eMAG, and only then costs a statement.
  const heartbeat = setInterval(() => {
    if (Date.now() - (lastBeat.get(syncId) ?? 0) < HEARTBEAT_MS) return;
    noteHeartbeat(syncId);
    beat(syncId).then((alive) => alive || ac.abort(new SyncInterrupt("cancelled")), () => {});
  }, HEARTBEAT_MS / 2);
  const ticker = account ? setInterval(() => tickProgress(syncId, account), 1000) : undefined;
  try {
    return { value: await fn({ log, options, signal: ac.signal }) };
  } finally {
    clearTimeout(deadline);
    clearInterval(heartbeat);
    clearInterval(ticker);
    set.delete(ac);
    if (set.size === 0) {
      controllers.delete(syncId);
      lastBeat.delete(syncId);
    }
    if (--active.count === 0) for (const wake of active.idle.splice(0)) wake();
  }
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
