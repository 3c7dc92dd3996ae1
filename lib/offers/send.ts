// Sends one batch of a job to eMAG and records every item's verdict. The rules that make a write
// as careful as money:
// - an item is marked "sending" (committed) before its request leaves, so a crash leaves it
//   recognisably in doubt, never silently pending;
// - writes are not retried blindly by the client (idempotent: false): a timeout or a 5xx may have
//   been applied, so items in doubt are re-read from eMAG first, and only those that do not carry
//   the change are sent again;
// - eMAG's per-offer answer decides: applied, or rejected with eMAG's message;
// - an applied change is written to the stored offer with a guard, so a product sync page read
//   before the change does not undo it (lib/sync/page-store.ts).
import { db } from "@/lib/db";
import { isEmagApiError, type EmagApiError } from "@/lib/emag";
import type { ProductOffer } from "@/lib/emag/schemas/offers";
import type { LightOfferSaveItem } from "@/lib/emag/types";
import { logger } from "@/lib/logger";
import { syncClient } from "@/lib/sync/runtime";
import { refreshJobCounters } from "./jobs";
import { carriesChange, offerSaveItem } from "./rules";
import type { AccountKind, OfferChange, OfferRoute, OfferValues } from "./types";

/** Sends of one item before it is failed for good. */
export const MAX_ATTEMPTS = 3;
/**
 * A request sent longer ago than this cannot still be in flight: the client gives up after 30 s
 * (its timeout), and eMAG answers or drops a request well within its gateway's own timeout.
 */
let inFlightMs = 45_000;
/** Tests with a short client timeout shorten the window. */
export const setInFlightWindow = (ms: number) => void (inFlightMs = ms);

type ItemRow = {
  id: string; product_id: string; account: AccountKind; emag_offer_id: string; route: OfferRoute; status: "pending" | "sending";
  changes: OfferChange; attempts: number; warehouse_id: number | null; sent_at: Date;
};

type Verdict = { id: string; status: "applied" | "rejected" | "failed" | "cancelled" | "pending"; message: string | null };

const loadOpen = (jobId: string, batch: number) => db.$queryRaw<ItemRow[]>`
  SELECT i.id::text AS id, i.product_id::text AS product_id, i.account::text AS account, i.emag_offer_id, i.route, i.status, i.changes, i.attempts, coalesce(i.sent_at, now()) AS sent_at,
    (p.stock -> 0 ->> 'warehouse_id')::int AS warehouse_id
  FROM offer_job_items i JOIN emag_products p ON p.id = i.product_id
  WHERE i.job_id = ${jobId}::uuid AND i.batch = ${batch}::int AND i.status IN ('pending', 'sending')
  ORDER BY i.seq`;

/** The guard's fields: the product row's column names (stock sets both general_stock and the warehouse list). */
function guardFields(changes: OfferChange, warehouseId: number) {
  const f: Record<string, unknown> = {};
  for (const k of ["sale_price", "recommended_price", "min_sale_price", "max_sale_price", "handling_time", "status"] as const)
    if (changes[k] !== undefined) f[k] = changes[k];
  if (changes.stock !== undefined && changes.stock !== null) {
    f.general_stock = changes.stock;
    f.stock = [{ warehouse_id: warehouseId, value: changes.stock }];
  }
  return f;
}

