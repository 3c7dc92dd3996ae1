// The Customers API on a hand-made base (customers, orders and returns written with SQL in the
// upkeep's shape): paging, sorts, filters, search, 4xx, masking per role, detail, summary and its
// cohort matrix, the CSV and XLSX exports, and the old system's paths.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as legacyDetailRoute } from "@/app/api/v1/admin/emag-customers/[id]/route";
import { GET as legacyListRoute } from "@/app/api/v1/admin/emag-customers/route";
import { GET as detailRoute } from "@/app/api/v1/customers/[id]/route";
import { GET as csvRoute } from "@/app/api/v1/customers/export.csv/route";
import { GET as xlsxRoute } from "@/app/api/v1/customers/export.xlsx/route";
import { GET as listRoute } from "@/app/api/v1/customers/route";
import { GET as summaryRoute } from "@/app/api/v1/customers/summary/route";
import { closeCache } from "@/lib/cache";
import { customerDetailSchema, customerListSchema, customersSummarySchema, type CustomerList, type CustomerSummaryRow } from "@/lib/customers/api-types";
import { closePgPool } from "@/lib/db/pools";
import { NextRequest } from "next/server";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";
import { insertCustomers, insertOrders, insertReturn, monthKey, monthsAgo, type SeedCustomer } from "./seed";

useIsolatedDatabase();

const ION = "c_20250101000000000_main_0000000001";
const ACME = "c_20250101000000000_main_0000000002";
const CLARA = "c_20250101000000000_fbe_0000000003";
const DAN = "c_20250101000000000_main_0000000004";
const EVA = "c_20250101000000000_main_0000000005";
const day = (d: Date) => d.toISOString().slice(0, 10);

const named: SeedCustomer[] = [
  {
    id: ION, name: "Ion Popescu", phones: ["+40722123456", "+40744555666"], tier: "gold", rfm: [5, 5, 5], rfm_segment: "champions", risk: "low",
    net_spend: 6000, loyalty: 80, orders_total: 4, orders_delivered: 3, orders_cancelled: 1, accounts: { main: 3, fbe: 1 },
    cities: ["Cluj-Napoca", "Bucuresti"], first_order_at: monthsAgo(11, 3), last_order_at: monthsAgo(8, 5),
    score_inputs: { loyalty: { score: 80, inputs: { purchases: 3 } }, risk: { level: "low", points: 0, reasons: [] } },
  },
  {
    id: ACME, kind: "company", name: "Acme Distribution SRL", company_name: "Acme Distribution SRL", company_cui: "12345678", phone: "+40733000111",
    company: { cui: "12345678", name: "Acme Distribution SRL", registrationNumber: "J40/1234/2020", vatPayer: true, bank: "Banca Transilvania", iban: "RO49BTRL0000123456789012" },
    contacts: [{ name: "Maria Ionescu", phone: "+40733000111", emailHash: "abc", orders: 1, lastOrderAt: monthsAgo(4, 7).toISOString() }],
    tier: "platinum", net_spend: 25000, rfm_segment: "loyal", risk: "medium", accounts: { main: 1 }, first_order_at: monthsAgo(4, 7), last_order_at: monthsAgo(4, 7),
  },
  {
    id: CLARA, name: "Clara Mureșan", phone: "+40755111222", tier: "bronze", net_spend: 90, rfm_segment: "new", risk: "high", refused_cod: 2,
    accounts: { main: 0, fbe: 1 }, cities: ["Iasi"], first_order_at: monthsAgo(11, 8), last_order_at: monthsAgo(11, 8),
  },
  {
    id: DAN, name: "Dan Dobre", phone: "+40766000999", tier: "silver", net_spend: 1500, rfm_segment: "potential_loyalists", orders_total: 3, orders_delivered: 3,
    accounts: { main: 2, fbe: 1 }, first_order_at: monthsAgo(2, 1), last_order_at: monthsAgo(0, 1),
  },
  { id: EVA, name: "Eva Enache", tier: "silver", net_spend: 2500, rfm_segment: "at_risk", orders_total: 2, orders_delivered: 2, accounts: { main: 2 }, first_order_at: monthsAgo(14, 1), last_order_at: monthsAgo(5, 1) },
];
// No orders behind these: they feed the list and the counts only. Two share a net spend (id tiebreak).
const fillers: SeedCustomer[] = Array.from({ length: 25 }, (_, i) => ({
  id: `c_20240101000000000_main_${String(100 + i).padStart(10, "0")}`,
  name: `Filler ${String(i).padStart(2, "0")}`,
  phone: `+4072000${String(1000 + i)}`,
  net_spend: i === 24 ? 371 : i * 37 + 1, // 24 ties with 10
  loyalty: (i * 7) % 60,
  orders_total: 1 + (i % 3),
  orders_cancelled: i === 0 ? 1 : 0,
  rfm: i === 0 ? null : [1, 1, 1],
  rfm_segment: i === 0 ? null : i % 2 ? "hibernating" : "lost",
  cities: ["Timisoara"],
  first_order_at: monthsAgo(15 + (i % 6), 1 + i),
  last_order_at: monthsAgo(12 + (i % 3), 2),
}));
const all = [...named, ...fillers];

