// Offer-change jobs: created from planned items (only valid items that change something), split into
// batches (offer/save takes 50 offers a call; PATCH offer_stock one), run durably (Inngest or
// in-process), cancelled, retried. Every job is audited with who asked; its items are each offer's
// change history.
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { refuseWhileDraining } from "@/lib/jobs/drain";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_ENTITIES_PER_SAVE } from "@/lib/emag/endpoints";
import { emit } from "@/lib/realtime/emit";
import type { OfferJobPayload } from "@/lib/realtime/events";
import { routeFor } from "./rules";
import type { OfferJobActor, OfferJobKind, OfferRoute, PlannedItem } from "./types";

/** Stock-only changes for more offers than this ride offer/save (50 a call) instead of one PATCH each. */
export const STOCK_PATCH_MAX = 3;

export interface CreateJobInput {
  kind: OfferJobKind;
  actor: OfferJobActor;
  spec: Record<string, unknown>;
  items: PlannedItem[];
  idempotencyKey?: string | null;
  parentJobId?: string | null;
}

/** Assigns each item its route and batch: per account and route, 50 offers per offer/save call. */
export function batchItems(items: PlannedItem[]): { item: PlannedItem; route: OfferRoute; batch: number }[] {
  const stockOnly = items.filter((i) => routeFor(i.changes) === "offer_stock").length;
  const out: { item: PlannedItem; route: OfferRoute; batch: number }[] = [];
  let batch = 0;
  for (const account of ["main", "fbe"] as const) {
    const mine = items.filter((i) => i.target.account === account);
    const patch = mine.filter((i) => stockOnly <= STOCK_PATCH_MAX && routeFor(i.changes) === "offer_stock");
    const save = mine.filter((i) => !patch.includes(i));
    for (const item of patch) out.push({ item, route: "offer_stock", batch: ++batch });
    for (let i = 0; i < save.length; i += MAX_ENTITIES_PER_SAVE) {
      batch++;
      for (const item of save.slice(i, i + MAX_ENTITIES_PER_SAVE)) out.push({ item, route: "offer_save", batch });
    }
  }
  return out;
}

const findJob = (id: string) => db.offerJob.findUnique({ where: { id } });

type Tx = Prisma.TransactionClient;

/**
 * Creates the job and its items in one transaction (or inside the caller's, `tx`, so the caller's
 * own bookkeeping commits with the job; the caller then dispatches it after the commit). Items
 * with violations or no change are not sent.
 */
export async function createOfferJob(input: CreateJobInput, tx?: Tx) {
  refuseWhileDraining("the offer job"); // 503 while this instance shuts down: the client retries elsewhere
  const sendable = input.items.filter((i) => i.violations.length === 0 && Object.keys(i.changes).length > 0);
  const skipped = input.items.length - sendable.length;
  const planned = batchItems(sendable);
  const batches = planned.reduce((m, p) => Math.max(m, p.batch), 0);
  const write = async (tx: Tx) => {
    const job = await tx.offerJob.create({
      data: {
        kind: input.kind,
        status: planned.length ? "pending" : "completed",
        spec: input.spec as Prisma.InputJsonObject,
        total: planned.length,
        skipped,
        batches,
        createdById: input.actor.userId,
        triggeredBy: input.actor.triggeredBy,
        parentJobId: input.parentJobId ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        completedAt: planned.length ? null : new Date(),
      },
    });
    if (planned.length)
      await tx.offerJobItem.createMany({
        data: planned.map(({ item, route, batch }) => ({
          jobId: job.id,
          productId: item.target.productId,
          account: item.target.account,
          emagOfferId: item.target.emagOfferId,
          seq: item.seq,
          batch,
          route,
          before: item.target.values as Prisma.InputJsonObject,
          changes: item.changes as Prisma.InputJsonObject,
        })),
      });
    await recordAudit(tx, {
      actorId: input.actor.userId,
      requestId: input.actor.requestId ?? null,
      action: `offers.${input.kind}`,
      entityType: "offer_job",
      entityId: job.id,
      newValues: { kind: input.kind, by: input.actor.triggeredBy, total: planned.length, skipped, spec: input.spec },
    });
    return job;
  };
  if (tx) return write(tx);
  try {
    return await db.$transaction(write);
  } catch (err) {
    // The same Idempotency-Key again: answer with the job it created the first time.
    if (input.idempotencyKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await db.offerJob.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return existing;
    }
    throw err;
  }
}

