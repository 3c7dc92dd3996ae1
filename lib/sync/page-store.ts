// Writes one fetched page with ONE statement: the page's offers are classified created / updated /
// unchanged against the stored content hash (with the conflict strategy applied to locally edited
// fields); only created and changed ones are written (row + raw item); in full mode the others
// are recorded as seen; and the sync log's counters, checkpoint, progress and heartbeat move on.
// The log row is locked first and must still be "running", so a cancelled or cleaned-up sync can
// never write again, and a page commits together with its checkpoint entry.
import { collectIfGrown } from "@/lib/system/memory";
import { bulkQuery, syncQuery } from "@/lib/sync/bulk-db";
import type { AccountKind, ConflictStrategy } from "@/lib/sync/options";
import { offerColumnsSql, type PagePayload } from "@/lib/sync/offer-row";

export interface AccountProgress {
  page: number;
  total_pages: number | null;
  processed: number;
  total: number | null;
  percent: number;
  started_at: string;
}

export interface PageResult {
  /** false: the sync is no longer running, nothing was written. */
  live: boolean;
  /** false: the page had already been written by this sync (duplicate step execution). */
  fresh: boolean;
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  progress: AccountProgress | null;
}

/**
 * A tracked field's value: what MagFlow wrote to eMAG after this page was read (the page's copy is
 * older than the change), else the local edit when kept, else eMAG's.
 */
const keep = (field: string, cast: string) =>
  `CASE WHEN v.guard ? '${field}' THEN (v.guard->>'${field}')::${cast} WHEN v.kept ? '${field}' THEN (v.kept->'${field}'->>'value')::${cast} ELSE v.${field} END`;
/** A field only offer writes guard (no local edits). */
const guarded = (field: string, cast: string) => `CASE WHEN v.guard ? '${field}' THEN (v.guard->'${field}')${cast === "jsonb" ? "" : `::text::${cast}`} ELSE v.${field} END`;

const COLUMNS = [
  ["part_number", "v.part_number"],
  ["part_number_key", "v.part_number_key"],
  ["name", keep("name", "text")],
  ["brand", "v.brand"],
  ["category_id", "v.category_id"],
  ["sale_price", keep("sale_price", "numeric")],
  ["recommended_price", keep("recommended_price", "numeric")],
  ["min_sale_price", keep("min_sale_price", "numeric")],
  ["max_sale_price", keep("max_sale_price", "numeric")],
  ["currency", "v.currency"],
  ["vat_id", "v.vat_id"],
  ["general_stock", keep("general_stock", "int")],
  ["estimated_stock", "v.estimated_stock"],
  ["handling_time", guarded("handling_time", "int")],
  ["stock", `coalesce(${guarded("stock", "jsonb")}, '[]'::jsonb)`],
  ["status", keep("status", "int")],
  ["validation_status", "v.validation_status"],
  ["offer_validation_status", "v.offer_validation_status"],
  ["number_of_offers", "v.number_of_offers"],
  ["buy_button_rank", "v.buy_button_rank"],
  ["best_offer_sale_price", "v.best_offer_sale_price"],
  ["best_offer_recommended_price", "v.best_offer_recommended_price"],
  ["images", "coalesce(v.images, '{}')"],
  ["eans", "coalesce(v.eans, '{}')"],
  ["content_hash", "v.content_hash"],
  ["emag_modified_at", "v.emag_modified_at"],
  ["local_edits", "v.kept"],
  ["last_synced_at", "now()"],
  ["last_sync_id", "$1::uuid"],
  ["removed_at", "NULL::timestamptz"],
  ["sync_conflict", "NULL::jsonb"],
  ["offer_guard", "CASE WHEN v.guard = '{}'::jsonb THEN NULL ELSE v.old_guard END"],
] as const;

