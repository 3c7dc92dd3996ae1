// Price-list export and import through the route handlers against real PostgreSQL: an exported file
// (CSV and XLSX) imports with no change, every bad row is named by row and field, nothing is created
// while errors remain, and exclude_invalid sends only the valid rows. eMAG is the simulator, holding
// the same offers as the seeded rows (the write path itself is tests/offers/write-path.test.ts).
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/emag/offers/export.csv/route";
import { GET as exportXlsx } from "@/app/api/v1/emag/offers/export.xlsx/route";
import { POST as importApply } from "@/app/api/v1/emag/offers/import/route";
import { POST as importPreview } from "@/app/api/v1/emag/offers/import/preview/route";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { waitForOfferJobs } from "@/lib/offers/runner";
import { userWithToken } from "../helpers/api";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let viewer: string;
let manager: string;
let sim: EmagSimulator;
let stopClients: () => Promise<void>;

type Seed = { account: "main" | "fbe"; id: string; part: string | null; name: string; sale: number | null; min?: number; max?: number; rec?: number; stock: number | null; ht?: number; status: number; removed?: boolean };
const SEED: Seed[] = [
  { account: "main", id: "1001", part: "SKU-1", name: "Cană, mare \"Alb\"", sale: 12.5, min: 10, max: 20, rec: 15.99, stock: 5, ht: 1, status: 1 },
  { account: "main", id: "1002", part: "-SKU2", name: "=Formula name", sale: 19.99, min: 0.1, max: 99.9999, stock: 0, ht: 2, status: 0 },
  { account: "main", id: "1003", part: "SKU-3", name: "Line\nbreak", sale: 1234.5678, min: 1000, max: 2000, rec: 1500.1, stock: 65535, status: 2 },
  { account: "main", id: "1004", part: null, name: "No part number", sale: null, stock: null, status: 1 },
  { account: "fbe", id: "2001", part: "SKU-1", name: "FBE offer", sale: 0.3, min: 0.1, max: 0.7, stock: 12, ht: 0, status: 1 },
  { account: "main", id: "1005", part: "SKU-5", name: "Removed", sale: 5, stock: 1, status: 1, removed: true },
];

beforeAll(async () => {
  await db.emagProduct.createMany({
    data: SEED.map((s) => ({
      account: s.account, emagOfferId: s.id, partNumber: s.part, name: s.name, salePrice: s.sale, minSalePrice: s.min ?? null, maxSalePrice: s.max ?? null,
      recommendedPrice: s.rec ?? null, generalStock: s.stock, handlingTime: s.ht ?? null, status: s.status, vatId: 9, contentHash: "seed",
      stock: s.stock === null ? [] : [{ warehouse_id: 1, value: s.stock }], removedAt: s.removed ? new Date() : null,
    })),
  });
  // The simulator holds the seeded offers (same ids and values), so jobs reach eMAG's stand-in.
  sim = await startFastSimulator({ products: { main: 1, fbe: 1 } });
  stopClients = useFastSyncClients(sim);
  for (const x of SEED) {
    const acct = sim.state.accounts[x.account];
    const rec = {
      ...acct.offers[0]!, id: Number(x.id), partNumber: x.part ?? "", name: x.name, salePrice: x.sale ?? 0, minPrice: x.min ?? 0, maxPrice: x.max ?? 0,
      recommendedPrice: x.rec ?? null, stock: x.stock ?? 0, handlingTime: x.ht ?? 0, status: x.status, deleted: !!x.removed,
    };
    acct.offers.push(rec);
    acct.offerById.set(rec.id, rec);
  }
  viewer = (await userWithToken("viewer")).token;
  manager = (await userWithToken("manager")).token;
});
afterAll(async () => {
  await waitForOfferJobs();
  await stopClients();
  await sim.close();
});

