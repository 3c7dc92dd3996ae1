// The chunk step: fetch a range of pages concurrently (the account's limiter spaces them) and
// write each page as it arrives. Pages already done or failed (per the checkpoint) are skipped,
// so a retried chunk only fetches what is missing. eMAG failures of a page are recorded and do
// not fail the step; anything else (the database) throws so the step engine retries the chunk.
import pRetry from "p-retry";
import { isEmagApiError } from "@/lib/emag/errors";
import type { ProductOffer } from "@/lib/emag/schemas/offers";
import { patchAccountState, type Checkpoint } from "@/lib/sync/log-store";
import { syncErrors, syncProducts } from "@/lib/sync/metrics";
import { pagePayload } from "@/lib/sync/offer-row";
import { readFilter, type AccountKind } from "@/lib/sync/options";
import { recordEmptyPage, recordFailedPage, writePage } from "@/lib/sync/page-store";
import { emitProgress } from "@/lib/sync/progress";
import { accounted, guarded, interruptOf, noteHeartbeat, syncClient, type StopReason } from "@/lib/sync/runtime";

export interface PagesResult {
  written: number;
  failed: number;
  empty: number;
  interrupted?: StopReason;
}

// Speculative pages (requested before product_offer/count answered) that turn out to lie past the
// last page are aborted here by the count step, so those still queued in the limiter are never sent.
type SpecGlobal = { __magflowSyncSpeculative?: Map<string, Map<number, AbortController>> };
const speculative = ((globalThis as SpecGlobal).__magflowSyncSpeculative ??= new Map());
const PAST_END = "past-end";

// The count must reach the account's queue before the speculative pages, or it waits behind them
// (10 slots, 3.4 s) and so do the chunks that depend on it. Within one process the count step
// holds the first chunk back until its request is queued; across processes there is no gate.
type Gates = Map<string, Promise<void>>;
const countGates: Gates = ((globalThis as { __magflowSyncCountGates?: Gates }).__magflowSyncCountGates ??= new Map());

export function holdSpeculativePages(syncId: string, account: AccountKind): () => void {
  const key = `${syncId}:${account}`;
  let open!: () => void;
  countGates.set(key, new Promise<void>((resolve) => (open = resolve)));
  let done = false;
  return () => {
    if (done) return;
    done = true;
    countGates.delete(key);
    setImmediate(open); // after the client has queued the count (it does so within microtasks)
  };
}

export function abortPagesPastEnd(syncId: string, account: AccountKind, lastPage: number) {
  for (const [page, ctl] of speculative.get(`${syncId}:${account}`) ?? []) if (page > lastPage) ctl.abort(PAST_END);
}

const readPage = (account: AccountKind, page: number, ipp: number, filter: object, signal: AbortSignal) =>
  pRetry(() => syncClient(account).productOffer.read({ ...filter, currentPage: page, itemsPerPage: ipp }, { signal }), {
    // The client already retried transient failures; one more round after a pause rides out a burst.
    retries: 1,
    minTimeout: 1000,
    signal,
    shouldRetry: ({ error }) => isEmagApiError(error) && error.retryable && !signal.aborted,
  });

export async function syncPages(syncId: string, account: AccountKind, from: number, to: number): Promise<PagesResult | { stopped: StopReason }> {
  const res = await guarded(syncId, account, ({ log, options, signal }) =>
    accounted(syncId, account, async () => {
      const cp = (log.checkpoint as Checkpoint)[account];
      const settled = new Set([...(cp?.done ?? []), ...(cp?.failed ?? [])]);
      const last = cp?.total_pages ?? to;
      const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((p) => p <= last && !settled.has(p));
      const out: PagesResult = { written: 0, failed: 0, empty: 0 };
      const key = `${syncId}:${account}`;
      const spec = cp?.total_pages === null ? (speculative.get(key) ?? new Map<number, AbortController>()) : undefined;
      if (spec) speculative.set(key, spec);
      if (spec) await countGates.get(key);

      const one = async (page: number) => {
        const own = new AbortController();
        spec?.set(page, own);
        const pageSignal = AbortSignal.any([signal, own.signal]);
        let offers: ProductOffer[];
        const readAt = new Date();
        try {
          offers = await readPage(account, page, options.items_per_page, readFilter(options), pageSignal);
        } catch (err) {
          if (own.signal.aborted && !signal.aborted) return void (await recordEmptyPage(syncId, account, page), out.empty++);
          const stop = interruptOf(err, signal);
          if (stop) return void (out.interrupted ??= stop);
          if (!isEmagApiError(err)) throw err;
          const expected = Math.max(0, Math.min(options.items_per_page, (cp?.total_items ?? Infinity) - (page - 1) * options.items_per_page));
          const progress = await recordFailedPage(syncId, account, page, Number.isFinite(expected) ? expected : options.items_per_page, `page ${page}: ${err.message}`);
          syncErrors().inc({ account, type: err.code });
          out.failed++;
          if (progress) emitProgress(syncId, account, progress, "fetching pages");
          return;
        } finally {
          spec?.delete(page);
        }
        if (offers.length === 0) return void (await recordEmptyPage(syncId, account, page), out.empty++);
        const payload = pagePayload(offers);
        const r = await writePage({ syncId, account, page, payload, strategy: options.conflict_strategy, full: options.mode === "full", readAt });
        if (!r.live) return void (out.interrupted ??= "stopped");
        noteHeartbeat(syncId);
        if (!r.fresh) return;
        out.written++;
        for (const action of ["created", "updated", "unchanged", "conflicts"] as const)
          if (r[action]) syncProducts().inc({ account, action: action === "conflicts" ? "conflict" : action }, r[action]);
        if (r.progress) emitProgress(syncId, account, r.progress, "fetching pages", payload.ids.length);
      };

      const results = await Promise.allSettled(pages.map(one));
      if (spec?.size === 0) speculative.delete(key);
      const crash = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (crash) throw crash.reason;
      if (out.interrupted === "timeout") await patchAccountState(syncId, account, { interrupted: "timeout" });
      return out;
    }),
  );
  return res.stopped ? { stopped: res.stopped } : res.value;
}
