"use client";
// Follows offer jobs live: "offer-job:progress" / "offer-job:completed" (the "sync" channel) patch
// the cached job and job lists; polling GET /jobs/{id} covers a socket that is down or an event
// that never came (opened mid-job, another instance ran the job).
import { useEffect, useRef } from "react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useSocket, useSocketEvent } from "@/components/providers/use-socket";
import type { OfferJobPayload } from "@/lib/realtime/events";
import type { Page } from "@/lib/ui/api-client";
import { productKeys } from "@/lib/ui/queries/emag-products";
import { isJobOpen, offerKeys, offerQueries, type OfferJob, type OfferJobStatus } from "@/lib/ui/queries/offers";

const POLL_LIVE_MS = 4_000;
const POLL_FALLBACK_MS = 1_500;

function patch<T extends OfferJob>(job: T, p: OfferJobPayload): T {
  // Events may arrive out of order: never move a finished job back to running.
  const status = !isJobOpen(job.status) && isJobOpen(p.status as OfferJobStatus) ? job.status : (p.status as OfferJobStatus);
  return { ...job, status, total: p.total, applied: p.applied, rejected: p.rejected, failed: p.failed, percent: p.percent };
}

function patchCaches(qc: QueryClient, p: OfferJobPayload): boolean {
  qc.setQueryData<OfferJob & Record<string, unknown>>(offerKeys.job(p.jobId), (old) => (old ? patch(old, p) : old));
  let listed = false;
  qc.setQueriesData<Page<OfferJob>>({ queryKey: offerKeys.jobLists() }, (old) => {
    if (!old?.data.some((j) => j.id === p.jobId)) return old;
    listed = true;
    return { ...old, data: old.data.map((j) => (j.id === p.jobId ? patch(j, p) : j)) };
  });
  return listed;
}

/** One job, kept current. */
export function useOfferJob(id: string | null) {
  const { state } = useSocket();
  const qc = useQueryClient();
  const job = useQuery({
    ...offerQueries.job(id ?? ""),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && !isJobOpen(q.state.data.status) ? false : state === "connected" ? POLL_LIVE_MS : POLL_FALLBACK_MS),
  });
  useSocketEvent("offer-job:progress", (p) => {
    if (p.jobId === id) patchCaches(qc, p);
  });
  useSocketEvent("offer-job:completed", (p) => {
    if (p.jobId !== id) return;
    patchCaches(qc, p);
    // The final counters and items_by_status come from the server.
    void qc.invalidateQueries({ queryKey: offerKeys.job(p.jobId) });
  });
  return job;
}

/**
 * Every job event, for screens that list jobs or show offers: lists are patched in place, a job
 * no list shows yet (just started elsewhere) refreshes them once per burst, and a finished job
 * refreshes the products it changed.
 */
export function useOfferJobsLive() {
  const qc = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshLists = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void qc.invalidateQueries({ queryKey: offerKeys.jobLists() });
    }, 500);
  };
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);
  useSocketEvent("offer-job:progress", (p) => {
    if (!patchCaches(qc, p)) refreshLists();
  });
  useSocketEvent("offer-job:completed", (p) => {
    patchCaches(qc, p);
    refreshLists();
    void qc.invalidateQueries({ queryKey: offerKeys.job(p.jobId) });
    void qc.invalidateQueries({ queryKey: productKeys.all });
  });
}
