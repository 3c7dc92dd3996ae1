// Price-list import (CSV or XLSX, the export's columns): each row is found by account + offer_id
// (or account + part_number when offer_id is empty), planned like any other change (planItem:
// only the fields that differ, eMAG's rules checked locally), previewed, then applied as one
// "import" job. Every problem is reported by row and field; nothing is sent while any remains,
// unless the caller chose to leave the invalid rows out.
import type { z } from "zod";
import { AppError, fieldError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { readSheet } from "./import-file";
import { readRows, type ImportRow, type RowError } from "./import-rows";
import { planItem, type PlanSummary } from "./plan";
import { previewRow, startJob, type previewQuerySchema } from "./service";
import { targetsByIds } from "./targets";
import type { AccountKind, OfferJobActor, OfferTarget, PlannedItem } from "./types";

export interface ImportLine {
  input: ImportRow;
  /** Null when the row's offer could not be found (or the row has no usable key). */
  item: PlannedItem | null;
  errors: RowError[];
}

export interface ImportPlan {
  file: string;
  rows: number;
  summary: PlanSummary;
  lines: ImportLine[];
  /** Every problem, header (row 1) first, then by row. */
  errors: RowError[];
}

/** Details carried by a 422 at most (the preview lists every error). */
const MAX_DETAILS = 1000;

type Found = { id: string; emag_offer_id: string; part_number: string | null; removed: boolean };

/** Each row's product id, or why it has none: unknown offer, or a part number several live offers share. */
async function findOffers(rows: ImportRow[]): Promise<Map<number, string | RowError>> {
  const out = new Map<number, string | RowError>();
  for (const account of ["main", "fbe"] as AccountKind[]) {
    const mine = rows.filter((r) => r.account === account && !r.errors.some((e) => e.field === "account" || e.field === "offer_id"));
    const offerIds = [...new Set(mine.flatMap((r) => (r.offerId ? [r.offerId] : [])))];
    const parts = [...new Set(mine.flatMap((r) => (!r.offerId && r.partNumber ? [r.partNumber] : [])))];
    if (!mine.length) continue;
    const found = await db.$queryRaw<Found[]>`
      SELECT p.id::text AS id, p.emag_offer_id, p.part_number, (p.removed_at IS NOT NULL) AS removed FROM emag_products p
      WHERE p.account = ${account}::"AccountKind" AND (p.emag_offer_id = ANY(${offerIds}::text[]) OR p.part_number = ANY(${parts}::text[]))`;
    const byOffer = new Map(found.map((f) => [f.emag_offer_id, f]));
    const byPart = new Map<string, Found[]>();
    for (const f of found) if (f.part_number) byPart.set(f.part_number, [...(byPart.get(f.part_number) ?? []), f]);
    for (const r of mine) {
      if (r.offerId) {
        const f = byOffer.get(r.offerId);
        if (!f) out.set(r.row, { row: r.row, field: "offer_id", message: `offer_id: unknown offer ${r.offerId} on the ${account} account` });
        else if (r.partNumber && f.part_number?.trim() !== r.partNumber)
          out.set(r.row, { row: r.row, field: "part_number", message: `part_number: ${r.partNumber} is not the part number of offer ${r.offerId} (${f.part_number ?? "none"})` });
        else out.set(r.row, f.id);
        continue;
      }
      const all = byPart.get(r.partNumber!) ?? [];
      const live = all.filter((f) => !f.removed);
      if (!all.length) out.set(r.row, { row: r.row, field: "part_number", message: `part_number: unknown offer: no offer with part number ${r.partNumber} on the ${account} account` });
      else if (live.length > 1) out.set(r.row, { row: r.row, field: "part_number", message: `part_number: ${live.length} offers on the ${account} account have part number ${r.partNumber}; give the offer_id` });
      else out.set(r.row, (live[0] ?? all[0]!).id);
    }
  }
  return out;
}

/** One row planned against its offer; a removed offer the row does not change is no error. */
function planLine(input: ImportRow, target: OfferTarget | undefined, lookupError: RowError | undefined): ImportLine {
  const errors = [...input.errors, ...(lookupError ? [lookupError] : [])];
  if (!target) return { input, item: null, errors };
  const item = planItem(target, input.change, input.row);
  if (!Object.keys(item.changes).length) item.violations = [];
  for (const v of item.violations) errors.push({ row: input.row, field: v.field, message: v.message.startsWith(v.field) ? v.message : `${v.field}: ${v.message}` });
  return { input, item, errors };
}

/** Rows that name the same offer are all refused: which one wins is not ours to guess. */
function markDuplicates(lines: ImportLine[]) {
  const byProduct = new Map<string, ImportLine[]>();
  for (const l of lines) if (l.item) byProduct.set(l.item.target.productId, [...(byProduct.get(l.item.target.productId) ?? []), l]);
  for (const same of byProduct.values()) {
    if (same.length < 2) continue;
    const rows = same.map((l) => l.input.row).join(", ");
    for (const l of same) {
      const field = l.input.offerId ? "offer_id" : "part_number";
      l.errors.push({ row: l.input.row, field, message: `${field}: offer ${l.item!.target.emagOfferId} is in rows ${rows}; keep one row per offer` });
    }
  }
}

export const isChanged = (l: ImportLine) => !l.errors.length && !!l.item && Object.keys(l.item.changes).length > 0;

/** Reads the file and plans every row (nothing is written). */
export async function planImport(upload: { name: string; bytes: Uint8Array }): Promise<ImportPlan> {
  const { rows, headerErrors } = readRows(await readSheet(upload.name, upload.bytes));
  const found = await findOffers(rows);
  const ids = [...new Set([...found.values()].filter((v): v is string => typeof v === "string"))];
  const targets = new Map((await targetsByIds(ids)).map((t) => [t.productId, t]));
  const lines = rows.map((r) => {
    const f = found.get(r.row);
    return planLine(r, typeof f === "string" ? targets.get(f) : undefined, typeof f === "object" ? f : undefined);
  });
  markDuplicates(lines);
  const invalid = lines.filter((l) => l.errors.length).length;
  const changed = lines.filter(isChanged).length;
  return {
    file: upload.name,
    rows: rows.length,
    summary: { total: lines.length, changed, unchanged: lines.length - changed - invalid, invalid },
    lines,
    errors: [...headerErrors, ...lines.flatMap((l) => l.errors)],
  };
}

/** A line as the preview shows it: previewRow's shape; an offer not found has nulls where its values would be. */
export function importPreviewRow(l: ImportLine) {
  const violations = l.errors.map(({ field, message }) => ({ field, message }));
  if (l.item) return { ...previewRow(l.item), violations };
  const r = l.input;
  return {
    seq: r.row, product_id: null, account: r.account, emag_offer_id: r.offerId, part_number: r.partNumber, name: r.name,
    before: null, after: null, changes: r.change, sale_price_with_vat: { before: null, after: null }, violations,
  };
}
export type ImportPreviewRow = ReturnType<typeof importPreviewRow>;

export function previewImport(plan: ImportPlan, q: z.infer<typeof previewQuerySchema>) {
  const shown = plan.lines.filter((l) => (q.only === "invalid" ? l.errors.length > 0 : q.only === "changed" ? isChanged(l) : true));
  return {
    summary: plan.summary,
    data: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(importPreviewRow),
    total: shown.length,
    page: q.page,
    pageSize: q.pageSize,
    errors: plan.errors,
  };
}

/** 422 listing every error unless exclude_invalid; otherwise one "import" job with the valid rows. */
export async function applyImport(plan: ImportPlan, excludeInvalid: boolean, actor: OfferJobActor, idempotencyKey: string | null) {
  const bad = new Set(plan.errors.map((e) => e.row));
  if (bad.size && !excludeInvalid) {
    const first = plan.errors[0]!;
    throw new AppError("unprocessable_entity", `${bad.size} row(s) have errors; fix them or apply with exclude_invalid=true (row ${first.row}: ${first.message})`, {
      details: plan.errors.slice(0, MAX_DETAILS),
    });
  }
  const items = plan.lines.flatMap((l) => (!l.errors.length && l.item ? [l.item] : []));
  return startJob({ kind: "import", actor, items, idempotencyKey, spec: { file: plan.file, rows: plan.rows, summary: plan.summary } });
}

/** The multipart fields: `file` (required) and, for apply, exclude_invalid ("true" | "false"). */
export async function readUpload(form: FormData) {
  const file = form.get("file");
  if (file === null || typeof file === "string") throw fieldError("bad_request", "file", 'is required: upload a .csv or .xlsx file in the multipart field "file"');
  const flag = form.get("exclude_invalid");
  if (flag !== null && flag !== "true" && flag !== "false") throw fieldError("bad_request", "exclude_invalid", "must be true or false");
  return { name: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()), excludeInvalid: flag === "true" };
}
