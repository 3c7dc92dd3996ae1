// Pushes MAIN stock to eMAG: max(0, available - buffer) per offer, debounced (only items dirty for
// longer than a short pause, so a burst of orders becomes one push) and batched (one offer job; it
// sends 50 offers per offer/save call). Every change goes through the offer write path
// (planItem -> startJob), so it is validated, audited, exactly-once and visible as an "inventory" job.
//
// Ordering and crashes: one push per account at a time (advisory lock); an offer with an open job
// item (pending/sending) waits for the next push, so two pushes of one offer never race on eMAG.
// The job is created (its own transaction, inside lib/offers) before this transaction records
// pushed_stock and clears dirty_at, and dirty_at is cleared only where it still holds the value this
// push read: a crash in between re-sends the same stock (idempotent), never loses a change, and an
// order landing during the push keeps its item dirty.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { planItem } from "@/lib/offers/plan";
import { createOfferJob } from "@/lib/offers/jobs";
import { dispatchOfferJob } from "@/lib/offers/runner";
import { MAX_JOB_OFFERS, targetsByIds } from "@/lib/offers/targets";
import type { PlannedItem } from "@/lib/offers/types";
import type { InventoryAccount, PushResult } from "./api-types";
import { checkLowStock } from "./low-stock";
import { INSERT_MISSING_ITEMS, loadSettings } from "./settings";
import { autoDisabledAfter, inventoryChange } from "./stock";

/** An item dirty for less than this waits: the orders of one burst go out together. */
export const PUSH_DEBOUNCE_MS = 2_000;
/** pg_advisory_xact_lock key of MAIN's push. */
const PUSH_LOCK = 7_240_311;
const TX_TIMEOUT_MS = 60_000;

type DueRow = { product_id: string; available: number; buffer: number | null; auto_disabled: boolean; dirty_at: Date };

export interface PushOptions {
  /** 0 after an order sync (its burst is over) or a drift fix; default PUSH_DEBOUNCE_MS. */
  debounceMs?: number;
}

const empty = (account: InventoryAccount, skipped?: PushResult["skipped"]): PushResult => ({ account, skipped, planned: 0, sent: 0, unchanged: 0, invalid: 0, job_id: null });

export async function pushInventory(account: InventoryAccount, opts: PushOptions = {}): Promise<PushResult> {
  if (account !== "main") return empty(account, "fbe");
  const settings = await loadSettings(account);
  if (!settings.enabled) return empty(account, "disabled");
  const debounce = Math.max(0, opts.debounceMs ?? PUSH_DEBOUNCE_MS) / 1000;
  const result = await db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PUSH_LOCK}::bigint) AS ok`;
      if (!lock?.ok) return empty(account, "busy");
      await tx.$executeRawUnsafe(INSERT_MISSING_ITEMS, account, settings.lowStockThreshold);
      const due = await tx.$queryRaw<DueRow[]>`
        SELECT i.product_id::text AS product_id, i.available, i.buffer, i.auto_disabled, i.dirty_at
        FROM inventory_items i
        WHERE i.account = ${account}::"AccountKind" AND i.dirty_at IS NOT NULL
          AND i.dirty_at <= now() - make_interval(secs => ${debounce}::float8)
          AND NOT EXISTS (SELECT 1 FROM offer_job_items j WHERE j.product_id = i.product_id AND j.status IN ('pending', 'sending'))
        ORDER BY i.dirty_at, i.product_id
        LIMIT ${MAX_JOB_OFFERS}::int`;
      if (!due.length) return empty(account);
      const targets = new Map((await targetsByIds(due.map((d) => d.product_id), tx)).map((t) => [t.productId, t]));
      const planned: { row: DueRow; item: PlannedItem | null; stock: number }[] = due.map((row, n) => {
        const input = { available: row.available, buffer: row.buffer, autoDisabled: row.auto_disabled };
        const { stock, change } = inventoryChange(input, settings);
        const target = targets.get(row.product_id);
        return { row, stock, item: target ? planItem(target, change, n + 1) : null };
      });
      const sendable = planned.filter((p) => p.item && !p.item.violations.length && Object.keys(p.item.changes).length);
      const invalid = planned.filter((p) => !p.item || p.item.violations.length);
      for (const p of invalid.slice(0, 5))
        logger.warn({ productId: p.row.product_id, violations: p.item?.violations ?? "offer not found" }, "inventory push skipped an offer");
      // The job commits with the bookkeeping below; it is dispatched once both are in.
      const job = sendable.length
        ? await createOfferJob(
            {
              kind: "inventory",
              actor: { userId: null, triggeredBy: "inventory" },
              items: sendable.map((p) => p.item!),
              spec: { account, offers: sendable.length, debounce_ms: debounce * 1000 },
            },
            tx,
          )
        : null;
      // What was pushed (or already on eMAG); an invalid offer is only cleared, keeping its last push.
      const records = planned.map((p) => {
        const valid = p.item && !p.item.violations.length;
        return {
          product_id: p.row.product_id,
          dirty_at: p.row.dirty_at.toISOString(),
          pushed: valid,
          pushed_stock: p.stock,
          auto_disabled: valid ? autoDisabledAfter({ available: p.row.available, buffer: p.row.buffer, autoDisabled: p.row.auto_disabled }, p.stock, p.item!.changes) : p.row.auto_disabled,
        };
      });
      await tx.$executeRaw`
        UPDATE inventory_items i SET
          pushed_stock = CASE WHEN r.pushed THEN r.pushed_stock ELSE i.pushed_stock END,
          pushed_at = CASE WHEN r.pushed THEN now() ELSE i.pushed_at END,
          auto_disabled = r.auto_disabled,
          dirty_at = CASE WHEN i.dirty_at = r.dirty_at THEN NULL ELSE i.dirty_at END
        FROM (
          SELECT x.* FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
            AS x(product_id uuid, dirty_at timestamptz, pushed boolean, pushed_stock int, auto_disabled boolean)
          JOIN inventory_items l ON l.product_id = x.product_id
          ORDER BY x.product_id FOR UPDATE OF l
        ) r
        WHERE i.product_id = r.product_id`;
      return {
        account,
        planned: planned.length,
        sent: sendable.length,
        unchanged: planned.length - sendable.length - invalid.length,
        invalid: invalid.length,
        job_id: job?.id ?? null,
      } satisfies PushResult;
    },
    { timeout: TX_TIMEOUT_MS, maxWait: 10_000 },
  );
  if (result.job_id) result.engine = await dispatchOfferJob(result.job_id);
  await checkLowStock(account);
  return result;
}
