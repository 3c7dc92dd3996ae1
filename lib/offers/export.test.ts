import { describe, expect, it } from "vitest";
import { csvLines } from "@/lib/api/csv-stream";
import { PRICE_LIST_EXPORT, type PriceListRow } from "./export";
import { PRICE_LIST_COLUMNS, readRows } from "./import-rows";
import { parseCsv } from "./import-file";

const row: PriceListRow = {
  id: "x", account: "main", emag_offer_id: "101", part_number: "-SKU,1", name: '=Cana "mare"', sale_price: 12.5, min_sale_price: 10.0001,
  max_sale_price: null, recommended_price: 19.990000000000002, general_stock: 0, handling_time: null, status: 2,
};

describe("price list export", () => {
  it("has the import's columns, in the contract's order", () => {
    expect(PRICE_LIST_EXPORT.map(([h]) => h)).toEqual([...PRICE_LIST_COLUMNS]);
  });
  it("writes a CSV line that reads back as the same values (no change when imported)", () => {
    const line = csvLines(PRICE_LIST_EXPORT, [row]);
    expect(line).toBe(`main,101,"'-SKU,1","'=Cana ""mare""",12.5,10.0001,,19.99,0,,2\r\n`);
    const [cells] = parseCsv(line);
    const { rows } = readRows({ format: "csv", header: [...PRICE_LIST_COLUMNS], rows: [{ row: 2, cells: cells! }] });
    expect(rows[0]).toMatchObject({ account: "main", offerId: "101", partNumber: "-SKU,1", errors: [], change: { sale_price: 12.5, min_sale_price: 10.0001, recommended_price: 19.99, stock: 0, status: 2 } });
  });
});
