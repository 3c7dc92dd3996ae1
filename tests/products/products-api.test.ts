import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/emag/products/export.csv/route";
import { GET as productRoute, PATCH as patchRoute } from "@/app/api/v1/emag/products/products/[id]/route";
import { GET as listRoute } from "@/app/api/v1/emag/products/products/route";
import { GET as statisticsRoute } from "@/app/api/v1/emag/products/statistics/route";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import type { ProductJson } from "@/lib/products/service";
import { syncProductsNow } from "@/lib/sync/service";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let viewer: string;
let manager: string;

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 240, fbe: 160 } });
  stopClients = useFastSyncClients(sim);
  await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
  await simControl(sim, "offers/delete", { account: "fbe", count: 4 });
  await syncProductsNow({ account_type: "fbe", mode: "full" }, { triggeredBy: "user" });
  viewer = (await userWithToken("viewer")).token;
  manager = (await userWithToken("manager")).token;
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

type List = { data: ProductJson[]; total: number; page: number; pageSize: number };
const list = async (query = "") => {
  const res = await call(listRoute, { token: viewer, path: `/x${query}` });
  expect(res.status).toBe(200);
  return res.json as unknown as List;
};
const live = (account: "main" | "fbe") => sim.state.accounts[account].offers.filter((o) => !o.deleted);

