// Inventory against real PostgreSQL and the eMAG simulator: orders reserve their lines exactly
// once however often they are synced, a cancellation releases them, and the stock that reaches
// eMAG is available - buffer; plus settings (FBE refused), item edits, drift and low stock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettingsRoute, PUT as putSettings } from "@/app/api/v1/emag/offers/inventory/settings/route";
import { GET as listItems } from "@/app/api/v1/emag/offers/inventory/items/route";
import { PATCH as patchItem } from "@/app/api/v1/emag/offers/inventory/items/[id]/route";
import { GET as getDrift } from "@/app/api/v1/emag/offers/inventory/drift/route";
import { POST as fixDriftRoute } from "@/app/api/v1/emag/offers/inventory/drift/fix/route";
import { GET as lowStockRoute } from "@/app/api/v1/emag/offers/inventory/low-stock/route";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { emagTimestamp } from "@/lib/emag/time";
import { inventoryPushBody } from "@/lib/inventory/jobs";
import { pushInventory } from "@/lib/inventory/push";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { waitForOfferJobs } from "@/lib/offers/runner";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { syncProductsNow } from "@/lib/sync/service";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

const BUFFER = 2;
const STOCK = 100;
let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let manager: { token: string; user: { id: string } };
let viewer: { token: string };

const syncOrders = async () => {
  await startOrdersSync({ account_type: "main" }, { triggeredBy: "api" });
  await waitForOrderSyncs();
  await waitForOfferJobs();
};
/** The offers' commercial fields as the simulator holds them now. */
async function simOffers(ids: string[]) {
  const res = await fetch(`${sim.controlUrl}/offers?account=main&ids=${ids.join(",")}`);
  return ((await res.json()) as { offers: { id: number; stock: number; status: number }[] }).offers;
}
const simStock = async (ids: string[]) => new Map((await simOffers(ids)).map((o) => [String(o.id), o.stock]));
const items = async () => new Map((await db.inventoryItem.findMany()).map((i) => [i.emagOfferId, i]));
const lineQuantities = (orderIds: string[]) => {
  const q = new Map<string, number>();
  for (const id of orderIds)
    for (const l of sim.state.accounts.main.orderById.get(Number(id))!.wire.products) q.set(String(l.product_id), (q.get(String(l.product_id)) ?? 0) + l.quantity);
  return q;
};

beforeAll(async () => {
  sim = await startFastSimulator({ products: { main: 30, fbe: 5 } });
  stopClients = useFastSyncClients(sim);
  for (const o of sim.state.accounts.main.offers) o.stock = STOCK;
  await ensureEmagAccounts();
  manager = await userWithToken("manager");
  viewer = await userWithToken("viewer");
  await syncProductsNow({ account_type: "both", mode: "full" }, { triggeredBy: "user" });
  await syncOrders(); // the (empty) history, so later syncs are incremental
}, 120_000);
afterAll(async () => {
  await waitForOrderSyncs();
  await waitForOfferJobs();
  await stopClients();
  await sim.close();
});

describe("settings", () => {
  it("refuses FBE with a 422 naming the account; viewers cannot write", async () => {
    const fbe = await call(putSettings, { method: "PUT", token: manager.token, path: "/x?account=fbe", body: { enabled: true } });
    expect(fbe.status).toBe(422);
    expect(fbe.json.error?.message).toBe("account: FBE stock is held by eMAG");
    expect((await call(getSettingsRoute, { token: viewer.token, path: "/x?account=fbe" })).status).toBe(422);
    expect((await call(putSettings, { method: "PUT", token: viewer.token, path: "/x?account=main", body: { enabled: true } })).status).toBe(403);
    const bad = await call(putSettings, { method: "PUT", token: manager.token, path: "/x?account=main", body: { default_buffer: -1 } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json.error?.details)).toContain("default_buffer");
  });

  it("switching on creates one item per live MAIN offer with available = its eMAG stock, and is audited", async () => {
    const res = await call(putSettings, { method: "PUT", token: manager.token, path: "/x?account=main", body: { enabled: true, default_buffer: BUFFER } });
    expect(res.status).toBe(200);
    const live = await db.emagProduct.count({ where: { account: "main", removedAt: null } });
    expect(res.json).toMatchObject({ enabled: true, default_buffer: BUFFER, auto_toggle: false, low_stock_threshold: 20, counts: { items: live, dirty: 0 } });
    const all = [...(await items()).values()];
    expect(all.every((i) => i.available === STOCK && i.buffer === null && i.dirtyAt === null)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "inventory.settings.update", actorId: manager.user.id } })).toBe(1);
  });
});

