// Contract tests: the typed client against the in-process simulator (products and reference data).
// Budgets are raised 10x on both sides (FAST_LIMITS); limiter.test.ts covers eMAG's real budget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmagApiError } from "./errors";
import type { EmagClient } from "./client";
import type { EmagSimulator } from "./simulator";
import { FAST_LIMITS, rawCall, simClient, simStats, startTestSimulator } from "./test-support";

let sim: EmagSimulator;
let main: EmagClient;
let fbe: EmagClient;

beforeAll(async () => {
  sim = await startTestSimulator({ products: { main: 250, fbe: 120 }, orders: 20, limits: FAST_LIMITS });
  main = simClient(sim, "main", { limiter: { budgets: FAST_LIMITS } });
  fbe = simClient(sim, "fbe", { limiter: { budgets: FAST_LIMITS } });
});
afterAll(async () => {
  await Promise.all([main.close(), fbe.close()]);
  await sim.close();
});

describe("product_offer read/count", () => {
  it("parses string-typed numbers from the wire into numbers", async () => {
    const raw = await rawCall(sim, "main", "product_offer/read", { id: 100 });
    expect(raw.text).toMatch(/"sale_price":"\d+\.\d{4}"/);
    const [offer] = await main.productOffer.read({ id: 100 });
    expect(offer?.id).toBe("100");
    expect(typeof offer?.sale_price).toBe("number");
    expect(offer?.sale_price).toBeCloseTo(Number(JSON.parse(raw.text).results[0].sale_price), 4);
    expect(offer?.stock[0]).toMatchObject({ warehouse_id: 1 });
  });

  it("counts with string values parsed", async () => {
    const raw = await rawCall(sim, "main", "product_offer/count", {});
    expect(JSON.parse(raw.text).results).toEqual({ noOfItems: "250", noOfPages: "3", itemsPerPage: "100" });
    expect(await main.productOffer.count()).toEqual({ noOfItems: 250, noOfPages: 3, itemsPerPage: 100 });
  });

  it("pages to the end: stops on a short page, and on an empty page when the last one is full", async () => {
    const pages: number[] = [];
    for await (const page of main.readPages(main.productOffer.read, {}, { itemsPerPage: 100 })) pages.push(page.length);
    expect(pages).toEqual([100, 100, 50]);
    const fbeAll = await fbe.readAll(fbe.productOffer.read, {}, { itemsPerPage: 60 }); // 60, 60, then []
    expect(fbeAll).toHaveLength(120);
    expect(new Set(fbeAll.map((o) => o.id)).size).toBe(120);
  });

  it("fetches pages concurrently and returns every offer once, in order", async () => {
    const { total, pages, items } = await main.fetchPagesConcurrently(main.productOffer.count, main.productOffer.read, {});
    expect([total, pages, items.length]).toEqual([250, 3, 250]);
    expect(items.map((o) => Number(o.id))).toEqual(Array.from({ length: 250 }, (_, i) => 100 + i));
  });

  it("keeps MAIN and FBE in separate id spaces with shared SKUs", async () => {
    const [fbeOffer] = await fbe.productOffer.read({ itemsPerPage: 1 });
    expect(Number(fbeOffer!.id)).toBeGreaterThanOrEqual(200_000);
    const [same] = await main.productOffer.read({ part_number: fbeOffer!.part_number! });
    expect(same?.part_number_key).toBe(fbeOffer!.part_number_key);
    expect(same?.id).not.toBe(fbeOffer!.id);
  });
});

describe("product_offer/save, offer/save, offer_stock", () => {
  it("a saved price and stock show up in the next read", async () => {
    const [before] = await main.productOffer.read({ id: 101 });
    const price = Math.round(((before!.min_sale_price! + before!.max_sale_price!) / 2) * 100) / 100;
    await main.productOffer.save([{ id: 101, status: 1, sale_price: price, vat_id: 9, stock: [{ warehouse_id: 1, value: 17 }], handling_time: [{ warehouse_id: 1, value: 1 }] }]);
    const [after] = await main.productOffer.read({ id: 101 });
    expect(after).toMatchObject({ sale_price: price, general_stock: 17, status: 1 });
    expect(after!.modified! >= before!.modified!).toBe(true);
  });

  it("creates a new offer and finds it by part number", async () => {
    await main.productOffer.save([{ id: 90001, name: "Cafetieră Test MagFlow", brand: "MagFlow", part_number: "MF-TEST-1", category_id: 58, sale_price: 100, min_sale_price: 80, max_sale_price: 150, vat_id: 9, stock: [{ warehouse_id: 1, value: 3 }] }]);
    const [created] = await main.productOffer.read({ part_number: "MF-TEST-1" });
    expect(created).toMatchObject({ id: "90001", name: "Cafetieră Test MagFlow", sale_price: 100, general_stock: 3 });
  });

  it("isError:true becomes a typed EmagApiError with eMAG's messages", async () => {
    const err = await main.productOffer.save([{ id: 102, sale_price: 0.01, min_sale_price: 50, max_sale_price: 60 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmagApiError);
    const e = err as EmagApiError;
    expect(e).toMatchObject({ code: "api_error", status: 200, resource: "product_offer", action: "save", account: "main", retryable: false });
    expect(e.messages.join(" ")).toMatch(/sale_price .* must be between/);
    expect(e.message).toContain("product_offer/save");
  });

  it("splits saves above 50 entities into several requests", async () => {
    const offers = await main.productOffer.read({ itemsPerPage: 60, currentPage: 2 });
    const before = (await simStats(sim)).requests.main?.["product_offer/save"] ?? 0;
    await main.productOffer.save(offers.map((o) => ({ id: o.id, status: 1 as const })));
    expect((await simStats(sim)).requests.main?.["product_offer/save"]).toBe(before + 2);
  });

  it("light offer/save reports per offer, including unknown ids", async () => {
    const results = await main.offer.save([{ id: 103, status: 0 }, { id: 9_999_999, status: 1 }]);
    expect(results.find((r) => r.id === "103")).toMatchObject({ ok: true });
    expect(results.find((r) => r.id === "9999999")).toMatchObject({ ok: false, messages: ["Offer not found"] });
    expect((await main.productOffer.read({ id: 103 }))[0]?.status).toBe(0);
  });

  it("PATCH offer_stock sets stock; unknown offers are a 404, bad stock is refused locally", async () => {
    await main.offerStock.update(104, 42);
    expect((await main.productOffer.read({ id: 104 }))[0]?.general_stock).toBe(42);
    await expect(main.offerStock.update(8_888_888, 1)).rejects.toMatchObject({ code: "http", status: 404, messages: ["This offer does not exist"] });
    await expect(main.offerStock.update(104, -1)).rejects.toMatchObject({ code: "invalid_request" });
  });
});

describe("reference data", () => {
  it("reads and counts categories, and a category template", async () => {
    const list = await main.category.read();
    const count = await main.category.count();
    expect(list.length).toBe(count.noOfItems);
    const [tpl] = await main.category.read({ id: 5 });
    expect(tpl?.name).toBe("Telefoane mobile");
    expect(tpl?.characteristics.length).toBeGreaterThan(1);
  });

  it("reads VAT rates and handling times", async () => {
    const vat = await main.vat.read();
    expect(vat.find((v) => v.is_default === 1)).toMatchObject({ vat_id: 9, vat_rate: 0.21 });
    const ht = await main.handlingTime.read();
    expect(ht.map((h) => h.value)).toContain(0);
  });
});