/** Records verdicts; applied ones also update their stored offer (values + guard) in the same transaction. */
async function record(items: ItemRow[], verdicts: Verdict[]) {
  if (!verdicts.length) return;
  const byId = new Map(items.map((i) => [i.id, i]));
  const applied = verdicts.filter((v) => v.status === "applied").map((v) => {
    const it = byId.get(v.id)!;
    return { product_id: it.product_id, fields: guardFields(it.changes, it.warehouse_id ?? 1) };
  });
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE offer_job_items i SET status = v.status, message = v.message,
        decided_at = CASE WHEN v.status = 'pending' THEN NULL ELSE now() END
      FROM jsonb_to_recordset(${JSON.stringify(verdicts)}::jsonb) AS v(id uuid, status text, message text)
      WHERE i.id = v.id AND i.status IN ('pending', 'sending')`;
    if (applied.length)
      await tx.$executeRaw`
        UPDATE emag_products p SET
          sale_price = coalesce((a.fields->>'sale_price')::numeric, p.sale_price),
          recommended_price = coalesce((a.fields->>'recommended_price')::numeric, p.recommended_price),
          min_sale_price = coalesce((a.fields->>'min_sale_price')::numeric, p.min_sale_price),
          max_sale_price = coalesce((a.fields->>'max_sale_price')::numeric, p.max_sale_price),
          handling_time = coalesce((a.fields->>'handling_time')::int, p.handling_time),
          status = coalesce((a.fields->>'status')::int, p.status),
          general_stock = coalesce((a.fields->>'general_stock')::int, p.general_stock),
          stock = coalesce(a.fields->'stock', p.stock),
          local_edits = p.local_edits - ARRAY(SELECT jsonb_object_keys(a.fields)),
          offer_guard = jsonb_build_object('fields', coalesce(p.offer_guard->'fields', '{}'::jsonb) || a.fields, 'applied_at', now())
        FROM jsonb_to_recordset(${JSON.stringify(applied)}::jsonb) AS a(product_id uuid, fields jsonb)
        WHERE p.id = a.product_id`;
  });
}

const messageOf = (err: EmagApiError) => (err.messages.length ? err.messages.join("; ") : err.message);

/** Not applied for sure: eMAG refused the request before processing it, or answered that it refused it. */
function refusal(err: EmagApiError): "rejected" | "retry" | "unknown" {
  if (err.code === "rate_limited") return "retry";
  if (err.code === "api_error" || err.code === "http" || err.code === "invalid_request" || err.code === "auth") return "rejected";
  return "unknown"; // timeout, network, 5xx, unreadable answer: it may have been applied
}

const valuesOf = (o: { sale_price: number | null; recommended_price: number | null; min_sale_price: number | null; max_sale_price: number | null; general_stock: number | null; handling_time: { value: number }[]; status: number }): OfferValues => ({
  sale_price: o.sale_price, recommended_price: o.recommended_price, min_sale_price: o.min_sale_price, max_sale_price: o.max_sale_price,
  stock: o.general_stock, handling_time: o.handling_time[0]?.value ?? null, status: o.status,
});

/**
 * The current values of the offers in doubt, per account: one read by id each, or, when that would
 * take more calls than reading the whole catalogue (100 offers a page), the catalogue.
 */
async function currentOffers(account: AccountKind, ids: string[]) {
  const client = syncClient(account);
  const catalogue = await db.emagProduct.count({ where: { account, removedAt: null } });
  const pages = Math.ceil(catalogue / 100) + 1;
  const found = new Map<string, ProductOffer>();
  if (ids.length > pages) {
    const { items } = await client.fetchPagesConcurrently(client.productOffer.count, client.productOffer.read, {});
    const wanted = new Set(ids);
    for (const o of items) if (wanted.has(o.id)) found.set(o.id, o);
  }
  // By id: all of them, or those the catalogue read missed (an offer can move between pages).
  await Promise.all(
    ids.filter((id) => !found.has(id)).map(async (id) => {
      const [offer] = await client.productOffer.read({ id, itemsPerPage: 1 });
      if (offer) found.set(id, offer);
    }),
  );
  return found;
}

/** Items in doubt: re-read their offers; one that carries its change was applied, the others go back to pending. */
async function resolveInDoubt(items: ItemRow[]) {
  const verdicts: Verdict[] = [];
  for (const account of ["main", "fbe"] as const) {
    const mine = items.filter((i) => i.account === account);
    if (!mine.length) continue;
    const now = await currentOffers(account, mine.map((i) => i.emag_offer_id));
    for (const it of mine) {
      const offer = now.get(it.emag_offer_id);
      if (!offer) verdicts.push({ id: it.id, status: "rejected", message: "The offer no longer exists on eMAG" });
      else if (carriesChange(valuesOf(offer), it.changes)) verdicts.push({ id: it.id, status: "applied", message: "Applied (confirmed by re-reading the offer after an unanswered request)" });
      else verdicts.push({ id: it.id, status: "pending", message: "Not applied by an unanswered request; sent again" });
    }
  }
  await record(items, verdicts);
}

/** Takes pending items for sending (committed before the request leaves); a concurrent run gets none of them. */
async function claim(items: ItemRow[]): Promise<ItemRow[]> {
  if (!items.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`UPDATE offer_job_items SET status = 'sending', attempts = attempts + 1, sent_at = now()
    WHERE id = ANY(${items.map((i) => i.id)}::uuid[]) AND status = 'pending' RETURNING id::text AS id`;
  const mine = new Set(rows.map((r) => r.id));
  return items.filter((i) => mine.has(i.id)).map((i) => ({ ...i, status: "sending" as const, attempts: i.attempts + 1 }));
}

async function sendSave(account: AccountKind, items: ItemRow[]): Promise<Verdict[]> {
  const body = items.map((i) => offerSaveItem(i.emag_offer_id, i.changes, i.warehouse_id ?? 1) as LightOfferSaveItem);
  try {
    const results = await syncClient(account).offer.save(body, { idempotent: false });
    const byOffer = new Map(results.map((r) => [r.id, r]));
    return items.flatMap((i): Verdict[] => {
      const r = byOffer.get(i.emag_offer_id);
      if (!r) return []; // no answer for this offer: stays in doubt, re-read next round
      return [{ id: i.id, status: r.ok ? "applied" : "rejected", message: r.messages.join("; ") || (r.ok ? "Applied" : "Rejected by eMAG") }];
    });
  } catch (err) {
    if (!isEmagApiError(err)) throw err;
    const kind = refusal(err);
    if (kind === "unknown") return [];
    return items.map((i) => ({ id: i.id, status: kind === "retry" ? "pending" : "rejected", message: messageOf(err) }));
  }
}

async function sendStock(account: AccountKind, item: ItemRow): Promise<Verdict[]> {
  try {
    await syncClient(account).offerStock.update(item.emag_offer_id, item.changes.stock!, { idempotent: false });
    return [{ id: item.id, status: "applied", message: "Stock updated" }];
  } catch (err) {
    if (!isEmagApiError(err)) throw err;
    const kind = refusal(err);
    if (kind === "unknown") return [];
    return [{ id: item.id, status: kind === "retry" ? "pending" : "rejected", message: messageOf(err) }];
  }
}

/**
 * A job that ended with items still "sending" (its runner gave up while they were in doubt):
 * re-reads those whose request can no longer be in flight, so each ends applied, or failed
 * ("retry failed" then re-sends it). Run before a retry and by the stuck-job sweep.
 */
export async function settleInDoubt(jobId: string): Promise<number> {
  const items = await db.$queryRaw<ItemRow[]>`
    SELECT i.id::text AS id, i.product_id::text AS product_id, i.account::text AS account, i.emag_offer_id, i.route, i.status, i.changes, i.attempts,
      i.sent_at, (p.stock -> 0 ->> 'warehouse_id')::int AS warehouse_id
    FROM offer_job_items i JOIN emag_products p ON p.id = i.product_id
    WHERE i.job_id = ${jobId}::uuid AND i.status = 'sending' AND i.sent_at < now() - make_interval(secs => ${inFlightMs / 1000}::float8)`;
  if (!items.length) return 0;
  await resolveInDoubt(items);
  await db.$executeRaw`UPDATE offer_job_items SET status = 'failed', message = 'Not applied: its request was interrupted; use "retry failed"', decided_at = now()
    WHERE id = ANY(${items.map((i) => i.id)}::uuid[]) AND status = 'pending'`;
  await refreshJobCounters(jobId, false);
  return items.length;
}

export interface BatchOutcome {
  batch: number;
  open: number;
  cancelled: boolean;
}

/**
 * Runs one batch to a verdict for each item (at most MAX_ATTEMPTS sends each). Throws when items
 * are still in doubt and eMAG could not be re-read, so the step is retried; safe to run again at
 * any point, since only pending items are sent and items in doubt are re-read first.
 */
export async function runBatch(jobId: string, batch: number): Promise<BatchOutcome> {
  const job = await db.offerJob.findUnique({ where: { id: jobId }, select: { cancelRequestedAt: true, status: true } });
  if (!job) return { batch, open: 0, cancelled: true };
  const cancelled = !!job.cancelRequestedAt || job.status === "cancelled";
  // Items another run left "sending" (a crash, or a concurrent run): wait until they cannot be in
  // flight, then re-read them.
  const foreign = (await loadOpen(jobId, batch)).filter((i) => i.status === "sending");
  if (foreign.length) {
    const newest = Math.max(...foreign.map((i) => i.sent_at.getTime()));
    const wait = newest + inFlightMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await resolveInDoubt(foreign);
  }
  for (let round = 0; round <= MAX_ATTEMPTS; round++) {
    const pending = (await loadOpen(jobId, batch)).filter((i) => i.status === "pending");
    if (!pending.length) break;
    if (cancelled) {
      await record(pending, pending.map((i) => ({ id: i.id, status: "cancelled", message: "Cancelled before it was sent" })));
      break;
    }
    const exhausted = pending.filter((i) => i.attempts >= MAX_ATTEMPTS);
    if (exhausted.length) await record(exhausted, exhausted.map((i) => ({ id: i.id, status: "failed", message: `Not applied after ${MAX_ATTEMPTS} attempts; use "retry failed"` })));
    const toSend = await claim(pending.filter((i) => i.attempts < MAX_ATTEMPTS));
    if (!toSend.length) break;
    const account = toSend[0]!.account;
    const verdicts = toSend[0]!.route === "offer_stock" ? (await Promise.all(toSend.map((i) => sendStock(account, i)))).flat() : await sendSave(account, toSend);
    await record(toSend, verdicts);
    const answered = new Set(verdicts.map((v) => v.id));
    const unanswered = toSend.filter((i) => !answered.has(i.id));
    if (unanswered.length)
      await resolveInDoubt(unanswered).catch(async (err: unknown) => {
        // Our request is over: a retry of this step may re-read these at once.
        await db.$executeRaw`UPDATE offer_job_items SET sent_at = 'epoch' WHERE id = ANY(${unanswered.map((i) => i.id)}::uuid[]) AND status = 'sending'`;
        throw err;
      });
  }
  const left = await loadOpen(jobId, batch);
  await refreshJobCounters(jobId);
  if (left.length) {
    logger.warn({ jobId, batch, open: left.length }, "offer batch has open items; the step will retry");
    throw new Error(`batch ${batch}: ${left.length} item(s) without a verdict yet`);
  }
  return { batch, open: 0, cancelled };
}
