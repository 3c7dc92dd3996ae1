// Returns sync of one account, run as the order sync's `returns-<account>` step (lib/orders/jobs.ts).
// rma/read filters by request date only (date_start/date_end, contract §8), with no "modified"
// filter, so an incremental read covers [the oldest still-open stored return, now], widened to
// the last successful returns sync minus an overlap: every return eMAG can still change, plus the
// new ones (open returns older than RETURNS_OPEN_LOOKBACK_MS are left to a backfill). A first
// sync (no earlier returns sync) or a backfill reads the whole history silently.
// Count and every page go out at once; the client's account limiter paces them.
import type { AccountKind } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import type { EmagClient } from "@/lib/emag/client";
import type { EmagRma } from "@/lib/emag/schemas/rma";
import { DAY_MS, emagTimestamp } from "@/lib/emag/time";
import type { RmaFilters } from "@/lib/emag/types";
import type { OrdersSyncOptions } from "@/lib/orders/schemas";
import { addReturnsSyncCounts, lastSuccessfulReturnsStart, type ReturnsOutcome } from "@/lib/orders/sync-log";
import { announceReturns } from "@/lib/returns/alerts";
import { TERMINAL_REQUEST_STATUSES } from "@/lib/returns/labels";
import { mapReturn } from "@/lib/returns/map";
import { upsertReturns } from "@/lib/returns/store";

export const RETURNS_PAGE_SIZE = 100;
/**
 * Incremental reads start this much before the last returns sync began. Wider than the orders'
 * 10 minutes: eMAG dates a return by its request, which a buyer may finish (status 1 -> 2) some
 * time after starting it; a day of returns is a page at most.
 */
export const RETURNS_OVERLAP_MS = 24 * 3_600_000;

/**
 * How far back an incremental read follows still-open returns. eMAG closes a return within weeks
 * (extra_info.maximum_finalization_date); one stuck open for longer must not make every 5-minute
 * sync re-read the whole history. A backfill (mode "backfill") refreshes those.
 */
export const RETURNS_OPEN_LOOKBACK_MS = 120 * DAY_MS;

export interface ReturnsPlan {
  /** eMAG's date_start (Bucharest time); undefined: the whole history. */
  dateStart?: string;
  silent: boolean;
}

/** The request date of the account's oldest stored return that is not in a terminal status (within the look-back). */
async function oldestOpenReturn(account: AccountKind, now: number): Promise<Date | null> {
  const r = await db.emagReturn.findFirst({
    where: { account, requestStatus: { notIn: [...TERMINAL_REQUEST_STATUSES] }, emagDate: { gte: new Date(now - RETURNS_OPEN_LOOKBACK_MS) } },
    orderBy: { emagDate: "asc" },
    select: { emagDate: true },
  });
  return r?.emagDate ?? null;
}

export async function planReturns(account: AccountKind, options: Pick<OrdersSyncOptions, "mode">, now = Date.now()): Promise<ReturnsPlan> {
  if (options.mode === "backfill") return { silent: true };
  const [last, open] = await Promise.all([lastSuccessfulReturnsStart(account), oldestOpenReturn(account, now)]);
  if (!last) return { silent: true };
  const from = Math.min(last.getTime() - RETURNS_OVERLAP_MS, open?.getTime() ?? Infinity);
  return { dateStart: emagTimestamp(from), silent: false };
}

interface RunContext {
  syncId: string;
  account: AccountKind;
  silent: boolean;
  outcome: ReturnsOutcome;
}

async function store(ctx: RunContext, rmas: EmagRma[], requests: number) {
  const { written, unchanged } = await upsertReturns(rmas.map((r) => mapReturn(ctx.account, r)));
  const created = written.filter((w) => w.inserted).length;
  const counts = { created, updated: written.length - created, unchanged, pages: 1, requests };
  for (const k of ["created", "updated", "unchanged", "pages", "requests"] as const) ctx.outcome[k] += counts[k];
  await addReturnsSyncCounts(ctx.syncId, ctx.account, counts);
  announceReturns(written, { silent: ctx.silent });
}

/** Syncs one account's returns; throws on failure (the caller's step retries it: every write is idempotent). */
export async function syncAccountReturns(
  syncId: string,
  account: AccountKind,
  client: EmagClient,
  options: Pick<OrdersSyncOptions, "mode">,
  signal?: AbortSignal,
): Promise<ReturnsOutcome> {
  const outcome: ReturnsOutcome = { account, created: 0, updated: 0, unchanged: 0, pages: 0, requests: 0 };
  const plan = await planReturns(account, options);
  const ctx: RunContext = { syncId, account, silent: plan.silent, outcome };
  const filters: RmaFilters = { itemsPerPage: RETURNS_PAGE_SIZE, ...(plan.dateStart ? { date_start: plan.dateStart } : {}) };
  const opts = { signal };
  // The count and page 1 together: a read that fits one page costs a single latency.
  const [count, first] = await Promise.all([client.rma.count(filters, opts), client.rma.read({ ...filters, currentPage: 1 }, opts)]);
  await store(ctx, first, 2);
  const pages = Math.ceil(count.noOfItems / RETURNS_PAGE_SIZE);
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2);
  await Promise.all(rest.map(async (page) => store(ctx, await client.rma.read({ ...filters, currentPage: page }, opts), 1)));
  return outcome;
}