// $1 sync id, $2 account, $3 eMAG items (jsonb array), $4 conflict strategy, $5 full mode, $6 page,
// $7 items on the page, $8 their content hashes (same order), $9 when the page was requested
const PAGE_SQL = `
WITH locked AS (
  SELECT id, coalesce((checkpoint -> $2::text -> 'done') @> to_jsonb($6::int), false) AS dup
  FROM sync_logs WHERE id = $1::uuid AND status = 'running' FOR UPDATE
),
-- A page already written by another run of the same chunk (a step executed twice) is skipped.
live AS (SELECT id FROM locked WHERE NOT dup),
incoming AS (
  SELECT r.doc AS raw, ($8::text[])[r.n] AS content_hash, f.*
  FROM live
  CROSS JOIN LATERAL jsonb_array_elements($3::jsonb) WITH ORDINALITY AS r(doc, n)
  CROSS JOIN LATERAL (SELECT ${offerColumnsSql("r.doc")}) f
),
-- One unique-index probe per incoming offer, whatever the table's statistics say (a fresh table
-- grows by thousands of rows during a first sync, before autovacuum has analysed it).
old AS (
  SELECT p.*
  FROM incoming i
  CROSS JOIN LATERAL (
    SELECT p.id, p.emag_offer_id, p.content_hash, p.removed_at, p.local_edits, p.offer_guard
    FROM emag_products p
    WHERE p.account = $2::text::"AccountKind" AND p.emag_offer_id = i.emag_offer_id
    FOR UPDATE
  ) p
),
merged AS (
  SELECT i.*, o.id AS old_id, o.content_hash AS old_hash, o.removed_at AS old_removed,
    coalesce(o.local_edits, '{}'::jsonb) AS old_edits,
    o.offer_guard AS old_guard,
    -- Written to eMAG after this page was requested: the page's values for those fields are stale.
    CASE WHEN (o.offer_guard->>'applied_at')::timestamptz > $9::timestamptz THEN o.offer_guard->'fields' ELSE '{}'::jsonb END AS guard,
    CASE $4::text
      WHEN 'emag_priority' THEN '{}'::jsonb
      WHEN 'newest_wins' THEN coalesce((
        SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(o.local_edits) e
        WHERE i.emag_modified_at IS NULL OR (e.value->>'edited_at')::timestamptz > i.emag_modified_at), '{}'::jsonb)
      ELSE coalesce(o.local_edits, '{}'::jsonb)
    END AS kept,
    ($4::text = 'manual' AND EXISTS (
      SELECT 1 FROM jsonb_each(o.local_edits) e WHERE (i.raw -> e.key) IS DISTINCT FROM (e.value -> 'value'))) AS conflict
  FROM incoming i LEFT JOIN old o ON o.emag_offer_id = i.emag_offer_id
),
vals AS (
  SELECT m.*,
    (m.old_id IS NULL OR m.old_hash IS DISTINCT FROM m.content_hash OR m.old_removed IS NOT NULL OR m.old_edits <> m.kept
      OR (m.old_guard IS NOT NULL AND m.guard = '{}'::jsonb)) AS changed
  FROM merged m WHERE NOT m.conflict
),
written AS (
  INSERT INTO emag_products AS p (account, emag_offer_id, ${COLUMNS.map(([c]) => c).join(", ")})
  SELECT $2::text::"AccountKind", v.emag_offer_id, ${COLUMNS.map(([, e]) => e).join(", ")}
  FROM vals v WHERE v.changed
  ON CONFLICT (account, emag_offer_id) DO UPDATE SET
    ${COLUMNS.map(([c]) => `${c} = EXCLUDED.${c}`).join(",\n    ")}
  RETURNING p.id, p.emag_offer_id
),
raws AS (
  INSERT INTO emag_product_raw AS r (product_id, raw)
  SELECT w.id, v.raw FROM written w JOIN vals v ON v.emag_offer_id = w.emag_offer_id
  ON CONFLICT (product_id) DO UPDATE SET raw = EXCLUDED.raw
  RETURNING 1
),
-- Full mode: offers this page does not rewrite (unchanged, or held by a conflict) are recorded as
-- seen; rewritten ones carry last_sync_id. The end of the sync marks all others removed.
seen AS (
  INSERT INTO sync_seen_offers (sync_id, account, emag_offer_id)
  SELECT $1::uuid, $2::text::"AccountKind", m.emag_offer_id
  FROM merged m LEFT JOIN vals v ON v.emag_offer_id = m.emag_offer_id
  WHERE $5::boolean AND (m.conflict OR NOT v.changed)
  ON CONFLICT DO NOTHING
  RETURNING 1
),
flagged AS (
  UPDATE emag_products p SET sync_conflict = jsonb_build_object(
    'sync_id', $1::uuid, 'detected_at', now(), 'emag_modified_at', m.emag_modified_at,
    'emag', (SELECT jsonb_object_agg(k, m.raw -> k) FROM jsonb_object_keys(m.old_edits) k))
  FROM merged m WHERE m.conflict AND p.id = m.old_id
  RETURNING 1
),
counts AS (
  SELECT
    (SELECT count(*) FROM vals WHERE old_id IS NULL)::int AS created,
    (SELECT count(*) FROM vals WHERE old_id IS NOT NULL AND changed)::int AS updated,
    (SELECT count(*) FROM vals WHERE NOT changed)::int AS unchanged,
    (SELECT count(*) FROM merged WHERE conflict)::int AS conflicts,
    (SELECT count(*) FROM locked)::int AS live,
    (SELECT count(*) FROM live)::int AS fresh
),
logged AS (
  UPDATE sync_logs l SET
    created_count = l.created_count + c.created,
    updated_count = l.updated_count + c.updated,
    unchanged_count = l.unchanged_count + c.unchanged,
    conflict_count = l.conflict_count + c.conflicts,
    pages = l.pages + 1,
    heartbeat_at = now(),
    checkpoint = jsonb_set(l.checkpoint, ARRAY[$2::text, 'done'], (l.checkpoint -> $2::text -> 'done') || to_jsonb($6::int)),
    progress = jsonb_set(l.progress, ARRAY[$2::text], (l.progress -> $2::text) || jsonb_build_object(
      'page', (l.progress -> $2::text ->> 'page')::int + 1,
      'processed', (l.progress -> $2::text ->> 'processed')::int + $7::int))
  FROM counts c WHERE l.id = $1::uuid AND c.fresh = 1
  RETURNING l.progress -> $2::text AS progress
)
SELECT c.created, c.updated, c.unchanged, c.conflicts, c.live, c.fresh, (SELECT progress FROM logged) AS progress FROM counts c`;