describe("orders move inventory", () => {
  let orderIds: string[] = [];
  let expected = new Map<string, number>();

  it("5 injected orders reserve their lines once, even when synced 3 times; the pushed stock is available - buffer", async () => {
    orderIds = ((await simControl(sim, "orders", { account: "main", count: 5 })) as { ids: string[] }).ids;
    expected = lineQuantities(orderIds);
    const lines = orderIds.reduce((n, id) => n + sim.state.accounts.main.orderById.get(Number(id))!.wire.products.length, 0);
    for (let i = 0; i < 3; i++) await syncOrders();
    expect(await db.inventoryReservation.count({ where: { releasedAt: null } })).toBe(lines);
    const now = await items();
    for (const [offer, qty] of expected) expect(now.get(offer)!.available).toBe(STOCK - qty);
    const onEmag = await simStock([...expected.keys()]);
    for (const [offer, qty] of expected) {
      expect(onEmag.get(offer)).toBe(STOCK - qty - BUFFER);
      expect(now.get(offer)).toMatchObject({ pushedStock: STOCK - qty - BUFFER, dirtyAt: null });
    }
    // Offers no order touched are not pushed (switching on sent nothing).
    const untouched = [...now.values()].find((i) => !expected.has(i.emagOfferId))!;
    expect((await simStock([untouched.emagOfferId])).get(untouched.emagOfferId)).toBe(STOCK);
    const jobs = await db.offerJob.findMany({ where: { kind: "inventory" } });
    expect(jobs.length).toBe(1); // the later syncs found nothing to push
    expect(jobs[0]).toMatchObject({ status: "completed", triggeredBy: "inventory", createdById: null, total: expected.size });
  });

  it("a cancellation releases the order's lines once, and eMAG gets the stock back", async () => {
    const cancelled = orderIds[0]!;
    const order = sim.state.accounts.main.orderById.get(Number(cancelled))!;
    order.wire.status = 0;
    order.wire.modified = emagTimestamp(Date.now());
    for (let i = 0; i < 2; i++) await syncOrders();
    const released = await db.inventoryReservation.findMany({ where: { emagOrderId: BigInt(cancelled) } });
    expect(released.length).toBe(order.wire.products.length);
    expect(released.every((r) => r.releasedAt && r.releaseReason === "cancelled")).toBe(true);
    const still = lineQuantities(orderIds.slice(1));
    const now = await items();
    const onEmag = await simStock([...expected.keys()]);
    for (const offer of expected.keys()) {
      const qty = still.get(offer) ?? 0;
      expect(now.get(offer)!.available).toBe(STOCK - qty);
      expect(onEmag.get(offer)).toBe(STOCK - qty - BUFFER);
    }
  });
});

