import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { syncProductsNow } from "@/lib/sync/service";
import { simControl, simOfferIds, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "./support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  sim = await startFastSimulator(); // the default catalogues: 1,275 MAIN and 1,271 FBE offers
  stopClients = useFastSyncClients(sim);
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

const run = (mode: "full" | "incremental", extra: Record<string, unknown> = {}) =>
  syncProductsNow({ account_type: "both", mode, ...extra }, { triggeredBy: "user" });

async function storedIds(account: "main" | "fbe", removed: boolean) {
  const rows = await db.emagProduct.findMany({ where: { account, removedAt: removed ? { not: null } : null }, select: { emagOfferId: true } });
  return rows.map((r) => r.emagOfferId).sort();
}

describe("full product sync of the default catalogues", () => {
  it("creates exactly the simulator's offers, once each", async () => {
    const result = await run("full");
    expect(result.status).toBe("completed");
    expect(result.counters).toEqual({ created: 1275 + 1271, updated: 0, unchanged: 0, removed: 0, failed: 0 });
    expect(result.pages).toBe(13 + 13);
    expect(result.api_requests).toBeGreaterThanOrEqual(2 + 26);
    expect(result.progress).toMatchObject({
      main: { page: 13, total_pages: 13, processed: 1275, total: 1275, percent: 100 },
      fbe: { page: 13, total_pages: 13, processed: 1271, total: 1271, percent: 100 },
    });
    expect(await storedIds("main", false)).toEqual(simOfferIds(sim, "main").sort());
    expect(await storedIds("fbe", false)).toEqual(simOfferIds(sim, "fbe").sort());
    const [row] = await db.$queryRaw<{ dupes: number }[]>`
      SELECT count(*)::int AS dupes FROM (SELECT 1 FROM emag_products GROUP BY account, emag_offer_id HAVING count(*) > 1) d`;
    expect(row?.dupes).toBe(0);
  });

  it("maps eMAG's fields onto the row (prices ex-VAT as decimals, stock, statuses, raw payload)", async () => {
    const offer = sim.state.accounts.main.offers[7]!;
    const row = await db.emagProduct.findUniqueOrThrow({
      where: { account_emagOfferId: { account: "main", emagOfferId: String(offer.id) } },
      include: { rawPayload: true },
    });
    expect(row).toMatchObject({ partNumber: offer.partNumber, partNumberKey: offer.pnk, name: offer.name, brand: offer.brand, categoryId: offer.categoryId });
    expect(row.salePrice?.toFixed(2)).toBe(offer.salePrice.toFixed(2));
    expect(row.minSalePrice?.toFixed(2)).toBe(offer.minPrice.toFixed(2));
    expect(row.maxSalePrice?.toFixed(2)).toBe(offer.maxPrice.toFixed(2));
    expect(row.numberOfOffers).toBe(offer.numberOfOffers);
    expect(row.buyButtonRank).toBe(offer.buyButtonRank);
    expect(row.offerValidationStatus).toBe(offer.offerValidation);
    expect(row.vatId).toBe(offer.vatId);
    expect(row.generalStock).toBe(offer.stock);
    expect(row.stock).toEqual([{ warehouse_id: 1, value: offer.stock }]);
    expect(row.status).toBe(offer.status);
    expect(row.validationStatus).toBe(offer.validation);
    expect(row.eans).toEqual(offer.ean);
    expect(row.images).toHaveLength(1);
    expect(row.currency).toBe("RON");
    expect((row.rawPayload?.raw as { id: string }).id).toBe(String(offer.id));
    expect(await db.emagProductRaw.count()).toBe(1275 + 1271);
    // eMAG's "modified" is Bucharest time; stored as the instant (the simulator keeps whole seconds).
    expect(Math.abs(row.emagModifiedAt!.getTime() - offer.modified)).toBeLessThan(1000);
    expect(row.lastSyncId).toBeTruthy();
  });

  it("a second full sync changes nothing: 0 created, 0 updated, all unchanged", async () => {
    const result = await run("full");
    expect(result.status).toBe("completed");
    expect(result.counters).toEqual({ created: 0, updated: 0, unchanged: 1275 + 1271, removed: 0, failed: 0 });
  });

  it("marks exactly the offers deleted on eMAG as removed, and only in full mode", async () => {
    const mainIds = simOfferIds(sim, "main");
    const gone = [mainIds[3]!, mainIds[500]!, mainIds[1274]!];
    await simControl(sim, "offers/delete", { account: "main", ids: gone.map(Number) });
    const fbeGone = ((await simControl(sim, "offers/delete", { account: "fbe", count: 2 })).ids as number[]).map(String);

    const incremental = await run("incremental");
    expect(incremental.counters.removed).toBe(0);
    expect(await storedIds("main", true)).toEqual([]);

    const full = await run("full");
    expect(full.status).toBe("completed");
    expect(full.counters).toMatchObject({ created: 0, updated: 0, removed: 5, failed: 0 });
    expect(await storedIds("main", true)).toEqual([...gone].sort());
    expect(await storedIds("fbe", true)).toEqual([...fbeGone].sort());
    expect(await storedIds("main", false)).toEqual(simOfferIds(sim, "main").sort());
  });

  it("incremental writes only offers whose content changed", async () => {
    const offer = sim.state.accounts.fbe.offers.find((o) => !o.deleted)!;
    offer.salePrice = Math.round((offer.salePrice + 1.2345) * 100) / 100;
    const result = await run("incremental", { account_type: "fbe" });
    expect(result.counters).toEqual({ created: 0, updated: 1, unchanged: 1271 - 2 - 1, removed: 0, failed: 0 });
    const row = await db.emagProduct.findUniqueOrThrow({ where: { account_emagOfferId: { account: "fbe", emagOfferId: String(offer.id) } } });
    expect(row.salePrice?.toFixed(2)).toBe(offer.salePrice.toFixed(2));
  });

  it("include_inactive: false reads only active offers, and a full run then marks nothing removed", async () => {
    const active = sim.state.accounts.main.offers.filter((o) => !o.deleted && o.status === 1).length;
    const result = await run("full", { account_type: "main", include_inactive: false });
    expect(result.status).toBe("completed");
    expect(result.progress?.main?.total).toBe(active);
    expect(result.counters).toMatchObject({ created: 0, removed: 0, failed: 0 });
    expect(result.counters.updated + result.counters.unchanged).toBe(active);
    expect(await db.emagProduct.count({ where: { account: "main", removedAt: { not: null } } })).toBe(3);
  });
});
