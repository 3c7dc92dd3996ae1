// The client's budget against the simulator's eMAG-style token buckets: 50 concurrent callers must
// cause no 429 while using at least 95 % of the ceiling. Each run is bounded to a few seconds.
import { setMaxListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmagClient } from "./client";
import { emagRateLimitHits } from "./metrics";
import type { EmagSimulator } from "./simulator";
import { simClient, simControl, simStats, startTestSimulator } from "./test-support";
import type { CallOptions } from "./types";

/**
 * Runs `callers` loops of `call` for `ms`, then returns completed calls per second. The first
 * `skip` completions (the burst an idle budget allows, connection set-up) are left out of the rate.
 */
async function sustained(call: (o: CallOptions) => Promise<unknown>, callers: number, ms: number, skip: number) {
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every waiting caller listens to the one shared signal
  const done: number[] = [];
  const loops = Array.from({ length: callers }, async () => {
    while (!stop.signal.aborted) {
      try {
        await call({ signal: stop.signal });
        done.push(performance.now());
      } catch (e) {
        if (!stop.signal.aborted) throw e;
      }
    }
  });
  setTimeout(() => stop.abort(), ms);
  await Promise.all(loops);
  // Least-squares slope of completions over time, skipping the initial burst (and set-up, JIT):
  // one completion delayed by a busy event loop barely moves it, unlike first-to-last timing.
  const ts = done.slice(skip);
  const meanT = ts.reduce((a, b) => a + b, 0) / ts.length;
  const meanI = (ts.length - 1) / 2;
  const cov = ts.reduce((s, t, i) => s + (t - meanT) * (i - meanI), 0);
  const varT = ts.reduce((s, t) => s + (t - meanT) ** 2, 0);
  return { count: done.length, perSecond: (cov / varT) * 1000 };
}

let sim: EmagSimulator;
let client: EmagClient;

beforeAll(async () => {
  sim = await startTestSimulator({ products: { main: 30, fbe: 30 }, orders: 30 });
  client = simClient(sim, "main");
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

describe("rate limiter", () => {
  it("50 concurrent callers per bucket: zero 429s, >= 95 % of 3 req/s and of 12 req/s", async () => {
    const [products, orders] = await Promise.all([
      sustained((o) => client.productOffer.count({}, o), 50, 3600, 3),
      sustained((o) => client.order.count({}, o), 50, 3000, 12),
    ]);
    const stats = await simStats(sim);
    console.info(`limiter: products ${products.perSecond.toFixed(3)} req/s, orders ${orders.perSecond.toFixed(3)} req/s`);
    expect(stats.rateLimited.main ?? 0).toBe(0);
    expect(products.perSecond).toBeGreaterThanOrEqual(0.95 * 3);
    expect(products.perSecond).toBeLessThanOrEqual(3 * 1.1);
    expect(orders.perSecond).toBeGreaterThanOrEqual(0.95 * 12);
    expect(orders.perSecond).toBeLessThanOrEqual(12 * 1.1);

    const usage = client.usage();
    expect(usage.store).toBe("memory");
    expect(usage.buckets.default.lastMinute).toBeGreaterThanOrEqual(products.count);
    expect(usage.buckets.orders.waits).toBeGreaterThan(0);
    expect(usage.buckets.default.rateLimitHits).toBe(0);
  });

  it("an idle budget sends perSecond - 1 requests at once, then one per 1/perSecond s (no drift)", async () => {
    const { createEmagRateLimiter } = await import("./limiter");
    const limiter = createEmagRateLimiter({ account: "burst-test" });
    const t0 = performance.now();
    const sent: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => limiter.acquire("default").then(() => sent.push(performance.now() - t0))));
    sent.sort((a, b) => a - b);
    // 2 at once, then the 3rd..8th at 1/3 s steps: 0, 0, 333, 667, ..., 2000 ms.
    expect(sent[1]!).toBeLessThan(50);
    for (let i = 2; i < 8; i++) {
      expect(sent[i]!).toBeGreaterThanOrEqual(((i - 1) * 1000) / 3 - 2);
      expect(sent[i]!).toBeLessThan(((i - 1) * 1000) / 3 + 60);
    }
    await limiter.close();
  });

  it("a second, unshared budget on the same account gets 429s, which are retried with fresh slots", async () => {
    await simControl(sim, "stats/reset");
    const hitsBefore = (await emagRateLimitHits().get()).values.find((v) => v.labels.account === "main")?.value ?? 0;
    const rogue = simClient(sim, "main", { maxRetries: 10 });
    const calls = [...Array.from({ length: 4 }, () => client.vat.read()), ...Array.from({ length: 4 }, () => rogue.vat.read())];
    const results = await Promise.all(calls);
    expect(results.every((r) => r.length > 0)).toBe(true);
    const stats = await simStats(sim);
    expect(stats.rateLimited.main).toBeGreaterThan(0);
    const hits = client.usage().buckets.default.rateLimitHits + rogue.usage().buckets.default.rateLimitHits;
    expect(hits).toBe(stats.rateLimited.main);
    const hitsAfter = (await emagRateLimitHits().get()).values.find((v) => v.labels.account === "main")?.value ?? 0;
    expect(hitsAfter - hitsBefore).toBe(hits);
    await rogue.close();
  });

  it("callers that give up leave the queue without consuming slots", async () => {
    const stop = new AbortController();
    setMaxListeners(0, stop.signal);
    const pending = Array.from({ length: 10 }, () => client.handlingTime.read({ signal: stop.signal }).catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    const settled = await Promise.all(pending);
    expect(settled.filter((s) => !Array.isArray(s)).length).toBeGreaterThan(5);
    expect(client.usage().buckets.default.queued).toBe(0);
  });
});