type Row = { created: number; updated: number; unchanged: number; conflicts: number; live: number; fresh: number; progress: AccountProgress | null };

export async function writePage(args: {
  syncId: string;
  account: AccountKind;
  page: number;
  payload: PagePayload;
  strategy: ConflictStrategy;
  full: boolean;
  /** When the page was requested: offer writes applied later keep their fields. */
  readAt: Date;
}): Promise<PageResult> {
  const [r] = await bulkQuery<Row>("sync-write-page", PAGE_SQL, [
    args.syncId,
    args.account,
    args.payload.json,
    args.strategy,
    args.full,
    args.page,
    args.payload.ids.length,
    args.payload.hashes,
    args.readAt.toISOString(),
  ]);
  if (!r) throw new Error("page statement returned no row");
  collectIfGrown();
  return { live: r.live === 1, fresh: r.fresh === 1, created: r.created, updated: r.updated, unchanged: r.unchanged, conflicts: r.conflicts, progress: r.progress };
}

const progressStep = (items: string) => `progress = jsonb_set(progress, ARRAY[$2::text], (progress -> $2::text) || jsonb_build_object(
  'page', (progress -> $2::text ->> 'page')::int + 1, 'processed', (progress -> $2::text ->> 'processed')::int + ${items}))`;

/** A page that still failed after retries: its offers count as failed; the page is not marked done. */
export async function recordFailedPage(syncId: string, account: AccountKind, page: number, items: number, message: string) {
  const rows = await syncQuery<{ progress: AccountProgress }>(
    `UPDATE sync_logs SET failed_count = failed_count + $3::int, heartbeat_at = now(),
       errors = CASE WHEN jsonb_array_length(errors) < 200
         THEN errors || jsonb_build_array(jsonb_build_object('account', $2::text, 'message', $4::text, 'page', $5::int)) ELSE errors END,
       checkpoint = jsonb_set(checkpoint, ARRAY[$2::text, 'failed'], (checkpoint -> $2::text -> 'failed') || to_jsonb($5::int)),
       ${progressStep("$3::int")}
     WHERE id = $1::uuid AND status = 'running'
       AND NOT coalesce((checkpoint -> $2::text -> 'done') @> to_jsonb($5::int) OR (checkpoint -> $2::text -> 'failed') @> to_jsonb($5::int), false)
     RETURNING progress -> $2::text AS progress`,
    [syncId, account, items, message.slice(0, 500), page],
  );
  return rows[0]?.progress ?? null;
}

/** A speculative page past the end of the catalogue: nothing to write, nothing to count. */
export async function recordEmptyPage(syncId: string, account: AccountKind, page: number) {
  await syncQuery(
    `UPDATE sync_logs SET heartbeat_at = now(),
       checkpoint = jsonb_set(checkpoint, ARRAY[$2::text, 'done'], (checkpoint -> $2::text -> 'done') || to_jsonb($3::int))
     WHERE id = $1::uuid AND status = 'running' AND NOT coalesce((checkpoint -> $2::text -> 'done') @> to_jsonb($3::int), false)`,
    [syncId, account, page],
  );
}
