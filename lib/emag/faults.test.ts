// Injected 5xx bursts and hangs: retries must make paged reads complete and exact. Budgets are
// raised on both sides (FAST_LIMITS) so the run is bounded by faults, not by the 3 req/s budget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmagClient } from "./client";
import type { EmagSimulator } from "./simulator";
import { FAST_LIMITS, simClient, simControl, simStats, startTestSimulator } from "./test-support";

let sim: EmagSimulator;
let main: EmagClient;
let fbe: EmagClient;
const opts = () => ({ timeoutMs: 800, maxRetries: 8, retryMinMs: 20, retryMaxMs: 200, limiter: { budgets: FAST_LIMITS } });

beforeAll(async () => {
  // Full default catalogues; hangs last 3 s, the client gives up after 800 ms and retries.
  sim = await startTestSimulator({ faultRate: 0.2, hangMs: 3000, orders: 10, seed: 7, limits: FAST_LIMITS });
  main = simClient(sim, "main", opts());
  fbe = simClient(sim, "fbe", opts());
});
afterAll(async () => {
  await Promise.all([main.close(), fbe.close()]);
  await sim.close();
});

describe("fault injection", () => {
  it("with fault rate 0.2 a paged read of the whole catalogue returns every offer exactly once", { timeout: 60_000 }, async () => {
    // Sequential paging on MAIN and concurrent page fetch on FBE, at the same time (separate budgets).
    const [mainOffers, fbePages] = await Promise.all([
      main.readAll(main.productOffer.read, {}),
      fbe.fetchPagesConcurrently(fbe.productOffer.count, fbe.productOffer.read, {}),
    ]);
    expect(mainOffers).toHaveLength(1275);
    expect(new Set(mainOffers.map((o) => o.id)).size).toBe(1275);
    expect(fbePages.items).toHaveLength(1271);
    expect(new Set(fbePages.items.map((o) => o.id)).size).toBe(1271);

    const stats = await simStats(sim);
    expect(stats.totals.faults).toBeGreaterThan(0);
    expect(stats.rateLimited.main ?? 0).toBe(0);
  });

  it("a save that hits an injected failure does not apply; a retried one applies", async () => {
    const strict = simClient(sim, "main", { ...opts(), maxRetries: 0, timeoutMs: 500 });
    const [before] = await main.productOffer.read({ id: 150 });
    const price = Math.round(before!.min_sale_price! * 1.1 * 100) / 100;
    // Faults decided before any state change only: no share of them turned into lost responses.
    await simControl(sim, "config", { faultRate: 1, faultLostWriteShare: 0 });
    try {
      await expect(strict.offer.save([{ id: 150, sale_price: price }])).rejects.toMatchObject({ retryable: true });
    } finally {
      await simControl(sim, "config", { faultRate: 0.5, faultLostWriteShare: 0.25 });
      await strict.close();
    }
    try {
      expect((await main.productOffer.read({ id: 150 }))[0]?.sale_price).toBe(before!.sale_price);
      await main.offer.save([{ id: 150, sale_price: price }]);
    } finally {
      await simControl(sim, "config", { faultRate: 0 });
    }
    expect((await main.productOffer.read({ id: 150 }))[0]?.sale_price).toBe(price);
  });

  it("gives up with a retryable error once retries are exhausted", async () => {
    await simControl(sim, "config", { faultRate: 1, latencyMs: 0, hangMs: 3000 });
    const strict = simClient(sim, "main", { ...opts(), maxRetries: 1, timeoutMs: 500, retryMinMs: 10, retryMaxMs: 20 });
    try {
      const err = await strict.vat.read().catch((e: unknown) => e);
      expect(err).toMatchObject({ name: "EmagApiError", retryable: true });
      expect(["server", "timeout"]).toContain((err as { code: string }).code);
    } finally {
      await simControl(sim, "config", { faultRate: 0 });
      await strict.close();
    }
  });
});
