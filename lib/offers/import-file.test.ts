import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellValue, decodeText, detectDelimiter, formatOf, MAX_IMPORT_ROWS, parseCsv, readSheet } from "./import-file";

const bytes = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("parseCsv", () => {
  it("reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes", () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([["a", "b", "c"], ["x, y", 'say "hi"', "two\nlines"]]);
  });
  it("takes LF, CRLF and CR line ends, keeps empty cells and a last line without a newline", () => {
    expect(parseCsv("a,b\n1,\r\n,2\r3,4")).toEqual([["a", "b"], ["1", ""], ["", "2"], ["3", "4"]]);
  });
  it("keeps quotes inside unquoted values, text after a closing quote, and a trailing empty cell", () => {
    expect(parseCsv('a,b"c,"d"e,\n"",x')).toEqual([["a", 'b"c', "de", ""], ["", "x"]]);
  });
  it("drops a UTF-8 BOM", () => {
    expect(parseCsv("\uFEFFaccount,offer_id\nmain,1")[0]).toEqual(["account", "offer_id"]);
  });
  it("detects ; and tab delimiters from the header (quotes ignored)", () => {
    expect(detectDelimiter('account;offer_id;"a,b,c,d"\n1,2,3')).toBe(";");
    expect(detectDelimiter("account\toffer_id\tname")).toBe("\t");
    expect(detectDelimiter("account,offer_id")).toBe(",");
    expect(parseCsv("account;sale_price\nmain;12,5")).toEqual([["account", "sale_price"], ["main", "12,5"]]);
  });
  it("refuses a quote that is never closed, naming its row", () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3')).toThrow(/file: row 3 opens a quoted value/);
  });
});

describe("decodeText", () => {
  it("reads UTF-8 (BOM kept for parseCsv), UTF-16 with a BOM, and falls back to Windows-1250", () => {
    expect(decodeText(bytes("ţară"))).toBe("ţară");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("ab").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(utf16)).toBe("ab");
    expect(decodeText(new Uint8Array([0x74, 0xfe, 0x61]))).toBe("tţa"); // 0xFE is ţ in Windows-1250
  });
});

describe("formatOf / readSheet", () => {
  it("picks the reader from the extension, or sniffs a zip when there is none", async () => {
    expect(formatOf("prices.CSV", bytes("a"))).toBe("csv");
    expect(formatOf("prices.xlsx", bytes("PK\x03\x04"))).toBe("xlsx");
    expect(formatOf("prices", await xlsx([["a"]]))).toBe("xlsx");
    expect(() => formatOf("prices.pdf", bytes("%PDF"))).toThrow("file: must be a .csv or .xlsx file (got .pdf)");
    expect(() => formatOf("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(/\.xls \(Excel 97-2003\)/);
    const book = await xlsx([["a"]]);
    expect(() => formatOf("book.csv", book)).toThrow(/name it \.xlsx/);
  });

  it("refuses empty files, header-only files, binary CSV, unreadable workbooks and too many rows", async () => {
    await expect(readSheet("a.csv", new Uint8Array())).rejects.toMatchObject({ code: "unprocessable_entity", message: "file: is empty" });
    await expect(readSheet("a.csv", bytes("\uFEFF\r\n"))).rejects.toMatchObject({ message: "file: is empty" });
    await expect(readSheet("a.csv", bytes("account,offer_id\r\n,\r\n"))).rejects.toMatchObject({ message: "file: has no rows below the header" });
    await expect(readSheet("a.csv", bytes("\n\naccount\nmain"))).rejects.toMatchObject({ message: expect.stringMatching(/^file: row 1 must be the header/) });
    await expect(readSheet("a.csv", bytes("a,b\u0000c"))).rejects.toMatchObject({ message: expect.stringMatching(/^file: is not CSV text/) });
    await expect(readSheet("a.xlsx", bytes("PK\x03\x04 not really"))).rejects.toMatchObject({ message: "file: is not a readable XLSX workbook" });
    const many = "account,offer_id\n" + "main,1\n".repeat(MAX_IMPORT_ROWS + 1);
    await expect(readSheet("a.csv", bytes(many))).rejects.toMatchObject({ message: `file: has more than ${MAX_IMPORT_ROWS} rows; split it into several files` });
    await expect(readSheet("a.csv", bytes("account,offer_id\n" + "main,1\n".repeat(MAX_IMPORT_ROWS)))).resolves.toMatchObject({ format: "csv" });
  });

  it("numbers CSV records from the header (row 1) and drops blank rows, keeping the numbers", async () => {
    const t = await readSheet("a.csv", bytes("account,offer_id\r\nmain,1\r\n,\r\n\r\nfbe,2\r\n"));
    expect(t.header).toEqual(["account", "offer_id"]);
    expect(t.rows).toEqual([{ row: 2, cells: ["main", "1"] }, { row: 5, cells: ["fbe", "2"] }]);
  });

  it("reads the first worksheet in memory: numbers stay numbers, formulas give their result, rich text its text", async () => {
    const file = await xlsx([["account", "offer_id", "sale_price", "name"], ["main", "101", 19.990000000000002, "A"], [], ["fbe", 102, null, "B"]], (ws) => {
      ws.getCell("C4").value = { formula: "C2*2", result: 39.98 };
      ws.getCell("D4").value = { richText: [{ text: "Bo" }, { text: "ld" }] };
    });
    const t = await readSheet("prices.xlsx", file);
    expect(t.format).toBe("xlsx");
    expect(t.header).toEqual(["account", "offer_id", "sale_price", "name"]);
    expect(t.rows).toEqual([
      { row: 2, cells: ["main", "101", 19.990000000000002, "A"] },
      { row: 4, cells: ["fbe", 102, 39.98, "Bold"] },
    ]);
  });

  it("turns other cell values into text", () => {
    expect(cellValue(true)).toBe("true");
    expect(cellValue(new Date("2026-01-02T00:00:00Z"))).toBe("2026-01-02T00:00:00.000Z");
    expect(cellValue({ text: "link", hyperlink: "https://x" })).toBe("link");
    expect(cellValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(cellValue(null)).toBeNull();
  });
});
