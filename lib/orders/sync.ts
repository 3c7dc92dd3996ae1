// Order sync engine: reads order/read for one account in windows of at most a month (eMAG's
// limit), count + first page of every window at once, then the remaining pages concurrently; the
// account's limiter (12 req/s for orders) paces them. Every page is written as it arrives
// (lib/orders/store.ts), and what it inserted raises order:new / notifications exactly once.
import type { EmagClient } from "@/lib/emag/client";
import type { EmagOrder } from "@/lib/emag/schemas/orders";
import { DAY_MS, emagTimestamp } from "@/lib/emag/time";
import type { OrderFilters } from "@/lib/emag/types";
import { announceOrders } from "@/lib/orders/alerts";
import { mapOrder } from "@/lib/orders/map";
import type { OrdersSyncOptions } from "@/lib/orders/schemas";
import type { AccountOutcome } from "@/lib/orders/sync-log";
import { addOrderSyncCounts, beatOrderSync, lastSuccessfulStart } from "@/lib/orders/sync-log";
import { upsertOrders } from "@/lib/orders/store";
import { collectIfGrown } from "@/lib/system/memory";
import type { AccountKind } from "@/lib/realtime/events";
import { holdHeartbeat, syncClient } from "@/lib/sync/runtime";

export const ORDERS_PAGE_SIZE = 100;
/** eMAG rejects windows over one month; 30 days stays clear of month-length edge cases. */
export const WINDOW_MS = 30 * DAY_MS;
/** Incremental syncs re-read this much before the last sync's start (clock skew, late writes). */
export const OVERLAP_MS = 10 * 60_000;

export interface Window {
  field: "created" | "modified";
  after: number;
  before: number;
}

/** Splits [from, to] into windows of at most WINDOW_MS, newest first. */
export function windowsFor(field: Window["field"], from: number, to: number): Window[] {
  const out: Window[] = [];
  for (let before = to; before > from; before -= WINDOW_MS) out.push({ field, after: Math.max(from, before - WINDOW_MS), before });
  return out;
}

const windowFilter = (w: Window): OrderFilters =>
  w.field === "created"
    ? { createdAfter: emagTimestamp(w.after), createdBefore: emagTimestamp(w.before) }
    : { modifiedAfter: emagTimestamp(w.after), modifiedBefore: emagTimestamp(w.before) };

export interface PlannedSync {
  windows: Window[];
  /** History (backfill, or a first sync): stored without per-order alerts. */
  silent: boolean;
}

/** What a sync of this account reads: a backfill walks created-date windows, incremental modified ones. */
export async function planAccount(account: AccountKind, options: OrdersSyncOptions, now = Date.now()): Promise<PlannedSync> {
  if (options.mode === "backfill") return { windows: windowsFor("created", now - options.days_back * DAY_MS, now), silent: true };
  const last = await lastSuccessfulStart(account);
  if (!last) return { windows: windowsFor("created", now - options.days_back * DAY_MS, now), silent: true };
  return { windows: windowsFor("modified", Math.min(last.getTime() - OVERLAP_MS, now - 60_000), now), silent: false };
}

interface RunContext {
  account: AccountKind;
  client: EmagClient;
  signal?: AbortSignal;
  silent: boolean;
  outcome: AccountOutcome;
  syncId: string;
}

/** Writes one page, counts it in the log, and raises its alerts. `requests`: what reading it cost. */
async function store(ctx: RunContext, orders: EmagOrder[], requests: number) {
  const { written, unchanged } = await upsertOrders(orders.map((o) => mapOrder(ctx.account, o)));
  collectIfGrown();
  const created = written.filter((w) => w.inserted).length;
  const counts = { created, updated: written.length - created, unchanged, pages: 1, requests };
  for (const k of ["created", "updated", "unchanged", "pages", "requests"] as const) ctx.outcome[k] += counts[k];
  await addOrderSyncCounts(ctx.syncId, ctx.account, counts);
  await announceOrders(written, { silent: ctx.silent, syncId: ctx.syncId });
}

async function readWindow(ctx: RunContext, w: Window) {
  const filters = { ...windowFilter(w), itemsPerPage: ORDERS_PAGE_SIZE };
  const opts = { signal: ctx.signal };
  // The count and page 1 go out together: a window that fits one page costs a single latency.
  const [count, first] = await Promise.all([ctx.client.order.count(filters, opts), ctx.client.order.read({ ...filters, currentPage: 1 }, opts)]);
  await store(ctx, first, 2);
  const pages = Math.ceil(count.noOfItems / ORDERS_PAGE_SIZE);
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2);
  await Promise.all(rest.map(async (page) => store(ctx, await ctx.client.order.read({ ...filters, currentPage: page }, opts), 1)));
}

/** A targeted sync (eMAG's new-order callback): the named orders plus the account's new ones. */
async function readTargeted(ctx: RunContext, ids: string[]) {
  const opts = { signal: ctx.signal };
  const reads: Promise<unknown>[] = [ctx.client.order.read({ id: ids, itemsPerPage: ORDERS_PAGE_SIZE, currentPage: 1 }, opts).then((o) => store(ctx, o, 1))];
  if (ctx.account === "main")
    reads.push(ctx.client.order.read({ status: 1, itemsPerPage: ORDERS_PAGE_SIZE, currentPage: 1 }, opts).then((o) => store(ctx, o, 1)));
  await Promise.all(reads);
}

/**
 * Syncs one account; throws on failure (the caller's step retries it: every write is idempotent).
 * The sync's heartbeat is kept fresh while it runs here (and a while after: lib/sync/runtime.ts).
 */
export async function syncAccountOrders(syncId: string, account: AccountKind, options: OrdersSyncOptions, signal?: AbortSignal): Promise<AccountOutcome> {
  const release = holdHeartbeat(syncId, () => beatOrderSync(syncId));
  try {
    return await readAccount(syncId, account, options, signal);
  } finally {
    release();
  }
}

async function readAccount(syncId: string, account: AccountKind, options: OrdersSyncOptions, signal?: AbortSignal): Promise<AccountOutcome> {
  const outcome: AccountOutcome = { account, created: 0, updated: 0, unchanged: 0, pages: 0, requests: 0 };
  const client = syncClient(account);
  if (options.order_ids?.length) {
    await readTargeted({ account, client, signal, silent: false, outcome, syncId }, options.order_ids);
    return outcome;
  }
  const plan = await planAccount(account, options);
  const ctx: RunContext = { account, client, signal, silent: plan.silent, outcome, syncId };
  await Promise.all(plan.windows.map((w) => readWindow(ctx, w)));
  return outcome;
}