describe("items, drift and low stock", () => {
  it("lists items with would-push and eMAG stock; an edit names a bad field and is audited", async () => {
    const list = await call(listItems, { token: viewer.token, path: "/x?sort=available&order=asc&pageSize=5" });
    expect(list.status).toBe(200);
    const first = (list.json.data as { id: string; available: number; would_push: number; effective_buffer: number }[])[0]!;
    expect(first.would_push).toBe(Math.max(0, first.available - first.effective_buffer));
    const bad = await call(patchItem, { method: "PATCH", token: manager.token, params: { id: first.id }, body: { buffer: -3 } });
    expect(bad.status).toBe(422);
    expect((bad.json.error?.details as { field: string }[])[0]!.field).toBe("buffer");
    const ok = await call(patchItem, { method: "PATCH", token: manager.token, params: { id: first.id }, body: { buffer: 5 } });
    expect(ok.json).toMatchObject({ buffer: 5, effective_buffer: 5, dirty: true });
    expect(await db.auditLog.count({ where: { action: "inventory.item.update", entityId: first.id } })).toBe(1);
    expect((await call(patchItem, { method: "PATCH", token: viewer.token, params: { id: first.id }, body: { buffer: 1 } })).status).toBe(403);
  });

  it("the drift report lists offers whose eMAG stock differs; fix selected, then fix all, clears it", async () => {
    await inventoryPushBody(inProcessStep("test-inventory", 0), "test"); // the edited item is due after the debounce
    await new Promise((r) => setTimeout(r, 2_100));
    await inventoryPushBody(inProcessStep("test-inventory", 0), "test");
    await waitForOfferJobs();
    const drift = await call(getDrift, { token: viewer.token, path: "/x?pageSize=100" });
    const live = await db.inventoryItem.count();
    // Every offer no order touched still has eMAG's stock, BUFFER above what MagFlow would send.
    expect(drift.json.total).toBe(live - (await db.inventoryItem.count({ where: { pushedAt: { not: null } } })));
    const rows = drift.json.data as { id: string; emag_offer_id: string; difference: number }[];
    expect(rows.every((r) => r.difference === BUFFER)).toBe(true);
    const picked = rows.slice(0, 2);
    const sel = await call(fixDriftRoute, { method: "POST", token: manager.token, body: { ids: picked.map((r) => r.id) } });
    expect(sel.status).toBe(202);
    expect(sel.json).toMatchObject({ marked: 2, sent: 2 });
    await waitForOfferJobs();
    expect((await call(getDrift, { token: viewer.token })).json.total).toBe((drift.json.total as number) - 2);
    const onEmag = await simStock(picked.map((r) => r.emag_offer_id));
    for (const r of picked) expect(onEmag.get(r.emag_offer_id)).toBe(STOCK - BUFFER);
    const all = await call(fixDriftRoute, { method: "POST", token: manager.token, body: {} });
    expect(all.status).toBe(202);
    await waitForOfferJobs();
    expect((await call(getDrift, { token: viewer.token })).json.total).toBe(0);
  });

  it("raises one notification per low-stock crossing, and again after it was back above", async () => {
    const item = (await db.inventoryItem.findMany({ orderBy: { productId: "asc" }, take: 1 }))[0]!;
    const count = () => db.notification.count({ where: { type: "inventory.low-stock", link: { contains: item.emagOfferId } } });
    const users = await db.user.count({ where: { active: true } });
    const set = (available: number) => call(patchItem, { method: "PATCH", token: manager.token, params: { id: item.productId }, body: { available } });
    expect((await set(3)).json).toMatchObject({ low: true });
    expect(await count()).toBe(users);
    await set(2);
    expect(await count()).toBe(users); // still the same crossing
    await set(50);
    await set(1);
    expect(await count()).toBe(2 * users);
    const card = await call(lowStockRoute, { token: viewer.token, path: "/x?limit=5" });
    expect(card.status).toBe(200);
    expect(card.json).toMatchObject({ enabled: true, data: [{ id: item.productId, available: 1, low: true }] });
    const low = await call(listItems, { token: viewer.token, path: "/x?low=true" });
    expect((low.json.data as { id: string }[]).map((r) => r.id)).toContain(item.productId);
  });
});

describe("auto-toggle", () => {
  it("switches an offer off when nothing is left to sell and back on when restocked", async () => {
    expect((await call(putSettings, { method: "PUT", token: manager.token, path: "/x?account=main", body: { auto_toggle: true } })).status).toBe(200);
    const item = (await db.inventoryItem.findMany({ orderBy: { productId: "desc" }, take: 1 }))[0]!;
    const push = async (available: number) => {
      await call(patchItem, { method: "PATCH", token: manager.token, params: { id: item.productId }, body: { available } });
      await pushInventory("main", { debounceMs: 0 });
      await waitForOfferJobs();
      return { offer: (await simOffers([item.emagOfferId]))[0]!, row: await db.inventoryItem.findUniqueOrThrow({ where: { productId: item.productId } }) };
    };
    const off = await push(BUFFER);
    expect(off.offer).toMatchObject({ stock: 0, status: 0 });
    expect(off.row).toMatchObject({ pushedStock: 0, autoDisabled: true });
    const on = await push(BUFFER + 8);
    expect(on.offer).toMatchObject({ stock: 8, status: 1 });
    expect(on.row).toMatchObject({ pushedStock: 8, autoDisabled: false });
  });
});
