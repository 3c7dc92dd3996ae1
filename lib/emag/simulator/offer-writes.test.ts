// Offer writes against the simulator: rank and best price follow our price at once, competitors
// drift on the market clock, Smart Deals answers, write counters, and lost responses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rawCall, simClient, simControl, simQuery, simStats, startTestSimulator, FAST_LIMITS } from "../test-support";
import { smartDealsResultSchema } from "../schemas/offers";
import type { EmagSimulator } from "./server";

let sim: EmagSimulator;
type Envelope = { isError: boolean; messages: string[]; results: unknown };
const json = (text: string) => JSON.parse(text) as Envelope;
type Commercial = { id: number; sale_price: number; min_sale_price: number; max_sale_price: number; stock: number; status: number; buy_button_rank: number; best_offer_sale_price: number; number_of_offers: number };
type Competitors = Commercial & { bucket: number; forced: boolean; prices: number[]; smart_deals_price: number | null };

const readOne = async (s: EmagSimulator, id: number) =>
  (json((await rawCall(s, "main", "product_offer/read", { id })).text).results as Record<string, unknown>[])[0]!;
const simOffers = async (s: EmagSimulator, ids: number[]) =>
  (await simQuery<{ offers: Commercial[]; missing: string[] }>(s, "offers", { account: "main", ids: ids.join(",") }));

beforeAll(async () => {
  // Drift only on explicit ticks, limits off: these tests are about state, not time or budget.
  sim = await startTestSimulator({ products: { main: 200, fbe: 20 }, orders: 5, rateLimit: false, competitorDriftMs: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await simControl(sim, "reset");
});

describe("competition that responds to our price", () => {
  it("recomputes buy_button_rank and best_offer_sale_price at once after offer/save and product_offer/save", async () => {
    const forced = await simControl<Competitors>(sim, "competitors", { account: "main", id: 105, prices: [50, 60] });
    expect(forced).toMatchObject({ forced: true, prices: [50, 60], number_of_offers: 3 });
    expect(await simQuery<Competitors>(sim, "competitors", { account: "main", id: 105 })).toMatchObject({ prices: [50, 60] });

    const save = (sale_price: number) => rawCall(sim, "main", "offer/save", [{ id: 105, sale_price, min_sale_price: 1, max_sale_price: 1000 }]);
    await save(55);
    expect(await readOne(sim, 105)).toMatchObject({ sale_price: "55.0000", buy_button_rank: 2, best_offer_sale_price: 50, number_of_offers: 3 });
    await save(49);
    expect(await readOne(sim, 105)).toMatchObject({ buy_button_rank: 1, best_offer_sale_price: 49 });
    await save(50); // a tie keeps rank 1
    expect(await readOne(sim, 105)).toMatchObject({ buy_button_rank: 1, best_offer_sale_price: 50 });
    await save(61);
    expect((await simOffers(sim, [105])).offers[0]).toMatchObject({ sale_price: 61, buy_button_rank: 3, best_offer_sale_price: 50 });

    // product_offer/save (offer-only update) too.
    const r = await rawCall(sim, "main", "product_offer/save", [{ id: 105, status: 1, sale_price: 45, vat_id: 9, stock: [{ warehouse_id: 1, value: 4 }], handling_time: [{ warehouse_id: 1, value: 0 }] }]);
    expect(json(r.text).isError).toBe(false);
    expect(await readOne(sim, 105)).toMatchObject({ buy_button_rank: 1, best_offer_sale_price: 45, general_stock: 4 });

    // No competitors at all; then back to the seeded ones.
    await simControl(sim, "competitors", { account: "main", id: 105, prices: [] });
    expect(await readOne(sim, 105)).toMatchObject({ number_of_offers: 1, buy_button_rank: 1, best_offer_sale_price: 45 });
    const seeded = await simControl<Competitors>(sim, "competitors", { account: "main", id: 105, prices: null });
    expect(seeded.forced).toBe(false);
    expect(seeded.number_of_offers).toBe(seeded.prices.length + 1);
  });

  it("reads keep the generated figures consistent with the competitor prices", async () => {
    const page = json((await rawCall(sim, "main", "product_offer/read", { itemsPerPage: 100 })).text).results as { id: number; sale_price: string; number_of_offers: number; buy_button_rank: number; best_offer_sale_price: number }[];
    for (const o of page.slice(0, 40)) {
      const c = await simQuery<Competitors>(sim, "competitors", { account: "main", id: o.id });
      const ours = Number(o.sale_price);
      expect(o.number_of_offers).toBe(c.prices.length + 1);
      expect(o.buy_button_rank).toBe(1 + c.prices.filter((p) => p < ours).length);
      expect(o.best_offer_sale_price).toBe(Math.min(ours, ...c.prices));
    }
  });

  it("competitors drift deterministically on the market clock (ticks here)", async () => {
    const twin = await startTestSimulator({ products: { main: 200, fbe: 20 }, orders: 5, rateLimit: false, competitorDriftMs: 0 });
    try {
      const ids = Array.from({ length: 30 }, (_, i) => 100 + i);
      const pricesOf = async (s: EmagSimulator) => Promise.all(ids.map(async (id) => (await simQuery<Competitors>(s, "competitors", { account: "main", id })).prices));
      const before = await pricesOf(sim);
      expect(await pricesOf(twin)).toEqual(before);
      expect(await simControl(sim, "competitors/tick", { steps: 3 })).toEqual({ bucket: 3 });
      await simControl(twin, "competitors/tick", { steps: 3 });
      const after = await pricesOf(sim);
      expect(await pricesOf(twin)).toEqual(after);
      expect(after).not.toEqual(before);
      expect(after.map((p) => p.length)).toEqual(before.map((p) => p.length));
      // Reads reflect the moved prices.
      const moved = ids[after.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]))]!;
      const o = await readOne(sim, moved);
      const c = await simQuery<Competitors>(sim, "competitors", { account: "main", id: moved });
      expect(o.best_offer_sale_price).toBe(Math.min(Number(o.sale_price), ...c.prices));
    } finally {
      await twin.close();
    }
  });

  it("drifts with time when competitorDriftMs is set", async () => {
    await simControl(sim, "config", { competitorDriftMs: 40 });
    try {
      const first = await simQuery<Competitors>(sim, "competitors", { account: "main", id: 100 });
      await new Promise((r) => setTimeout(r, 130));
      const later = await simQuery<Competitors>(sim, "competitors", { account: "main", id: 100 });
      expect(later.bucket).toBeGreaterThanOrEqual(first.bucket + 2);
    } finally {
      await simControl(sim, "config", { competitorDriftMs: 0 });
    }
  });
});

