// Simulator fidelity on the wire: body forms, bulk limits, gateway 429s, control API, data.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, simControl, simStats, startTestSimulator } from "../test-support";
import type { EmagSimulator } from "./server";

let sim: EmagSimulator;
const json = (text: string) => JSON.parse(text) as { isError: boolean; messages: string[]; results: unknown };

beforeAll(async () => {
  // Gateway limits off here so wire-format checks do not wait; the 429 test uses its own simulator.
  sim = await startTestSimulator({ products: { main: 300, fbe: 50 }, orders: 100, rateLimit: false });
});
afterAll(() => sim.close());

describe("request bodies", () => {
  it("accepts form-encoded reads with data[...] or top-level keys, and JSON inside data", async () => {
    const ids = (r: { text: string }) => (json(r.text).results as { id: number }[]).map((o) => o.id);
    const a = await rawCall(sim, "main", "product_offer/read", "data[currentPage]=2&data[itemsPerPage]=10");
    const b = await rawCall(sim, "main", "product_offer/read", "currentPage=2&itemsPerPage=10");
    const c = await rawCall(sim, "main", "product_offer/read", { data: { currentPage: 2, itemsPerPage: 10 } });
    const d = await rawCall(sim, "main", "product_offer/read", { currentPage: "2", itemsPerPage: "10" });
    expect(ids(a)).toEqual(Array.from({ length: 10 }, (_, i) => 110 + i));
    expect(ids(b)).toEqual(ids(a));
    expect(ids(c)).toEqual(ids(a));
    expect(ids(d)).toEqual(ids(a));
  });

  it("caps itemsPerPage at 100", async () => {
    const r = await rawCall(sim, "main", "product_offer/read", { itemsPerPage: 500 });
    expect((json(r.text).results as unknown[]).length).toBe(100);
  });

  it("accepts saves as a bare list, {data: list}, {data: object} and form-encoded lists", async () => {
    for (const [i, body] of [
      [0, [{ id: 120, status: 0 }]],
      [1, { data: [{ id: 121, status: 0 }] }],
      [2, { data: { id: 122, status: 0 } }],
      [3, "data[0][id]=123&data[0][status]=0"],
    ] as const) {
      const r = await rawCall(sim, "main", "offer/save", body);
      expect(json(r.text).isError, `variant ${i}`).toBe(false);
    }
    const r = await rawCall(sim, "main", "product_offer/read", { status: 0, itemsPerPage: 100 });
    const inactive = (json(r.text).results as { id: number }[]).map((o) => o.id);
    expect(inactive).toEqual(expect.arrayContaining([120, 121, 122, 123]));
  });

  it("rejects more than 50 entities and more than 4,000 input vars with isError", async () => {
    const many = await rawCall(sim, "main", "offer/save", Array.from({ length: 51 }, (_, i) => ({ id: 130 + i, status: 1 })));
    expect(json(many.text)).toMatchObject({ isError: true });
    const vars = await rawCall(sim, "main", "product_offer/read", { filler: Array.from({ length: 4001 }, (_, i) => i) });
    expect(json(vars.text)).toMatchObject({ isError: true, messages: ["Maximum input vars of 4000 exceeded"] });
  });

  it("answers offer_stock shapes other than {stock: int} with 400 Invalid content, and unknown routes with 404", async () => {
    const bad = await rawCall(sim, "main", "offer_stock/100", { stock: [{ warehouse_id: 1, value: 3 }] }, { method: "PATCH" });
    expect([bad.status, JSON.parse(bad.text)]).toEqual([400, { message: "Invalid content" }]);
    const good = await rawCall(sim, "main", "offer_stock/100", { stock: 3 }, { method: "PATCH" });
    expect([good.status, good.text]).toEqual([204, ""]);
    const unknown = await rawCall(sim, "main", "nothing/here", {});
    expect([unknown.status, JSON.parse(unknown.text)]).toEqual([404, { message: "Invalid URL" }]);
  });

  it("returns bad credentials as 403 plus the documented envelope", async () => {
    const res = await fetch(`${sim.url}/vat/read`, { method: "POST", headers: { Authorization: `Basic ${Buffer.from("demo-main:nope").toString("base64")}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ isError: true, messages: ["You are not allowed to use this API."], results: [] });
  });
});

describe("gateway rate limits", () => {
  it("past the budget answers 429 with Kong's body and the X-RateLimit headers", async () => {
    const limited = await startTestSimulator({ products: { main: 5, fbe: 5 }, orders: 5 });
    try {
      const replies = await Promise.all(Array.from({ length: 8 }, () => rawCall(limited, "main", "vat/read", {})));
      const rejected = replies.filter((r) => r.status === 429);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(3); // others: 3 per second
      expect(JSON.parse(rejected[0]!.text)).toEqual({ message: "API rate limit exceeded" });
      expect(rejected[0]!.headers.get("x-ratelimit-remaining-3second")).toBe("0");
      expect(rejected[0]!.headers.get("x-ratelimit-limit-3second")).toBe("3");
      const orders = await Promise.all(Array.from({ length: 14 }, () => rawCall(limited, "main", "order/count", {})));
      expect(orders.filter((r) => r.status === 200)).toHaveLength(12); // orders: separate bucket, 12 per second
      expect((await rawCall(limited, "fbe", "vat/read", {})).status).toBe(200); // FBE has its own budget
      expect((await simStats(limited)).rateLimited).toEqual({ main: 7 });
    } finally {
      await limited.close();
    }
  });
});

describe("control API and data", () => {
  it("injects orders with ids above 2^31, calls the callback URL, and counts requests per route", async () => {
    const hits: string[] = [];
    const cb = http.createServer((req, res) => (hits.push(req.url ?? ""), res.end("ok")));
    await new Promise<void>((r) => cb.listen(0, "127.0.0.1", r));
    const withCb = await startTestSimulator({
      products: { main: 5, fbe: 5 },
      orders: 5,
      callbackUrl: { main: `http://127.0.0.1:${(cb.address() as AddressInfo).port}/emag/callback?account=main` },
      callbackRepeatMs: 150,
    });
    try {
      const { ids } = await simControl<{ ids: string[] }>(withCb, "orders", { account: "main", count: 2 });
      expect(ids).toHaveLength(2);
      expect(Number(ids[0])).toBeGreaterThan(2 ** 31);
      await expect.poll(() => hits.length).toBeGreaterThanOrEqual(2);
      expect(hits[0]).toBe(`/emag/callback?account=main&order_id=${ids[0]}`);
      // Like eMAG, the callback repeats until the order is acknowledged; then it stops.
      await expect.poll(() => hits.filter((h) => h.endsWith(`=${ids[0]}`)).length).toBeGreaterThanOrEqual(2);
      await rawCall(withCb, "main", "order/acknowledge/" + ids[0], {});
      await rawCall(withCb, "main", "order/acknowledge/" + ids[1], {});
      await new Promise((r) => setTimeout(r, 200)); // a repeat already scheduled may still go out once
      const settled = hits.length;
      await new Promise((r) => setTimeout(r, 450));
      expect(hits.length).toBe(settled);
      const stats = await simStats(withCb);
      expect(stats.requests.main).toEqual({ "order/acknowledge": 2 });
      expect(stats.accounts.main.orders).toBe(7);
    } finally {
      await withCb.close();
      cb.close();
    }
  });

  it("deletes offers (gone from reads and counts) and reset restores the seeded data", async () => {
    const { ids } = await simControl<{ ids: number[] }>(sim, "offers/delete", { account: "fbe", count: 3 });
    expect(ids).toHaveLength(3);
    const count = await rawCall(sim, "fbe", "product_offer/count", {});
    expect((json(count.text).results as { noOfItems: string }).noOfItems).toBe("47");
    const byId = await rawCall(sim, "fbe", "product_offer/read", { id: ids[0] });
    expect(json(byId.text).results).toEqual([]);
    await simControl(sim, "reset");
    expect((await simStats(sim)).accounts.fbe).toMatchObject({ offers: 50, deletedOffers: 0 });
  });

  it("changes latency and faults at run time", async () => {
    await simControl(sim, "config", { latencyMs: "150-200" });
    const t = performance.now();
    await rawCall(sim, "main", "vat/read", {});
    expect(performance.now() - t).toBeGreaterThanOrEqual(145);
    const cfg = await simControl<{ latencyMs: unknown }>(sim, "config", { latencyMs: 0, faultRate: 0 });
    expect(cfg.latencyMs).toBe(0);
  });

  it("keeps new orders arriving on a timer that close() clears", async () => {
    const feed = await startTestSimulator({ products: { main: 5, fbe: 5 }, orders: 0, newOrdersPerMinute: 1200 });
    await expect.poll(() => feed.state.accounts.main.orders.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    await feed.close();
    const created = feed.state.accounts.main.orders.length;
    expect(feed.state.accounts.main.orders[0]?.wire.status).toBe(1);
    expect(feed.state.accounts.fbe.orders[0]?.wire.status).toBe(2);
    await new Promise((r) => setTimeout(r, 150));
    expect(feed.state.accounts.main.orders.length).toBe(created);
  });

  it("is deterministic for a seed and builds 100,000 offers with unique codes", async () => {
    const a = await startTestSimulator({ products: { main: 100_000, fbe: 10 }, orders: 50, seed: 11, rateLimit: false });
    const b = await startTestSimulator({ products: { main: 10, fbe: 10 }, orders: 50, seed: 11, rateLimit: false });
    try {
      const first = (s: EmagSimulator) => s.state.accounts.main.offers.slice(0, 5).map((o) => [o.id, o.name, o.pnk, o.salePrice]);
      expect(first(a)).toEqual(first(b));
      expect(a.state.accounts.main.orders.map((o) => o.wire.customer)).not.toEqual([]);
      const t = performance.now();
      const c = await startTestSimulator({ products: { main: 100_000, fbe: 0 }, orders: 0, seed: 12 });
      console.info(`simulator: 100,000 offers built in ${(performance.now() - t).toFixed(0)} ms`); // speed is benched, not asserted
      expect(new Set(c.state.accounts.main.offers.map((o) => o.pnk)).size).toBe(100_000);
      await c.close();
      const last = await rawCall(a, "main", "product_offer/read", { currentPage: 1000, itemsPerPage: 100 });
      expect((json(last.text).results as unknown[]).length).toBe(100);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
