// The cells of a price list, read as offer keys and changes: pure, no database. An empty cell
// leaves its field as it is; a value that is not a number (or not whole where it must be) is an
// error on its row and field. Prices are rounded to eMAG's 4 decimals, which also absorbs the float
// noise spreadsheets add (19.990000000000002 -> 19.99).
import type { Cell, SheetTable } from "./import-file";
import { money } from "./rules";
import type { AccountKind, OfferChange } from "./types";

/** The export's columns, in its order; an import needs each of them in its header (any order). */
export const PRICE_LIST_COLUMNS = ["account", "offer_id", "part_number", "name", "sale_price", "min_sale_price", "max_sale_price", "recommended_price", "stock", "handling_time", "status"] as const;
export type PriceListColumn = (typeof PRICE_LIST_COLUMNS)[number];

/** Headers other MagFlow files use for the same columns (the product export says emag_offer_id). */
const ALIASES: Record<string, PriceListColumn> = { emag_offer_id: "offer_id", general_stock: "stock" };

const PRICES = ["sale_price", "min_sale_price", "max_sale_price", "recommended_price"] as const;
const WHOLE = ["stock", "handling_time", "status"] as const;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportRow {
  row: number;
  account: AccountKind | null;
  offerId: string | null;
  partNumber: string | null;
  name: string | null;
  change: OfferChange;
  errors: RowError[];
}

const headerName = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");

/** Text of a cell, trimmed; null when empty. */
export function textOf(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = typeof c === "number" ? String(c) : c.trim();
  return s === "" ? null : s;
}

/** A key as exported: csvCell prefixes text starting with = + - @ with ' (spreadsheet formula guard). */
const keyOf = (c: Cell | undefined) => {
  const s = textOf(c);
  return s && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
};

/**
 * A number from a cell: numeric cells as they are; text with a dot or a comma decimal (12,5 from a
 * comma-decimal locale) and optional spaces between digit groups. Thousands separators are refused:
 * "1,234" could be either.
 */
export function numberOf(c: Cell | undefined): number | null | "invalid" {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") return Number.isFinite(c) ? c : "invalid";
  let s = c.trim().replace(/(?<=\d)[\s\u00a0\u202f](?=\d)/g, "");
  if (s === "") return null;
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return "invalid";
  const n = Number(s);
  return Number.isFinite(n) ? n : "invalid";
}

/** Column positions by name, and the header's problems (row 1): a column missing or given twice. */
export function readHeader(header: string[]) {
  const index = new Map<PriceListColumn, number>();
  const errors: RowError[] = [];
  header.forEach((h, i) => {
    const name = headerName(h);
    const col = (PRICE_LIST_COLUMNS as readonly string[]).includes(name) ? (name as PriceListColumn) : ALIASES[name];
    if (!col) return; // unknown columns are ignored
    if (index.has(col)) errors.push({ row: 1, field: col, message: `${col}: the column appears more than once` });
    else index.set(col, i);
  });
  for (const col of PRICE_LIST_COLUMNS) if (!index.has(col)) errors.push({ row: 1, field: col, message: `${col}: column missing from the header` });
  return { index, errors };
}

/** Every data row as key + change, with its cell-level errors. */
export function readRows(table: SheetTable): { rows: ImportRow[]; headerErrors: RowError[] } {
  const { index, errors: headerErrors } = readHeader(table.header);
  const cell = (cells: Cell[], col: PriceListColumn) => {
    const i = index.get(col);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const rows = table.rows.map(({ row, cells }): ImportRow => {
    const errors: RowError[] = [];
    const err = (field: string, message: string) => errors.push({ row, field, message: `${field}: ${message}` });
    const acc = textOf(cell(cells, "account"))?.toLowerCase() ?? null;
    const account = acc === "main" || acc === "fbe" ? acc : null;
    if (!account) err("account", acc === null ? "is required (main or fbe)" : "must be main or fbe");
    const rawId = keyOf(cell(cells, "offer_id"));
    const offerId = rawId && /^\d+\.0+$/.test(rawId) ? rawId.replace(/\.0+$/, "") : rawId;
    const partNumber = keyOf(cell(cells, "part_number"));
    if (!offerId && !partNumber) err("offer_id", "offer_id or part_number is required to find the offer");
    const change: OfferChange = {};
    for (const f of [...PRICES, ...WHOLE]) {
      const n = numberOf(cell(cells, f));
      if (n === null) continue;
      if (n === "invalid") err(f, "must be a number");
      else if ((WHOLE as readonly string[]).includes(f) && !Number.isInteger(n)) err(f, "must be a whole number");
      else change[f] = (PRICES as readonly string[]).includes(f) ? money(n) : n;
    }
    return { row, account, offerId, partNumber, name: textOf(cell(cells, "name")), change, errors };
  });
  return { rows, headerErrors };
}