describe("GET /api/v1/emag/products/products", () => {
  it("lists offers not removed, 20 a page by name, in the Product shape", async () => {
    const res = await list();
    expect(res).toMatchObject({ total: 240 + 156, page: 1, pageSize: 20 });
    expect(res.data).toHaveLength(20);
    const names = res.data.map((p) => p.name!);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const p = res.data[0]!;
    expect(Object.keys(p).sort()).toEqual(
      [
        "id", "account", "emag_offer_id", "part_number", "part_number_key", "name", "brand", "category_id", "sale_price",
        "recommended_price", "min_sale_price", "max_sale_price", "currency", "vat_id", "general_stock", "estimated_stock", "handling_time", "stock",
        "status", "validation_status", "offer_validation_status", "number_of_offers", "buy_button_rank", "best_offer_sale_price",
        "best_offer_recommended_price", "images", "eans", "local_edits", "sync_conflict", "first_seen_at", "last_synced_at", "removed_at",
      ].sort(),
    );
    expect(typeof p.sale_price).toBe("number");
    expect(p.first_seen_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("filters by account, status, stock, price, brand and validation status", async () => {
    expect((await list("?account=main")).total).toBe(240);
    expect((await list("?status=removed")).total).toBe(4);
    expect((await list("?status=removed&account=main")).total).toBe(0);
    const active = live("main").filter((o) => o.status === 1).length + live("fbe").filter((o) => o.status === 1).length;
    expect((await list("?status=active")).total).toBe(active);
    expect((await list("?status=inactive")).total).toBe(396 - active);
    const stocked = live("main").filter((o) => o.stock >= 6 && o.stock <= 50).length;
    expect((await list("?account=main&stock_min=6&stock_max=50")).total).toBe(stocked);
    const priced = live("main").filter((o) => o.salePrice >= 100 && o.salePrice <= 500).length;
    expect((await list("?account=main&price_min=100&price_max=500")).total).toBe(priced);
    const brand = live("main")[0]!.brand;
    expect((await list(`?account=main&brand=${encodeURIComponent(brand)}`)).total).toBe(live("main").filter((o) => o.brand === brand).length);
    expect((await list("?account=main&validation_status=9")).total).toBe(live("main").filter((o) => o.validation === 9).length);
    expect((await list("?account=main&brand=&search=")).total).toBe(240); // empty values mean no filter
  });

  it("searches name and SKU (substring, any case), PNK and EAN (exact)", async () => {
    const o = live("main")[10]!;
    const word = o.name.split(" ")[0]!.toLowerCase();
    const byWord = await list(`?pageSize=100&account=main&search=${encodeURIComponent(word)}`);
    expect(byWord.total).toBe(live("main").filter((x) => x.name.toLowerCase().includes(word) || x.partNumber.toLowerCase().includes(word)).length);
    const sku = o.partNumber.slice(-5);
    expect((await list(`?account=main&search=${sku}`)).data.map((p) => p.emag_offer_id)).toContain(String(o.id));
    expect((await list(`?account=main&search=${o.pnk.toLowerCase()}`)).data.map((p) => p.emag_offer_id)).toEqual([String(o.id)]);
    expect((await list(`?account=main&search=${o.ean[0]}`)).data.map((p) => p.emag_offer_id)).toEqual([String(o.id)]);
    expect((await list("?search=%25_%25")).total).toBe(0); // LIKE wildcards are taken literally
  });

  // Case folding: ASCII letters in any case. Non-ASCII letters (ș, ț, ă) fold as the database's locale
  // says, as with ILIKE before: the embedded default runs initdb with --locale=C, which folds ASCII
  // only, so a diacritic is matched in its own case.
  it("takes a longer search literally, in any case (metacharacters, punctuation, diacritics)", async () => {
    const includes = (term: string) => (x: { name: string; partNumber: string }) =>
      x.name.toLowerCase().includes(term.toLowerCase()) || x.partNumber.toLowerCase().includes(term.toLowerCase());
    const withQuote = live("main").find((x) => x.name.includes('", '))!.name;
    const at = withQuote.indexOf('", ');
    const withDiacritic = live("main").find((x) => /[ăâîșț]/.test(x.name))!.name.split(" ").find((w) => /[ăâîșț]/.test(w))!;
    const terms = [".*", "[a-z]+", "\\w+", "a|e", "(4G", "1+1", withQuote.slice(at - 2, at + 4), withDiacritic, "pRo"];
    let found = 0;
    for (const term of terms) {
      const expected = live("main").filter(includes(term)).length;
      expect((await list(`?account=main&search=${encodeURIComponent(term)}`)).total, term).toBe(expected);
      found += expected;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("matches whole words for searches shorter than three characters (no trigram to look up)", async () => {
    const sep = `[ ,;.:/()+"'-]`;
    const words = (term: string) => new RegExp(`(^|${sep})${term}($|${sep})`, "i");
    let found = 0;
    for (const term of ["HP", "LG", "5G", "ph", "x"]) {
      const re = words(term);
      const expected = live("main").filter((x) => re.test(x.name) || re.test(x.partNumber)).length;
      expect((await list(`?account=main&search=${term}`)).total, term).toBe(expected);
      found += expected;
    }
    expect(found).toBeGreaterThan(0);
    // "ph" is inside "Smartphone"/"Telefon" words but is not a word: a substring match would find it.
    expect(live("main").some((x) => x.name.toLowerCase().includes("ph"))).toBe(true);
    expect((await list("?search=%25_")).total).toBe(0); // regex and LIKE metacharacters are literal
  });

  it("sorts by the allowed columns either way and pages", async () => {
    const desc = await list("?account=main&sort=sale_price&order=desc&pageSize=50");
    const prices = desc.data.map((p) => p.sale_price!);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(prices[0]).toBe(Math.max(...live("main").map((o) => o.salePrice)));
    const p1 = await list("?sort=general_stock&pageSize=100&page=1");
    const p4 = await list("?sort=general_stock&pageSize=100&page=4");
    expect(p4.data).toHaveLength(96);
    const ids = new Set([...p1.data, ...p4.data].map((p) => p.id));
    expect(ids.size).toBe(196);
    for (const bad of ["?sort=price", "?order=up", "?pageSize=101", "?page=0", "?account=gold", "?stock_min=x"]) {
      const res = await call(listRoute, { token: viewer, path: `/x${bad}` });
      expect(res.status, bad).toBe(400);
    }
  });
});

describe("GET/PATCH /api/v1/emag/products/products/{id}", () => {
  it("returns one offer with eMAG's raw item; 404 unknown, 400 malformed id", async () => {
    const [p] = (await list("?account=fbe&pageSize=1")).data;
    const res = await call(productRoute, { token: viewer, params: { id: p!.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: p!.id, emag_offer_id: p!.emag_offer_id, raw: { id: p!.emag_offer_id, part_number_key: p!.part_number_key } });
    expect((await call(productRoute, { token: viewer, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect((await call(productRoute, { token: viewer, params: { id: "42" } })).status).toBe(400);
  });

  it("records local edits (managers), validates them, and refuses viewers", async () => {
    const [p] = (await list("?account=main&pageSize=1")).data;
    const res = await call(patchRoute, { method: "PATCH", token: manager, params: { id: p!.id }, body: { sale_price: 19.9999, general_stock: 3 } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sale_price: 19.9999, general_stock: 3, local_edits: { sale_price: { value: 19.9999 }, general_stock: { value: 3 } } });
    const bad = await call(patchRoute, { method: "PATCH", token: manager, params: { id: p!.id }, body: { sale_price: -1, brand: "x" } });
    expect(bad.status).toBe(422);
    expect((await call(patchRoute, { method: "PATCH", token: manager, params: { id: p!.id }, body: {} })).status).toBe(422);
    expect((await call(patchRoute, { method: "PATCH", token: viewer, params: { id: p!.id }, body: { status: 0 } })).status).toBe(403);
  });
});

describe("GET /api/v1/emag/products/export.csv", () => {
  it("streams the filtered list as CSV with a header row", async () => {
    const res = await call(exportRoute, { token: viewer, path: "/x?account=main&sort=part_number" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="emag-products-.*\.csv"/);
    const lines = res.text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,account,emag_offer_id,part_number,part_number_key,name,brand,/);
    expect(lines).toHaveLength(241);
    const skus = lines.slice(1).map((l) => l.split(",")[3]!);
    expect(skus).toEqual([...skus].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("pages through large exports without losing or repeating rows", async () => {
    const rows = Array.from({ length: 2300 }, (_, i) => ({ account: "fbe" as const, emagOfferId: `9${String(i).padStart(6, "0")}`, name: `Bulk ${i % 7}`, contentHash: "bulk" }));
    await db.emagProduct.createMany({ data: rows });
    try {
      const res = await call(exportRoute, { token: viewer, path: "/x?account=fbe&sort=name&order=desc" });
      const ids = res.text.trimEnd().split("\r\n").slice(1).map((l) => l.split(",")[2]);
      expect(ids).toHaveLength(156 + 2300);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await db.emagProduct.deleteMany({ where: { contentHash: "bulk" } });
    }
  });
});

describe("GET /api/v1/emag/products/statistics", () => {
  it("counts offers per account and sync outcomes", async () => {
    const res = await call(statisticsRoute, { token: viewer });
    expect(res.status).toBe(200);
    const mainActive = live("main").filter((o) => o.status === 1).length;
    expect(res.json).toMatchObject({
      total_products: 396,
      recent_syncs: 2,
      success_rate: 1,
      last_sync_at: expect.stringMatching(/^\d{4}-/),
    });
    expect(res.json.by_account).toEqual([
      { account: "main", total: 240, active: mainActive, inactive: 240 - mainActive, removed: 0 },
      { account: "fbe", total: 156, active: expect.any(Number), inactive: expect.any(Number), removed: 4 },
    ]);
  });
});