export function jobPayload(j: { id: string; kind: string; status: string; total: number; applied: number; rejected: number; failed: number }, cancelled = 0): OfferJobPayload {
  const done = j.applied + j.rejected + j.failed + cancelled;
  return {
    jobId: j.id, kind: j.kind, status: j.status, total: j.total, applied: j.applied, rejected: j.rejected, failed: j.failed, cancelled,
    percent: j.total ? Math.min(100, Math.round((done / j.total) * 1000) / 10) : 100,
  };
}

/** Recounts the job's items into its counters (the items are the truth) and announces progress. */
export async function refreshJobCounters(jobId: string, announce: "progress" | "completed" | false = "progress") {
  const rows = await db.$queryRaw<{ status: string; n: number }[]>`
    SELECT status, count(*)::int AS n FROM offer_job_items WHERE job_id = ${jobId}::uuid GROUP BY status`;
  const c = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  const job = await db.offerJob.update({
    where: { id: jobId },
    data: { applied: c.applied ?? 0, rejected: c.rejected ?? 0, failed: c.failed ?? 0, heartbeatAt: new Date() },
  });
  if (announce) emit(announce === "completed" ? "offer-job:completed" : "offer-job:progress", jobPayload(job, c.cancelled ?? 0));
  return { job, counts: c };
}

/** Marks the job running (once); a cancelled or finished job is left alone. */
export async function markJobRunning(jobId: string) {
  await db.offerJob.updateMany({ where: { id: jobId, status: "pending" }, data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() } });
  return findJob(jobId);
}

/** The final status from the items: completed (all applied), partial, failed (none applied), cancelled. */
export async function finishOfferJob(jobId: string) {
  const { job, counts } = await refreshJobCounters(jobId, false);
  const open = (counts.pending ?? 0) + (counts.sending ?? 0);
  if (open) return job; // not every batch ran (a crash between steps): recovery resumes it
  const status = job.cancelRequestedAt
    ? "cancelled"
    : job.applied === job.total
      ? "completed"
      : job.applied === 0 && job.total > 0
        ? "failed"
        : "partial";
  const ended = await db.offerJob.update({ where: { id: jobId }, data: { status, completedAt: job.completedAt ?? new Date() } });
  emit("offer-job:completed", jobPayload(ended, counts.cancelled ?? 0));
  return ended;
}

/** Stops a job: batches not yet sent are cancelled; items already sent still get their verdict. */
export async function cancelOfferJob(jobId: string, actor: OfferJobActor) {
  const job = await findJob(jobId);
  if (!job) throw new AppError("not_found", "Offer job not found");
  if (!["pending", "running"].includes(job.status)) throw new AppError("conflict", `The job is already ${job.status}`);
  await db.$transaction(async (tx) => {
    await tx.offerJob.update({ where: { id: jobId }, data: { cancelRequestedAt: new Date() } });
    await tx.offerJobItem.updateMany({ where: { jobId, status: "pending" }, data: { status: "cancelled", message: "Cancelled before it was sent", decidedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.userId, requestId: actor.requestId ?? null, action: "offers.cancel", entityType: "offer_job", entityId: jobId, oldValues: { status: job.status } });
  });
  return finishOfferJob(jobId);
}

/** The job's failed and cancelled items, fresh from the offers' current values, as a new job. */
export async function retryItemsOf(jobId: string) {
  const job = await findJob(jobId);
  if (!job) throw new AppError("not_found", "Offer job not found");
  if (["pending", "running"].includes(job.status)) throw new AppError("conflict", "The job is still running; cancel it or wait for its end");
  return db.offerJobItem.findMany({ where: { jobId, status: { in: ["failed", "cancelled"] } }, orderBy: { seq: "asc" } });
}