const get = (handler: typeof exportCsv, token: string, query = "") =>
  handler(new NextRequest(new URL(`/x${query}`, "http://localhost"), { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

type Upload = { name: string; body: string | Uint8Array };
async function post(handler: typeof importApply, token: string, file: Upload | null, opts: { query?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const form = new FormData();
  if (file) form.append("file", new File([file.body as BlobPart], file.name));
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  const req = new NextRequest(new URL(`/x${opts.query ?? ""}`, "http://localhost"), { method: "POST", body: form, headers: { authorization: `Bearer ${token}`, ...opts.headers } });
  const res = await handler(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const HEADER = "account,offer_id,part_number,name,sale_price,min_sale_price,max_sale_price,recommended_price,stock,handling_time,status";
const jobCount = () => db.offerJob.count();

describe("GET /api/v1/emag/offers/export.csv and export.xlsx", () => {
  it("streams the price list in the contract's columns, prices ex VAT as stored, removed offers left out", async () => {
    const res = await get(exportCsv, viewer, "?sort=part_number");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain("main,1002,'-SKU2,'=Formula name,19.99,0.1,99.9999,,0,2,0");
    expect(lines).toContain('main,1001,SKU-1,"Cană, mare ""Alb""",12.5,10,20,15.99,5,1,1');
    expect(lines.some((l) => l.includes("1005"))).toBe(false);
    const fbe = await (await get(exportCsv, viewer, "?account=fbe")).text();
    expect(fbe.trim().split("\r\n")).toEqual([HEADER, "fbe,2001,SKU-1,FBE offer,0.3,0.1,0.7,,12,0,1"]);
  });

  it("writes one worksheet: frozen header row, prices, stock and status as number cells", async () => {
    const res = await get(exportXlsx, viewer);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(","));
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(5);
    const r = rows.find((x) => x[2] === "1003")!;
    expect(r.slice(1)).toEqual(["main", "1003", "SKU-3", "Line\nbreak", 1234.5678, 1000, 2000, 1500.1, 65535, undefined, 2]);
  });

  it("takes the product list's filters (400 on a bad one); viewers may export", async () => {
    expect((await (await get(exportCsv, viewer, "?search=SKU-3")).text()).trim().split("\r\n")).toHaveLength(2);
    expect((await get(exportCsv, viewer, "?sort=price")).status).toBe(400);
  });
});

describe("round trip", () => {
  it.each(["csv", "xlsx"] as const)("an exported %s file imports with no change", async (format) => {
    const res = await get(format === "csv" ? exportCsv : exportXlsx, viewer);
    const body = new Uint8Array(await res.arrayBuffer());
    const preview = await post(importPreview, viewer, { name: `prices.${format}`, body });
    expect(preview.status).toBe(200);
    expect(preview.json.errors).toEqual([]);
    expect(preview.json.summary).toEqual({ total: 5, changed: 0, unchanged: 5, invalid: 0 });
    expect(preview.json.data.every((r: { changes: object }) => Object.keys(r.changes).length === 0)).toBe(true);
  });

  it("survives spreadsheet float noise and a ; delimited, comma-decimal CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("x");
    ws.addRow(HEADER.split(","));
    ws.addRow(["main", 1001, "SKU-1", "x", 12.499999999999998, 10.000000000000002, 20, 15.990000000000002, 5, 1, 1]);
    const xlsx = await post(importPreview, viewer, { name: "noisy.xlsx", body: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(xlsx.json.summary).toEqual({ total: 1, changed: 0, unchanged: 1, invalid: 0 });
    const semi = `\uFEFF${HEADER.replaceAll(",", ";")}\r\nmain;1003;SKU-3;x;1234,5678;1000,0;2000;1500,10;65535;;2\r\n`;
    const csv = await post(importPreview, viewer, { name: "ro.csv", body: semi });
    expect(csv.json.summary).toEqual({ total: 1, changed: 0, unchanged: 1, invalid: 0 });
  });
});

const file = (rows: string[]): Upload => ({ name: "edits.csv", body: [HEADER, ...rows].join("\r\n") + "\r\n" });
const MIXED = file([
  "main,1001,,ignored name,13,,,,,,", // row 2: sale_price 12.5 -> 13
  "main,1002,'-SKU2,,abc,,,,,,", // row 3: not a number
  "main,1003,,,,,,,2.5,,", // row 4: stock not whole
  "main,999999,,,10,,,,,,", // row 5: unknown offer
  "fbe,,SKU-1,,,,,,,,0", // row 6: found by part number on FBE, status 1 -> 0
  "main,1004,,,,,,,3,,", // row 7: stock null -> 3
]);

describe("POST /api/v1/emag/offers/import/preview", () => {
  it("plans every row, names each error by row and field, pages and filters", async () => {
    const res = await post(importPreview, viewer, MIXED, { query: "?pageSize=2" });
    expect(res.status).toBe(200);
    expect(res.json.summary).toEqual({ total: 6, changed: 3, unchanged: 0, invalid: 3 });
    expect(res.json.errors).toEqual([
      { row: 3, field: "sale_price", message: "sale_price: must be a number" },
      { row: 4, field: "stock", message: "stock: must be a whole number" },
      { row: 5, field: "offer_id", message: "offer_id: unknown offer 999999 on the main account" },
    ]);
    expect(res.json).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(res.json.data).toHaveLength(2);
    expect(res.json.data[0]).toMatchObject({ seq: 2, account: "main", emag_offer_id: "1001", before: { sale_price: 12.5 }, after: { sale_price: 13 }, changes: { sale_price: 13 }, violations: [] });
    expect(res.json.data[0].sale_price_with_vat).toEqual({ before: expect.any(Number), after: expect.any(Number) });
    const invalid = await post(importPreview, viewer, MIXED, { query: "?only=invalid" });
    expect(invalid.json.data.map((r: { seq: number }) => r.seq)).toEqual([3, 4, 5]);
    expect(invalid.json.data[2]).toMatchObject({ seq: 5, product_id: null, before: null, emag_offer_id: "999999", violations: [{ field: "offer_id" }] });
    const changed = await post(importPreview, viewer, MIXED, { query: "?only=changed" });
    expect(changed.json.data.map((r: { seq: number; changes: object }) => [r.seq, r.changes])).toEqual([[2, { sale_price: 13 }], [6, { status: 0 }], [7, { stock: 3 }]]);
  });

  it("reports eMAG's rules, missing columns, duplicates and part-number mismatches per row", async () => {
    const res = await post(importPreview, viewer, file([
      "main,1001,,,25,,,,,,", // above max 20
      "fbe,2001,,,,,,,3,,", // FBE stock
      "main,1003,SKU-1,,,,,,,,", // part number of another offer
      "main,1002,,,18,,,,,,",
      "main,,-SKU2,,,,,,,,1", // same offer as the row above
      "main,1005,,,6,,,,,,", // removed
    ]));
    expect(res.json.summary).toMatchObject({ total: 6, invalid: 6 });
    const byRow = (row: number) => res.json.errors.filter((e: { row: number }) => e.row === row).map((e: { field: string; message: string }) => `${e.field}|${e.message}`);
    expect(byRow(2)).toEqual(["sale_price|sale_price 25 is above max_sale_price 20", "sale_price|sale_price: recommended_price 15.99 must be greater than sale_price 25"]);
    expect(byRow(3)).toEqual([expect.stringMatching(/^stock\|stock: FBE stock/)]);
    expect(byRow(4)).toEqual(["part_number|part_number: SKU-1 is not the part number of offer 1003 (SKU-3)"]);
    expect(byRow(5)).toEqual(["offer_id|offer_id: offer 1002 is in rows 5, 6; keep one row per offer"]);
    expect(byRow(6)).toEqual(["part_number|part_number: offer 1002 is in rows 5, 6; keep one row per offer"]);
    expect(byRow(7)).toEqual(["offer|offer: The offer is no longer on eMAG"]);
    const cols = await post(importPreview, viewer, { name: "a.csv", body: "account,offer_id,sale_price,bogus\nmain,1001,13,x\n" });
    expect(cols.status).toBe(200);
    expect(cols.json.errors.filter((e: { row: number }) => e.row === 1).map((e: { field: string }) => e.field)).toEqual(["part_number", "name", "min_sale_price", "max_sale_price", "recommended_price", "stock", "handling_time", "status"]);
    expect(cols.json.summary).toEqual({ total: 1, changed: 1, unchanged: 0, invalid: 0 });
  });

  it("refuses files it cannot read: 400 without a file, 422 naming the problem otherwise", async () => {
    const none = await post(importPreview, viewer, null);
    expect(none.status).toBe(400);
    expect(none.json.error.message).toMatch(/^file: is required/);
    const cases: [Upload, RegExp][] = [
      [{ name: "a.pdf", body: "%PDF-1.4" }, /^file: must be a \.csv or \.xlsx file/],
      [{ name: "a.csv", body: "" }, /^file: is empty/],
      [{ name: "a.csv", body: HEADER + "\r\n" }, /^file: has no rows below the header/],
      [{ name: "a.xlsx", body: "not a zip" }, /^file: is not a readable XLSX workbook/],
      [file(Array.from({ length: 10_001 }, () => "main,1001,,,,,,,,,")), /^file: has more than 10000 rows/],
    ];
    for (const [f, message] of cases) {
      const res = await post(importPreview, viewer, f);
      expect(res.status, f.name).toBe(422);
      expect(res.json.error).toMatchObject({ code: "unprocessable_entity", message: expect.stringMatching(message), details: [{ field: "file" }] });
    }
    expect((await post(importPreview, viewer, file(["main,1001,,,,,,,,,"]), { query: "?pageSize=101" })).status).toBe(400);
  });
});

describe("POST /api/v1/emag/offers/import", () => {
  it("refuses a file with bad rows (422 naming each row and field) and creates nothing", async () => {
    const before = await jobCount();
    const res = await post(importApply, manager, MIXED);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unprocessable_entity");
    expect(res.json.error.message).toMatch(/^3 row\(s\) have errors/);
    expect(res.json.error.details).toEqual([
      { row: 3, field: "sale_price", message: "sale_price: must be a number" },
      { row: 4, field: "stock", message: "stock: must be a whole number" },
      { row: 5, field: "offer_id", message: "offer_id: unknown offer 999999 on the main account" },
    ]);
    expect(await jobCount()).toBe(before);
    expect((await post(importApply, manager, MIXED, { fields: { exclude_invalid: "yes" } })).status).toBe(400);
    expect((await post(importApply, viewer, MIXED, { fields: { exclude_invalid: "true" } })).status).toBe(403);
  });

  it("with exclude_invalid=true sends only the valid rows that change something, as one import job", async () => {
    const res = await post(importApply, manager, MIXED, { fields: { exclude_invalid: "true" }, headers: { "idempotency-key": "import-1" } });
    expect(res.status).toBe(202);
    expect(res.json.engine).toBe("in-process");
    expect(res.json.job).toMatchObject({ kind: "import", total: 3, skipped: 0, spec: { file: "edits.csv", rows: 6, summary: { total: 6, changed: 3, unchanged: 0, invalid: 3 } } });
    const items = await db.offerJobItem.findMany({ where: { jobId: res.json.job.id }, orderBy: { seq: "asc" } });
    expect(items.map((i) => [i.seq, i.account, i.emagOfferId, i.changes])).toEqual([
      [2, "main", "1001", { sale_price: 13 }],
      [6, "fbe", "2001", { status: 0 }],
      [7, "main", "1004", { stock: 3 }],
    ]);
    const again = await post(importApply, manager, MIXED, { fields: { exclude_invalid: "true" }, headers: { "idempotency-key": "import-1" } });
    expect(again.json.job.id).toBe(res.json.job.id);
    await waitForOfferJobs();
    const job = await db.offerJob.findUniqueOrThrow({ where: { id: res.json.job.id } });
    expect(job).toMatchObject({ status: "completed", applied: 3 });
    expect(Number((await db.emagProduct.findFirstOrThrow({ where: { account: "main", emagOfferId: "1001" } })).salePrice)).toBe(13);
    // ...and reached eMAG's stand-in.
    expect(sim.state.accounts.main.offerById.get(1001)!.salePrice).toBe(13);
    expect(sim.state.accounts.fbe.offerById.get(2001)!.status).toBe(0);
    expect(sim.state.accounts.main.offerById.get(1004)!.stock).toBe(3);
  });

  it("an unchanged file creates a finished job with nothing to send", async () => {
    const csv = new Uint8Array(await (await get(exportCsv, viewer)).arrayBuffer());
    const res = await post(importApply, manager, { name: "same.csv", body: csv });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ engine: "none", job: { kind: "import", status: "completed", total: 0, skipped: 5 } });
  });
});
