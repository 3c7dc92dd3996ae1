// What the offer routes call: single change, bulk preview/apply, jobs (list, detail, items, cancel,
// retry) and an offer's change timeline. Handlers stay thin; every write goes through one path:
// plan (validate locally) -> createOfferJob (items + audit) -> dispatchOfferJob (batches to eMAG).
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { pageFields } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { productFiltersSchema } from "@/lib/products/schemas";
import { cancelOfferJob, createOfferJob, retryItemsOf } from "./jobs";
import { bulkOperationSchema, planBulk, planItem, summarise, type BulkOperation } from "./plan";
import { dispatchOfferJob } from "./runner";
import { settleInDoubt } from "./send";
import { MAX_JOB_OFFERS, targetsByFilter, targetsByIds } from "./targets";
import { offerChangeSchema, offerItemStatuses, offerJobKinds, offerJobStatuses, type OfferJobActor, type PlannedItem } from "./types";
import { withVat } from "./vat";

export const singleChangeSchema = offerChangeSchema;

/** Selected offers (ids) or "all that match this filter" (the product list's filters). */
export const selectionSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid({ message: "must be a product id (UUID)" })).min(1, "select at least one offer").max(MAX_JOB_OFFERS) }),
  z.strictObject({ filter: productFiltersSchema.omit({ sort: true, order: true }) }),
]);

export const bulkRequestSchema = z.strictObject({
  selection: selectionSchema,
  operation: bulkOperationSchema,
  /** Apply only: send the valid items and leave out the ones with violations (otherwise 422). */
  exclude_invalid: z.boolean().default(false),
});
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const previewQuerySchema = z.object({ ...pageFields, only: z.enum(["all", "changed", "invalid"]).default("all") });