describe("smart-deals-price-check", () => {
  it("answers {smart_deals_price} for offers with a target and results null for the others", async () => {
    const shapes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const r = await rawCall(sim, "main", `smart-deals-price-check?productId=${100 + i}`, undefined, { method: "GET" });
        expect(r.status).toBe(200);
        return { id: 100 + i, body: json(r.text) };
      }),
    );
    const withTarget = shapes.filter((s) => s.body.results !== null);
    const without = shapes.filter((s) => s.body.results === null);
    expect(withTarget.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    expect(without[0]!.body).toEqual({ isError: false, messages: [], results: null });
    const t = withTarget[0]!;
    expect(t.body).toEqual({ isError: false, messages: [], results: { smart_deals_price: expect.any(Number) } });
    const c = await simQuery<Competitors>(sim, "competitors", { account: "main", id: t.id });
    expect((t.body.results as { smart_deals_price: number }).smart_deals_price).toBe(c.smart_deals_price);
    expect(c.smart_deals_price!).toBeLessThan(Math.min(...c.prices));

    const missing = await rawCall(sim, "main", "smart-deals-price-check", undefined, { method: "GET" });
    expect(json(missing.text)).toMatchObject({ isError: true });
    const unknown = await rawCall(sim, "main", "smart-deals-price-check?productId=99999999", undefined, { method: "GET" });
    expect(json(unknown.text)).toMatchObject({ isError: true, messages: ["Product 99999999 not found"] });
    expect((await simStats(sim)).requests.main).toMatchObject({ "smart-deals-price-check": 62 });
  });

  it("counts against the 3 req/s bucket shared with the other non-order routes", async () => {
    // A per-minute budget of 4 refills once every 15 s, so a slow machine cannot refill it mid-test.
    const limited = await startTestSimulator({ products: { main: 5, fbe: 5 }, orders: 5, limits: { default: { perSecond: 100, perMinute: 4 } } });
    const check = () => rawCall(limited, "main", "smart-deals-price-check?productId=100", undefined, { method: "GET" });
    try {
      expect((await rawCall(limited, "main", "vat/read", {})).status).toBe(200);
      expect((await rawCall(limited, "main", "product_offer/count", {})).status).toBe(200);
      expect([(await check()).status, (await check()).status, (await check()).status]).toEqual([200, 200, 429]);
      expect((await rawCall(limited, "main", "vat/read", {})).status).toBe(429);
      expect((await rawCall(limited, "main", "order/count", {})).status).toBe(200); // the order bucket is separate
    } finally {
      await limited.close();
    }
  });

  it("the client's smartDeals.check returns the price or null", async () => {
    const client = simClient(sim, "main", { limiter: { budgets: FAST_LIMITS } });
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => client.smartDeals.check(100 + i)));
      const expected = await Promise.all(Array.from({ length: 30 }, async (_, i) => (await simQuery<Competitors>(sim, "competitors", { account: "main", id: 100 + i })).smart_deals_price));
      expect(results).toEqual(expected);
      expect(results.some((r) => r === null)).toBe(true);
      expect(results.some((r) => typeof r === "number" && r > 0)).toBe(true);
      await expect(client.smartDeals.check("99999999")).rejects.toMatchObject({ code: "api_error" });
    } finally {
      await client.close();
    }
  });
});