let viewer: string;
let manager: string;
let ionOrders: { id: string; emagOrderId: string }[];

beforeAll(async () => {
  await insertCustomers(all);
  ionOrders = await insertOrders([
    { customerId: ION, at: monthsAgo(11, 3), total: 2000 },
    { customerId: ION, at: monthsAgo(11, 20), total: 1500 },
    { customerId: ION, at: monthsAgo(10, 4), account: "fbe", total: 2500 },
    { customerId: ION, at: monthsAgo(8, 5), status: 0, total: 300 },
  ]);
  await insertOrders([
    { customerId: ACME, at: monthsAgo(4, 7), total: 25000 },
    { customerId: CLARA, at: monthsAgo(11, 8), account: "fbe", total: 90 },
    { customerId: DAN, at: monthsAgo(2, 1) },
    { customerId: DAN, at: monthsAgo(1, 1), account: "fbe" },
    { customerId: DAN, at: monthsAgo(0, 1) },
    { customerId: EVA, at: monthsAgo(14, 1) },
    { customerId: EVA, at: monthsAgo(5, 1) },
  ]);
  await insertReturn({ customerId: ION, orderId: ionOrders[2]!.id, emagOrderId: ionOrders[2]!.emagOrderId, at: monthsAgo(9, 2), refund: 250 });
  viewer = (await userWithToken("viewer")).token;
  manager = (await userWithToken("manager")).token;
});
afterAll(async () => {
  await closePgPool("read");
  await closeCache();
});

const list = async (query = "", token = manager) => {
  const res = await call(listRoute, { token, path: `/x${query}` });
  expect(res.status, res.text).toBe(200);
  return customerListSchema.parse(res.json);
};
const ids = (l: CustomerList) => l.data.map((c) => c.id);
const sorted = (rows: CustomerSummaryRow[], key: (c: CustomerSummaryRow) => number | string, desc: boolean) =>
  [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? (desc ? 1 : -1) : x > y ? (desc ? -1 : 1) : a.id < b.id ? -1 : 1;
  });