export const jobsQuerySchema = z.object({
  ...pageFields,
  kind: z.enum(offerJobKinds).optional(),
  status: z.enum(offerJobStatuses).optional(),
});
export const jobItemsQuerySchema = z.object({
  ...pageFields,
  pageSize: pageFields.pageSize.unwrap().max(100).default(50),
  status: z.enum(offerItemStatuses).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

/** A planned item as the preview shows it: old -> new, with violations. */
export function previewRow(i: PlannedItem) {
  const t = i.target;
  return {
    seq: i.seq,
    product_id: t.productId,
    account: t.account,
    emag_offer_id: t.emagOfferId,
    part_number: t.partNumber,
    name: t.name,
    before: t.values,
    after: i.after,
    changes: i.changes,
    sale_price_with_vat: { before: withVat(t.values.sale_price, t.vatRate), after: withVat(i.after.sale_price, t.vatRate) },
    violations: i.violations,
  };
}

async function selectTargets(selection: BulkRequest["selection"]) {
  const targets = "ids" in selection ? await targetsByIds(selection.ids) : await targetsByFilter({ ...selection.filter, sort: "name", order: "asc" });
  if ("ids" in selection && targets.length < new Set(selection.ids).size) {
    const found = new Set(targets.map((t) => t.productId));
    const missing = selection.ids.find((id) => !found.has(id));
    throw new AppError("not_found", `selection.ids: offer ${missing} not found`, { details: [{ field: "selection.ids", message: `offer ${missing} not found` }] });
  }
  if (targets.length > MAX_JOB_OFFERS) throw new AppError("unprocessable_entity", `selection: more than ${MAX_JOB_OFFERS} offers; narrow the filter`, { details: [{ field: "selection", message: `more than ${MAX_JOB_OFFERS} offers` }] });
  if (!targets.length) throw new AppError("unprocessable_entity", "selection: no offer matches", { details: [{ field: "selection", message: "no offer matches" }] });
  return targets;
}

export function previewPage(items: PlannedItem[], q: z.infer<typeof previewQuerySchema>) {
  const shown = items.filter((i) => (q.only === "invalid" ? i.violations.length > 0 : q.only === "changed" ? !i.violations.length && Object.keys(i.changes).length > 0 : true));
  return {
    summary: summarise(items),
    data: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(previewRow),
    total: shown.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function previewBulk(req: BulkRequest, q: z.infer<typeof previewQuerySchema>) {
  return previewPage(planBulk(await selectTargets(req.selection), req.operation), q);
}

/** 422 listing every violation (item by item) unless the caller chose to leave them out. */
export function refuseViolations(items: PlannedItem[], excludeInvalid: boolean, label: (i: PlannedItem) => string) {
  const bad = items.filter((i) => i.violations.length);
  if (!bad.length || excludeInvalid) return;
  const details = bad.slice(0, 200).flatMap((i) => i.violations.map((v) => ({ field: `${label(i)}.${v.field}`, message: v.message, offer: i.target.emagOfferId, account: i.target.account, seq: i.seq })));
  throw new AppError("unprocessable_entity", `${bad.length} offer(s) break eMAG's rules; fix them or apply with exclude_invalid: ${details[0]!.field}: ${details[0]!.message}`, { details });
}

export async function startJob(input: Parameters<typeof createOfferJob>[0]) {
  const job = await createOfferJob(input);
  const engine = await dispatchOfferJob(job.id);
  return { job: serializeJob(job), engine };
}

export async function applyBulk(req: BulkRequest, actor: OfferJobActor, idempotencyKey: string | null) {
  const items = planBulk(await selectTargets(req.selection), req.operation);
  refuseViolations(items, req.exclude_invalid, (i) => `offers[${i.seq - 1}]`);
  return startJob({ kind: "bulk", actor, items, idempotencyKey, spec: { operation: req.operation as BulkOperation, selection: "ids" in req.selection ? { count: req.selection.ids.length } : { filter: req.selection.filter }, summary: summarise(items) } });
}

/** One offer's change: validated (422 naming the field), sent as a one-item job; waits briefly for eMAG's verdict. */
export async function changeOffer(productId: string, change: z.infer<typeof singleChangeSchema>, actor: OfferJobActor, idempotencyKey: string | null, waitMs = 12_000) {
  const [target] = await targetsByIds([productId]);
  if (!target) throw new AppError("not_found", "Offer not found");
  const item = planItem(target, change, 1);
  if (item.violations.length) {
    const v = item.violations[0]!;
    throw new AppError("unprocessable_entity", `${v.field}: ${v.message} (offer ${target.emagOfferId})`, { details: item.violations.map((x) => ({ ...x, offer: target.emagOfferId, account: target.account })) });
  }
  if (!Object.keys(item.changes).length) return { job: null, item: null, message: "Nothing to change: the offer already has these values" };
  const { job } = await startJob({ kind: "single", actor, items: [item], idempotencyKey, spec: { product_id: productId, change } });
  const deadline = Date.now() + waitMs;
  let row = await db.offerJobItem.findFirst({ where: { jobId: job.id } });
  while (row && ["pending", "sending"].includes(row.status) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    row = await db.offerJobItem.findFirst({ where: { jobId: job.id } });
  }
  return { job: await getJob(job.id), item: row ? serializeItem(row) : null };
}

type JobRow = Awaited<ReturnType<typeof db.offerJob.findFirstOrThrow>>;
type ItemRow = Awaited<ReturnType<typeof db.offerJobItem.findFirstOrThrow>>;

export const serializeJob = (j: JobRow & { createdBy?: { name: string; email: string } | null }) => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  spec: j.spec,
  total: j.total,
  applied: j.applied,
  rejected: j.rejected,
  failed: j.failed,
  skipped: j.skipped,
  batches: j.batches,
  triggered_by: j.triggeredBy,
  created_by: j.createdBy ? { id: j.createdById, name: j.createdBy.name, email: j.createdBy.email } : j.createdById ? { id: j.createdById } : null,
  parent_job_id: j.parentJobId,
  error: j.error,
  percent: j.total ? Math.round(((j.applied + j.rejected + j.failed) / j.total) * 1000) / 10 : 100,
  created_at: j.createdAt.toISOString(),
  started_at: j.startedAt?.toISOString() ?? null,
  completed_at: j.completedAt?.toISOString() ?? null,
  cancel_requested_at: j.cancelRequestedAt?.toISOString() ?? null,
});

export const serializeItem = (i: ItemRow) => ({
  id: i.id,
  job_id: i.jobId,
  product_id: i.productId,
  account: i.account,
  emag_offer_id: i.emagOfferId,
  seq: i.seq,
  batch: i.batch,
  route: i.route,
  before: i.before,
  changes: i.changes,
  status: i.status,
  message: i.message,
  attempts: i.attempts,
  sent_at: i.sentAt?.toISOString() ?? null,
  decided_at: i.decidedAt?.toISOString() ?? null,
});

async function users(ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, { name: string; email: string }>();
  const rows = await db.user.findMany({ where: { id: { in: list } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((u) => [u.id, { name: u.name, email: u.email }]));
}

export async function listJobs(q: z.infer<typeof jobsQuerySchema>) {
  const where = { ...(q.kind ? { kind: q.kind } : {}), ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.offerJob.findMany({ where, orderBy: { createdAt: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.offerJob.count({ where }),
  ]);
  const who = await users(rows.map((r) => r.createdById));
  return { data: rows.map((r) => serializeJob({ ...r, createdBy: r.createdById ? (who.get(r.createdById) ?? null) : null })), total, page: q.page, pageSize: q.pageSize };
}

export async function getJob(id: string) {
  const j = await db.offerJob.findUnique({ where: { id } });
  if (!j) throw new AppError("not_found", "Offer job not found");
  const who = await users([j.createdById]);
  const counts = await db.offerJobItem.groupBy({ by: ["status"], where: { jobId: id }, _count: { _all: true } });
  return { ...serializeJob({ ...j, createdBy: j.createdById ? (who.get(j.createdById) ?? null) : null }), items_by_status: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) };
}

export async function listJobItems(id: string, q: z.infer<typeof jobItemsQuerySchema>) {
  await getJob(id);
  const where = { jobId: id, ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.offerJobItem.findMany({ where, orderBy: { seq: "asc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.offerJobItem.count({ where }),
  ]);
  return { data: rows.map(serializeItem), total, page: q.page, pageSize: q.pageSize };
}

/** Every item of a job, for the CSV download. */
export const allJobItems = async (id: string) => (await db.offerJobItem.findMany({ where: { jobId: id }, orderBy: { seq: "asc" } })).map(serializeItem);

export async function cancelJob(id: string, actor: OfferJobActor) {
  return serializeJob(await cancelOfferJob(id, actor));
}

/** "Retry the failed items": a new job re-planned from the offers' current values, with only those items. */
export async function retryJob(id: string, actor: OfferJobActor, idempotencyKey: string | null) {
  await getJob(id);
  await settleInDoubt(id);
  const failed = await retryItemsOf(id);
  if (!failed.length) throw new AppError("conflict", "The job has no failed or cancelled items to retry");
  const targets = new Map((await targetsByIds(failed.map((f) => f.productId))).map((t) => [t.productId, t]));
  const items = failed.flatMap((f, n) => {
    const t = targets.get(f.productId);
    return t ? [planItem(t, f.changes as PlannedItem["changes"], n + 1)] : [];
  });
  return startJob({ kind: "retry", actor, items, idempotencyKey, parentJobId: id, spec: { retry_of: id, items: failed.length } });
}

/** An offer's change timeline: every item that touched it, newest first, with the job's kind and author. */
export async function offerChanges(productId: string, q: { page: number; pageSize: number }) {
  const where = { productId };
  const [rows, total] = await Promise.all([
    db.offerJobItem.findMany({ where, orderBy: [{ sentAt: { sort: "desc", nulls: "first" } }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: { job: true } }),
    db.offerJobItem.count({ where }),
  ]);
  const who = await users(rows.map((r) => r.job.createdById));
  return {
    data: rows.map((r) => ({
      ...serializeItem(r),
      job: { id: r.job.id, kind: r.job.kind, status: r.job.status, triggered_by: r.job.triggeredBy, created_at: r.job.createdAt.toISOString() },
      by: r.job.createdById ? { id: r.job.createdById, ...(who.get(r.job.createdById) ?? {}) } : { name: r.job.kind === "repricer" ? "Repricer" : r.job.kind === "inventory" ? "Inventory" : "System" },
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