describe("smartDealsResultSchema", () => {
  it("parses the documented object (number or numeric string) and every form of no target", () => {
    expect(smartDealsResultSchema.parse({ smart_deals_price: 6.22 })).toBe(6.22);
    expect(smartDealsResultSchema.parse({ smart_deals_price: "6.2200" })).toBe(6.22);
    expect(smartDealsResultSchema.parse(null)).toBeNull();
    expect(smartDealsResultSchema.parse(undefined)).toBeNull();
    expect(smartDealsResultSchema.parse([])).toBeNull();
    expect(smartDealsResultSchema.parse({ smart_deals_price: null })).toBeNull();
    expect(smartDealsResultSchema.safeParse({ targetPrice: 5 }).success).toBe(false); // invented shapes are refused
    expect(smartDealsResultSchema.safeParse("6.22").success).toBe(false);
  });
});

describe("write counters", () => {
  it("counts requests, applied items per offer, unchanged repeats and rejected items; stats/reset clears them", async () => {
    const lo = (await simOffers(sim, [110])).offers[0]!;
    const price = Math.round((lo.min_sale_price + 1) * 100) / 100;
    const r = await rawCall(sim, "main", "offer/save", [{ id: 110, sale_price: price }, { id: 9_999_999, sale_price: 10 }, { id: 111, sale_price: -1 }]);
    expect(json(r.text).isError).toBe(false);
    await rawCall(sim, "main", "offer/save", [{ id: 110, sale_price: price }]); // same value again: applied, unchanged
    expect((await rawCall(sim, "main", "offer_stock/112", { stock: 9 }, { method: "PATCH" })).status).toBe(204);
    expect((await rawCall(sim, "main", "offer_stock/112", { stock: "x" }, { method: "PATCH" })).status).toBe(400);
    expect((await rawCall(sim, "main", "offer_stock/9999999", { stock: 1 }, { method: "PATCH" })).status).toBe(404);
    // All-or-nothing: one bad item refuses both.
    const bad = await rawCall(sim, "main", "product_offer/save", [{ id: 113, sale_price: 1e9 }, { id: 114, status: 7 }]);
    expect(json(bad.text).isError).toBe(true);
    await rawCall(sim, "fbe", "offer/save", [{ id: 200_001, status: 0 }]);
    await rawCall(sim, "main", "product_offer/read", {}); // reads are not writes

    const { writes } = await simStats(sim);
    expect(writes.main).toEqual({ requests: 6, applied: 3, unchanged: 1, rejected: 6, faulted: 0, lost: 0, perOffer: { "110": 2, "112": 1 }, offers: 2, perOfferTruncated: false });
    expect(writes.fbe).toMatchObject({ requests: 1, applied: 1, perOffer: { "200001": 1 } });
    expect((await simOffers(sim, [110, 112, 113, 4242])).offers.map((o) => [o.id, o.sale_price, o.stock])).toEqual([[110, price, expect.any(Number)], [112, expect.any(Number), 9], [113, expect.any(Number), expect.any(Number)]]);
    expect((await simOffers(sim, [4242])).missing).toEqual(["4242"]);

    const cleared = await simControl<{ writes: Record<string, { requests: number; perOffer: object }> }>(sim, "stats/reset");
    expect(cleared.writes.main).toMatchObject({ requests: 0, applied: 0, perOffer: {} });
  });

  it("counts the client's writes exactly once when nothing fails", async () => {
    const client = simClient(sim, "main", { limiter: { budgets: FAST_LIMITS } });
    try {
      const current = (await simOffers(sim, [120, 121, 122])).offers;
      await client.offer.save(current.map((o) => ({ id: o.id, sale_price: o.min_sale_price })));
      await client.offerStock.update(120, 3);
      const { writes } = await simStats(sim);
      expect(writes.main).toMatchObject({ requests: 2, applied: 4, rejected: 0, perOffer: { "120": 2, "121": 1, "122": 1 } });
    } finally {
      await client.close();
    }
  });
});

