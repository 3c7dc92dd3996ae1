import { describe, expect, it } from "vitest";
import type { SheetTable } from "./import-file";
import { numberOf, PRICE_LIST_COLUMNS, readHeader, readRows } from "./import-rows";

const table = (rows: (string | number | null)[][], header: string[] = [...PRICE_LIST_COLUMNS]): SheetTable => ({
  format: "csv",
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
// account, offer_id, part_number, name, sale_price, min, max, recommended, stock, handling_time, status
const row = (over: Partial<Record<(typeof PRICE_LIST_COLUMNS)[number], string | number | null>>) =>
  PRICE_LIST_COLUMNS.map((c) => (c in over ? over[c]! : ({ account: "main", offer_id: "101" } as Record<string, string>)[c] ?? null));

describe("numberOf", () => {
  it("reads numeric cells, dot and comma decimals, digit groups split by spaces; empty is null", () => {
    expect(numberOf(12.5)).toBe(12.5);
    expect(numberOf(" 12.50 ")).toBe(12.5);
    expect(numberOf("12,5")).toBe(12.5);
    expect(numberOf("1 234,5")).toBe(1234.5);
    expect(numberOf("1\u00a0234.5")).toBe(1234.5);
    expect(numberOf("-3")).toBe(-3);
    expect(numberOf("1e2")).toBe(100);
    expect(numberOf("")).toBeNull();
    expect(numberOf("  ")).toBeNull();
    expect(numberOf(null)).toBeNull();
  });
  it("refuses text, thousands separators and non-finite values", () => {
    for (const bad of ["abc", "12.5.1", "1,234.5", "1.234,5", "12 lei", "NaN", "Infinity", "1e999"]) expect(numberOf(bad), bad).toBe("invalid");
  });
});

describe("readHeader", () => {
  it("takes columns in any order and case, ignores unknown ones, knows the product export's names", () => {
    const { index, errors } = readHeader(["Status", "extra", "Account", "emag_offer_id", "part number", "name", "sale_price", "min_sale_price", "max_sale_price", "recommended_price", "general_stock", "handling_time"]);
    expect(errors).toEqual([]);
    expect(index.get("account")).toBe(2);
    expect(index.get("offer_id")).toBe(3);
    expect(index.get("stock")).toBe(10);
  });
  it("names every column missing from the header (row 1) and a column given twice", () => {
    const { errors } = readHeader(["account", "offer_id", "sale_price", "sale_price"]);
    expect(errors).toContainEqual({ row: 1, field: "sale_price", message: "sale_price: the column appears more than once" });
    expect(errors).toContainEqual({ row: 1, field: "stock", message: "stock: column missing from the header" });
    expect(errors.filter((e) => e.message.endsWith("missing from the header")).map((e) => e.field)).toEqual(["part_number", "name", "min_sale_price", "max_sale_price", "recommended_price", "stock", "handling_time", "status"]);
  });
});

describe("readRows", () => {
  it("reads keys and only the filled cells as changes; prices at 4 decimals (spreadsheet float noise gone)", () => {
    const { rows, headerErrors } = readRows(table([row({ sale_price: 19.990000000000002, stock: "7", status: 1, recommended_price: "24,123456" })]));
    expect(headerErrors).toEqual([]);
    expect(rows[0]).toEqual({ row: 2, account: "main", offerId: "101", partNumber: null, name: null, change: { sale_price: 19.99, recommended_price: 24.1235, stock: 7, status: 1 }, errors: [] });
  });
  it("names each bad cell by row and field", () => {
    const { rows } = readRows(table([row({ account: "gold", sale_price: "abc", stock: "2.5", handling_time: 1.5, status: "x" }), row({ account: null, offer_id: null })]));
    expect(rows[0]!.errors).toEqual([
      { row: 2, field: "account", message: "account: must be main or fbe" },
      { row: 2, field: "sale_price", message: "sale_price: must be a number" },
      { row: 2, field: "stock", message: "stock: must be a whole number" },
      { row: 2, field: "handling_time", message: "handling_time: must be a whole number" },
      { row: 2, field: "status", message: "status: must be a number" },
    ]);
    expect(rows[1]!.errors).toEqual([
      { row: 3, field: "account", message: "account: is required (main or fbe)" },
      { row: 3, field: "offer_id", message: "offer_id: offer_id or part_number is required to find the offer" },
    ]);
  });
  it("undoes the CSV export's formula guard on keys, normalises numeric offer ids and the account's case", () => {
    const { rows } = readRows(table([row({ account: " FBE ", offer_id: 102, part_number: "'-X1" }), row({ offer_id: "103.0", part_number: "=A1" })]));
    expect(rows.map((r) => [r.account, r.offerId, r.partNumber])).toEqual([["fbe", "102", "-X1"], ["main", "103", "=A1"]]);
  });
});