describe("GET /api/v1/customers", () => {
  it("pages by net spend (highest first, id as tiebreak) with an exact total", async () => {
    const first = await list();
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 20, total_estimated: false });
    expect(first.data[0]!.id).toBe(ACME);
    const pages = await Promise.all([1, 2, 3, 4, 5].map((p) => list(`?pageSize=7&page=${p}`)));
    const seen = pages.flatMap(ids);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(pages.flatMap((p) => p.data)).toEqual(sorted(pages.flatMap((p) => p.data), (c) => c.net_spend, true));
    const ties = pages.flatMap((p) => p.data).filter((c) => c.net_spend === 371);
    expect(ties.map((c) => c.id)).toEqual(ties.map((c) => c.id).sort());
    expect((await list("?page=99")).data).toEqual([]);
  });

  it("sorts by any metric, either way", async () => {
    for (const [sort, key] of [["orders_total", (c: CustomerSummaryRow) => c.orders_total], ["purchases", (c: CustomerSummaryRow) => c.purchases], ["loyalty", (c: CustomerSummaryRow) => c.loyalty],
      ["name", (c: CustomerSummaryRow) => c.name!], ["last_order_at", (c: CustomerSummaryRow) => c.last_order_at!], ["first_order_at", (c: CustomerSummaryRow) => c.first_order_at!],
      ["avg_order_value", (c: CustomerSummaryRow) => c.avg_order_value]] as const) {
      for (const order of ["asc", "desc"] as const) {
        const page = await list(`?sort=${sort}&order=${order}&pageSize=100`);
        expect(ids(page), `${sort} ${order}`).toEqual(sorted(page.data, key, order === "desc").map((c) => c.id));
      }
    }
    expect(ids(await list("?sort=name&order=asc&pageSize=5"))).toEqual([ACME, CLARA, DAN, EVA, fillers[0]!.id]);
  });

  it("filters by tier, segment, risk, account, city, kind, order dates and spend", async () => {
    const set = async (q: string) => ids(await list(`${q}&pageSize=100`)).sort();
    expect(await set("?tier=gold,platinum")).toEqual([ION, ACME].sort());
    expect(await set("?tier=gold&tier=platinum")).toEqual([ION, ACME].sort());
    expect(await set("?segment=champions")).toEqual([ION]);
    expect(await set("?segment=new,loyal")).toEqual([ACME, CLARA].sort());
    expect((await list("?segment=hibernating")).total).toBe(12);
    expect(await set("?risk=high")).toEqual([CLARA]);
    expect(await set("?account=fbe")).toEqual([ION, CLARA, DAN].sort());
    expect((await list("?account=main")).total).toBe(29);
    expect(await set("?city=cluj-napoca")).toEqual([ION]);
    expect(await set("?city=BUCURESTI")).toEqual([ION]);
    expect(await set("?kind=company")).toEqual([ACME]);
    expect((await list("?kind=person")).total).toBe(29);
    expect(await set(`?first_order_from=${day(monthsAgo(11, 1))}&first_order_to=${day(monthsAgo(11, 28))}`)).toEqual([ION, CLARA].sort());
    expect(await set(`?first_order_from=${day(monthsAgo(11, 3))}&first_order_to=${day(monthsAgo(11, 3))}`)).toEqual([ION]); // inclusive day
    expect(await set(`?last_order_from=${day(monthsAgo(2, 1))}`)).toEqual([DAN]);
    expect(await set(`?last_order_to=${day(monthsAgo(12, 28))}&segment=lost`)).toEqual(fillers.filter((f) => f.rfm_segment === "lost").map((f) => f.id).sort());
    expect(await set("?min_spend=1000&max_spend=6000")).toEqual([ION, DAN, EVA].sort());
    expect(await set("?min_spend=1500&max_spend=1500")).toEqual([DAN]);
    expect(await set("?tier=silver&account=fbe&segment=potential_loyalists&min_spend=100")).toEqual([DAN]);
    expect((await list("?tier=&segment=&search=")).total).toBe(30); // empty values mean no filter
  });

  it("searches by name, by any phone in any spelling, by company name and by CUI", async () => {
    const found = async (s: string) => ids(await list(`?search=${encodeURIComponent(s)}`));
    expect(await found("popes")).toEqual([ION]);
    expect(await found("POPESCU")).toEqual([ION]);
    for (const spelling of ["0722 123 456", "0040-722-123-456", "(0722) 123456", "+40722123456", "0744 555 666"]) expect(await found(spelling), spelling).toEqual([ION]);
    expect(await found("acme distrib")).toEqual([ACME]);
    for (const cui of ["RO12345678", "12345678", "RO 012345678"]) expect(await found(cui), cui).toEqual([ACME]);
    expect(await found("Mure")).toEqual([CLARA]);
    expect(await found(ION)).toEqual([ION]);
    expect(await found("nobody-like-this")).toEqual([]);
    expect(await found("100%_")).toEqual([]); // LIKE wildcards are literal
  });

  it("refuses bad filters with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["?tier=golden", "tier"], ["?segment=vip", "segment"], ["?risk=extreme", "risk"], ["?account=both", "account"], ["?kind=robot", "kind"],
      ["?first_order_from=2024-02-30", "first_order_from"], ["?last_order_to=yesterday", "last_order_to"], ["?min_spend=abc", "min_spend"],
      ["?min_spend=-5", "min_spend"], ["?min_spend=500&max_spend=100", "max_spend"], ["?first_order_from=2025-02-01&first_order_to=2025-01-01", "first_order_to"],
      ["?sort=bogus", "sort"], ["?order=up", "order"], ["?pageSize=500", "pageSize"], ["?page=0", "page"],
    ] as const) {
      const res = await call(listRoute, { token: viewer, path: `/x${query}` });
      expect(res.status, query).toBe(400);
      const details = res.json.error!.details as { field: string }[];
      expect(details.map((d) => d.field.split(".")[0]), query).toContain(field);
      expect(res.json.error!.message).toContain(field);
    }
  });

  it("masks phones and CUIs for a viewer, not for a manager", async () => {
    const asViewer = (await list(`?search=${ION}`, viewer)).data[0]!;
    expect(asViewer).toMatchObject({ phone: "+40 7** *** 456", pii_masked: true, name: "Ion Popescu" });
    expect((await list(`?search=${ION}`, manager)).data[0]).toMatchObject({ phone: "+40722123456", pii_masked: false });
    expect((await list("?kind=company", viewer)).data[0]).toMatchObject({ company_cui: "******78", phone: "+40 7** *** 111" });
    expect((await list("?kind=company", manager)).data[0]).toMatchObject({ company_cui: "12345678", phone: "+40733000111" });
    // A viewer's search by phone still finds the customer; it only does not show the number.
    expect(ids(await list("?search=0722123456", viewer))).toEqual([ION]);
  });
});