describe("lost responses on writes", () => {
  it("lostWriteRate 1: offer/save and offer_stock are applied, then answered 504", async () => {
    await simControl(sim, "config", { lostWriteRate: 1 });
    try {
      const o = (await simOffers(sim, [130])).offers[0]!;
      const save = await rawCall(sim, "main", "offer/save", [{ id: 130, sale_price: o.max_sale_price }]);
      expect(save.status).toBe(504);
      const patch = await rawCall(sim, "main", "offer_stock/130", { stock: 77 }, { method: "PATCH" });
      expect(patch.status).toBe(504);
      expect((await rawCall(sim, "main", "vat/read", {})).status).toBe(200); // reads are untouched
      expect((await simOffers(sim, [130])).offers[0]).toMatchObject({ sale_price: o.max_sale_price, stock: 77 });
      const stats = await simStats(sim);
      expect(stats.writes.main).toMatchObject({ requests: 2, applied: 2, lost: 2, faulted: 0, perOffer: { "130": 2 } });
      expect(stats.faults.main).toEqual({ lost_write: 2 });
    } finally {
      await simControl(sim, "config", { lostWriteRate: 0 });
    }
  });

  it("faultRate: a share of the faults on writes are lost responses (applied), the rest never apply", async () => {
    await simControl(sim, "config", { faultRate: 1, faultLostWriteShare: 0, hangMs: 0 });
    try {
      const o = (await simOffers(sim, [131])).offers[0]!;
      const r = await rawCall(sim, "main", "offer/save", [{ id: 131, sale_price: o.max_sale_price }]);
      expect(r.status).toBeGreaterThanOrEqual(500);
      expect((await simOffers(sim, [131])).offers[0]!.sale_price).toBe(o.sale_price);
      await simControl(sim, "config", { faultLostWriteShare: 1 });
      expect((await rawCall(sim, "main", "offer/save", [{ id: 131, sale_price: o.max_sale_price }])).status).toBe(504);
      expect((await simOffers(sim, [131])).offers[0]!.sale_price).toBe(o.max_sale_price);
      expect((await simStats(sim)).writes.main).toMatchObject({ requests: 2, applied: 1, faulted: 1, lost: 1 });
    } finally {
      await simControl(sim, "config", { faultRate: 0, faultLostWriteShare: 0.25, hangMs: 35_000 });
    }
  });

  it("at faultRate 0.2 a blindly retrying client applies some writes twice, and the counters show it", { timeout: 30_000 }, async () => {
    await simControl(sim, "config", { faultRate: 0.2, hangMs: 50 });
    const client = simClient(sim, "main", { timeoutMs: 1000, maxRetries: 8, retryMinMs: 5, retryMaxMs: 20, limiter: { budgets: FAST_LIMITS } });
    try {
      const ids = Array.from({ length: 150 }, (_, i) => 100 + (i % 200));
      for (const id of ids) {
        await client.offerStock.update(id, 5);
        if ((await simStats(sim)).writes.main.lost > 0) break;
      }
      const { writes } = await simStats(sim);
      expect(writes.main.lost).toBeGreaterThan(0);
      const perOffer = Object.values(writes.main.perOffer);
      expect(perOffer.reduce((a, b) => a + b, 0)).toBe(writes.main.applied);
      expect(Math.max(...perOffer)).toBeGreaterThanOrEqual(2);
      expect(writes.main.requests).toBe(writes.main.applied + writes.main.faulted);
    } finally {
      await simControl(sim, "config", { faultRate: 0, hangMs: 35_000 });
      await client.close();
    }
  });
});
