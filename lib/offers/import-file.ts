// Reads an uploaded price list (CSV or XLSX) into a plain table: a header and rows of cells, each
// row with its number in the file (the header is row 1). What the cells mean is import.ts's job.
import ExcelJS from "exceljs";
import { fieldError } from "@/lib/api/errors";

/** At most this many data rows per import (a job takes 20,000 offers; a file stays reviewable). */
export const MAX_IMPORT_ROWS = 10_000;

export type Cell = string | number | null;
export interface SheetTable {
  format: "csv" | "xlsx";
  header: string[];
  rows: { row: number; cells: Cell[] }[];
}

const refuse = (message: string) => fieldError("unprocessable_entity", "file", message);

/** The delimiter of the first record: the most frequent of , ; and tab outside quotes (Excel in a comma-decimal locale writes ;). */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).reduce((best, c) => (c[1] > best[1] ? c : best), [",", 0] as [string, number])[0];
}

/** RFC 4180 records (quotes, "" escapes, line breaks inside quotes; CRLF, LF or CR), BOM dropped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input.replace(/^\uFEFF/, ""))): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  // Slices rather than a character at a time: a 10 MB upload parses in well under a second.
  const unquoted = new RegExp(`[^\r\n${delimiter === "\t" ? "\\t" : delimiter}]*`, "y");
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      for (let from = i + 1; ; ) {
        const q = text.indexOf('"', from);
        if (q < 0) throw refuse(`row ${records.length + 1} opens a quoted value that is never closed`);
        field += text.slice(from, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        from = i + 1;
      }
    }
    // An unquoted value, or what follows a closing quote (kept, as spreadsheets do).
    unquoted.lastIndex = i;
    unquoted.test(text);
    record.push(field + text.slice(i, unquoted.lastIndex));
    i = unquoted.lastIndex;
    if (text[i] === delimiter) {
      i++;
      if (i === text.length) record.push("");
      continue;
    }
    records.push(record);
    record = [];
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
  }
  if (record.length) records.push(record);
  return records;
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1250 (what Excel saves as "CSV" in Romania). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1250").decode(bytes);
  }
}

/** A cell as text or number: formulas give their result, rich text its text, dates an ISO string. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in v) return cellValue(v.text as ExcelJS.CellValue);
  if ("error" in v) return String(v.error);
  return null;
}

const blank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

type Records = { records: Cell[][]; numbers: number[] };

async function readXlsx(bytes: Uint8Array): Promise<Records> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    throw fieldError("unprocessable_entity", "file", "is not a readable XLSX workbook", { cause });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw refuse("the workbook has no worksheet");
  const width = sheet.getRow(1).cellCount;
  const out: Records = { records: [], numbers: [] };
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (out.records.length > MAX_IMPORT_ROWS + 1) return; // enough to refuse the file; no need to convert the rest
    out.records.push(Array.from({ length: Math.max(width, row.cellCount) }, (_, c) => cellValue(row.getCell(c + 1).value)));
    out.numbers.push(n);
  });
  return out;
}

function readCsv(bytes: Uint8Array): Records {
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw refuse("is not CSV text (it holds binary data); upload a .csv or .xlsx file");
  const records = parseCsv(text);
  return { records, numbers: records.map((_, i) => i + 1) };
}

const extOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Which reader a file needs, from its name (or its first bytes when it has no extension). */
export function formatOf(name: string, bytes: Uint8Array): "csv" | "xlsx" {
  const ext = extOf(name);
  if (ext === "xls" || isOle(bytes)) throw refuse("an .xls (Excel 97-2003) workbook is not supported; save it as .xlsx or .csv");
  if (ext === "xlsx" || (ext === "" && isZip(bytes))) return "xlsx";
  if (ext === "csv" || ext === "txt" || ext === "") {
    if (isZip(bytes)) throw refuse("is a workbook (XLSX), not CSV text; name it .xlsx");
    return "csv";
  }
  throw refuse(`must be a .csv or .xlsx file (got .${ext})`);
}

/** The uploaded file as a table: header row 1, data rows below it (blank rows dropped, numbers kept). */
export async function readSheet(name: string, bytes: Uint8Array): Promise<SheetTable> {
  if (!bytes.byteLength) throw refuse("is empty");
  const format = formatOf(name, bytes);
  const { records, numbers } = format === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  if (records.every(blank)) throw refuse("is empty");
  if (numbers[0] !== 1 || blank(records[0]!)) throw refuse("row 1 must be the header (account, offer_id, part_number, …)");
  const rows = records.slice(1).map((cells, i) => ({ row: numbers[i + 1]!, cells })).filter((r) => !blank(r.cells));
  if (!rows.length) throw refuse("has no rows below the header");
  if (rows.length > MAX_IMPORT_ROWS) throw refuse(`has more than ${MAX_IMPORT_ROWS} rows; split it into several files`);
  return { format, header: records[0]!.map((h) => (h === null ? "" : String(h))), rows };
}