describe("GET /api/v1/customers/{id}", () => {
  const detail = async (id: string, token = manager, query = "") => {
    const res = await call(detailRoute, { token, path: `/x${query}`, params: { id } });
    expect(res.status, res.text).toBe(200);
    return customerDetailSchema.parse(res.json);
  };

  it("returns the profile, metrics, scores with their inputs, paged orders, returns and the timeline", async () => {
    const d = await detail(ION);
    expect(d).toMatchObject({ id: ION, name: "Ion Popescu", tier: "gold", loyalty: 80, rfm_segment: "champions", rfm_segment_label: "Champions", rfm: { r: 5, f: 5, m: 5 } });
    expect(d.phones).toEqual(["+40722123456", "+40744555666"]);
    expect(d.score_inputs).toMatchObject({ loyalty: { score: 80 }, risk: { level: "low" } });
    expect(d.orders.total).toBe(4);
    expect(d.orders.data.map((o) => o.emag_order_id)).toEqual([...ionOrders].reverse().map((o) => o.emagOrderId)); // newest first
    expect(d.orders.data[0]).toMatchObject({ status: 0, status_label: "Canceled", total: 300, city: "Cluj-Napoca" });
    expect(d.returns).toEqual([expect.objectContaining({ emag_order_id: ionOrders[2]!.emagOrderId, request_status: 3, refund_value: 250, account: "main" })]);
    expect(d.timeline.map((e) => e.kind)).toEqual(["order_cancelled", "order_placed", "return_requested", "order_placed", "order_placed", "order_placed"]);
    const ats = d.timeline.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(d.timeline.find((e) => e.kind === "return_requested")!.label).toContain("approved");

    const page2 = await detail(ION, manager, "?orders_page=2&orders_page_size=3");
    expect(page2.orders).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.orders.data.map((o) => o.emag_order_id)).toEqual([ionOrders[0]!.emagOrderId]);
  });

  it("masks the company's identifiers and the contacts' phones for a viewer", async () => {
    const v = await detail(ACME, viewer);
    expect(v.company).toEqual({ cui: "******78", name: "Acme Distribution SRL", registration_number: "***/****/**20", vat_payer: true, bank: "***", iban: "RO** **** … 9012" });
    expect(v.contacts[0]).toMatchObject({ name: "Maria Ionescu", phone: "+40 7** *** 111" });
    expect(v.pii_masked).toBe(true);
    const m = await detail(ACME, manager);
    expect(m.company).toEqual({ cui: "12345678", name: "Acme Distribution SRL", registration_number: "J40/1234/2020", vat_payer: true, bank: "Banca Transilvania", iban: "RO49BTRL0000123456789012" });
    expect(m.contacts[0]!.phone).toBe("+40733000111");
    expect((await detail(ION, viewer)).phones).toEqual(["+40 7** *** 456", "+40 7** *** 666"]);
  });

  it("404s an unknown customer and 400s a malformed id", async () => {
    expect((await call(detailRoute, { token: viewer, params: { id: "c_nobody" } })).status).toBe(404);
    const bad = await call(detailRoute, { token: viewer, params: { id: "'; drop table customers" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error!.message).toContain("id");
    const badPage = await call(detailRoute, { token: viewer, path: "/x?orders_page_size=1000", params: { id: ION } });
    expect(badPage.status).toBe(400);
    expect(badPage.json.error!.message).toContain("orders_page_size");
  });
});

describe("GET /api/v1/customers/summary", () => {
  it("counts by tier, segment and risk, channels, repeat rate and the top customers", async () => {
    const res = await call(summaryRoute, { token: manager });
    expect(res.status, res.text).toBe(200);
    const s = customersSummarySchema.parse(res.json);
    expect(s.total_customers).toBe(30);
    const count = (xs: { key: string; count: number }[], key: string) => xs.find((x) => x.key === key)!.count;
    const byTier = (t: string) => all.filter((c) => (c.tier ?? "bronze") === t).length;
    for (const t of ["bronze", "silver", "gold", "platinum"]) expect(count(s.by_tier, t), t).toBe(byTier(t));
    expect(count(s.by_segment, "champions")).toBe(1);
    expect(count(s.by_segment, "hibernating")).toBe(12);
    expect(count(s.by_segment, "none")).toBe(1);
    expect(s.by_segment.reduce((n, x) => n + x.count, 0)).toBe(30);
    expect(s.by_segment.find((x) => x.key === "cant_lose_them")).toEqual({ key: "cant_lose_them", label: "Can't lose them", count: 0 });
    expect(s.by_risk.map((r) => [r.key, r.count])).toEqual([["low", 28], ["medium", 1], ["high", 1]]);
    expect(s.channels).toEqual({ main_only: 27, fbe_only: 1, both: 2 });
    const kept = all.map((c) => c.purchases ?? (c.orders_total ?? 1) - (c.orders_cancelled ?? 0));
    expect(s.repeat_purchase).toEqual({ buyers: kept.filter((k) => k >= 1).length, repeat_buyers: kept.filter((k) => k >= 2).length, rate: kept.filter((k) => k >= 2).length / kept.filter((k) => k >= 1).length });
    expect(s.top_customers.map((c) => c.id).slice(0, 5)).toEqual([ACME, ION, EVA, DAN, fillers.reduce((a, b) => ((b.net_spend ?? 0) > (a.net_spend ?? 0) ? b : a)).id]);
    expect(s.top_customers).toHaveLength(10);
  });

  it("counts new and returning customers per month and builds the cohort retention matrix", async () => {
    const s = customersSummarySchema.parse((await call(summaryRoute, { token: viewer })).json);
    expect(s.top_customers[0]!.phone).toBe("+40 7** *** 111"); // masked after the cache, per role
    const months = Array.from({ length: 12 }, (_, i) => monthKey(11 - i));
    expect(s.new_vs_returning.map((m) => m.month)).toEqual(months);
    const nvr = Object.fromEntries(s.new_vs_returning.map((m) => [m.month, [m.new, m.returning]]));
    const expected: Record<number, [number, number]> = { 11: [2, 0], 10: [0, 1], 8: [0, 1], 5: [0, 1], 4: [1, 0], 2: [1, 0], 1: [0, 1], 0: [0, 1] };
    for (let k = 0; k < 12; k++) expect(nvr[monthKey(k)], monthKey(k)).toEqual(expected[k] ?? [0, 0]);

    expect(s.cohorts.map((c) => c.month)).toEqual(months);
    const cohort = (k: number) => s.cohorts.find((c) => c.month === monthKey(k))!;
    const row = (valid: number, values: Record<number, number> = {}) => Array.from({ length: 12 }, (_, i) => (i < valid ? (values[i + 1] ?? 0) : null));
    // Month -11: Ion and Clara; Ion again in +1 (month -10) and +3 (his cancelled order, month -8).
    expect(cohort(11)).toEqual({ month: monthKey(11), size: 2, retention: row(11, { 1: 0.5, 3: 0.5 }) });
    expect(cohort(4)).toEqual({ month: monthKey(4), size: 1, retention: row(4) }); // Acme, never again
    expect(cohort(2)).toEqual({ month: monthKey(2), size: 1, retention: row(2, { 1: 1, 2: 1 }) }); // Dan, every month since
    expect(cohort(0)).toEqual({ month: monthKey(0), size: 0, retention: row(0) });
    expect(cohort(5)).toMatchObject({ size: 0 }); // Eva's first order is older than the window: returning, not new
  });
});

describe("exports", () => {
  it("streams the filtered list as CSV, masked for a viewer", async () => {
    const res = await call(csvRoute, { token: viewer, path: "/x?tier=gold,platinum&sort=name&order=asc" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,kind,name,phone,company_name,company_cui,tier/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([ACME, ION]);
    expect(lines[1]).toContain("******78");
    expect(lines[2]).toContain("+40 7** *** 456");
    expect(res.text).not.toContain("12345678");
    const everyone = await call(csvRoute, { token: manager, path: "/x" });
    expect(everyone.text.trim().split("\r\n")).toHaveLength(31);
    expect(everyone.text).toContain("+40722123456");
    expect((await call(csvRoute, { token: viewer, path: "/x?tier=nope" })).status).toBe(400);
  });

  it("streams an XLSX workbook that exceljs opens, with the expected rows", async () => {
    const req = new NextRequest(new URL("/x?sort=net_spend&order=desc", "http://localhost"), { headers: { authorization: `Bearer ${manager}` } });
    const res = await xlsxRoute(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Customers")!;
    expect(sheet.rowCount).toBe(31);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["id", "kind", "name", "phone"]);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col("id")).value).toBe(ACME);
    expect(sheet.getRow(2).getCell(col("net_spend")).value).toBe(25000);
    expect(sheet.getRow(2).getCell(col("company_cui")).value).toBe("12345678");
    expect(sheet.getRow(3).getCell(col("phone")).value).toBe("+40722123456");

    const masked = await xlsxRoute(new NextRequest(new URL("/x?kind=company", "http://localhost"), { headers: { authorization: `Bearer ${viewer}` } }), { params: Promise.resolve({}) });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await masked.arrayBuffer()) as unknown as ArrayBuffer);
    const s2 = wb2.getWorksheet("Customers")!;
    expect(s2.rowCount).toBe(2);
    expect(s2.getRow(2).getCell(col("company_cui")).value).toBe("******78");
  });
});

describe("the old system's paths", () => {
  it("answer GET /api/v1/admin/emag-customers and /{id} with the same data", async () => {
    for (const q of ["", "?segment=champions", "?search=0722%20123%20456&pageSize=5"]) {
      const [a, b] = await Promise.all([call(listRoute, { token: viewer, path: `/x${q}` }), call(legacyListRoute, { token: viewer, path: `/x${q}` })]);
      expect(b.status).toBe(200);
      expect(b.json).toEqual(a.json);
    }
    const [a, b] = await Promise.all([call(detailRoute, { token: viewer, params: { id: ACME } }), call(legacyDetailRoute, { token: viewer, params: { id: ACME } })]);
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    expect((await call(legacyListRoute, {})).status).toBe(401);
  });
});
