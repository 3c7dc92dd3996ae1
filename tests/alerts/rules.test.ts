// Each rule's trigger on hand-made rows, through the real hook or check: the window it opens (or
// that it opens none), on a database of this file's own. No channels: delivery is not the point here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChannel } from "@/lib/alerts/channels";
import { evaluateCheckRule, sweepLostDeliveries } from "@/lib/alerts/check";
import { flushEmagSample } from "@/lib/alerts/emag-sampler";
import { alertsSettled } from "@/lib/alerts/raise";
import { updateRule } from "@/lib/alerts/settings";
import { db } from "@/lib/db";
import { emagRequests } from "@/lib/emag/metrics";
import { checkLowStock } from "@/lib/inventory/low-stock";
import { closeMail } from "@/lib/mail/send";
import { announceOrders } from "@/lib/orders/alerts";
import type { UpsertedOrder } from "@/lib/orders/store";
import { cleanupStuckSyncs } from "@/lib/sync/service";
import { useIsolatedDatabase } from "../sync/support";
import { startReceiver, startSmtp, useAlertEnv } from "./support";

useIsolatedDatabase();

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startReceiver();
  useAlertEnv(smtp.url);
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  await hook.close();
});
beforeEach(async () => {
  await alertsSettled();
  await db.alertWindow.deleteMany();
});

const windows = () => db.alertWindow.findMany({ orderBy: [{ ruleId: "asc" }, { subjectKey: "asc" }] });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe("sync.stuck: the stuck-sync cleanup", () => {
  it("raises one alert counting the syncs it failed", async () => {
    for (let i = 0; i < 2; i++)
      await db.syncLog.create({ data: { type: "products", accounts: ["main"], mode: "full", triggeredBy: "api", heartbeatAt: hoursAgo(1), startedAt: hoursAgo(1) } });
    const { cleaned } = await cleanupStuckSyncs(15 * 60_000);
    expect(cleaned).toBe(2);
    await alertsSettled();
    const [w, ...rest] = await windows();
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ ruleId: "sync.stuck", subjectKey: "products", count: 2, title: "2 stuck product syncs marked failed" });
  });

  it("raises nothing when nothing was stuck", async () => {
    await cleanupStuckSyncs(15 * 60_000);
    await alertsSettled();
    expect(await windows()).toHaveLength(0);
  });
});

describe("order.high_value: new orders as the order sync writes them", () => {
  const order = (n: number, total: string, inserted = true): UpsertedOrder => ({
    id: randomUUID(), account: "main", emag_order_id: String(9000 + n), status: 1, inserted, prev_status: null, customer_name: `Buyer ${n}`, total, currency: "RON",
  });

  it("alerts on new orders at or above the amount, not on smaller or already stored ones", async () => {
    await announceOrders([order(1, "7500.00"), order(2, "120.00"), order(3, "9999.00", false)], { silent: false });
    await alertsSettled();
    const [w, ...rest] = await windows();
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ ruleId: "order.high_value", subjectKey: "main", count: 1, title: "Large MAIN order 9001: 7500.00 RON" });
  });

  it("follows the threshold an admin set", async () => {
    await updateRule("order.high_value", { threshold: 100 });
    try {
      await announceOrders([order(1, "7500.00"), order(2, "120.00")], { silent: false });
      await alertsSettled();
    } finally {
      await updateRule("order.high_value", { threshold: 5000 });
    }
    expect((await windows())[0]).toMatchObject({ count: 2, title: "2 large MAIN orders" });
  });

  it("stores history silently", async () => {
    await announceOrders([order(1, "7500.00")], { silent: true });
    await alertsSettled();
    expect(await windows()).toHaveLength(0);
  });
});

describe("inventory.low_stock: the low-stock check", () => {
  it("alerts on offers that crossed their threshold with at most the rule's units left", async () => {
    await db.inventorySetting.upsert({ where: { account: "main" }, create: { account: "main", enabled: true, lowStockThreshold: 20 }, update: { enabled: true, lowStockThreshold: 20 } });
    await db.inventoryItem.createMany({
      data: [
        { productId: randomUUID(), account: "main", emagOfferId: "501", available: 2 },
        { productId: randomUUID(), account: "main", emagOfferId: "502", available: 15 }, // low for inventory (<= 20), not for the alert (> 5)
        { productId: randomUUID(), account: "main", emagOfferId: "503", available: 80 },
      ],
    });
    const r = await checkLowStock("main");
    expect(r.crossed).toBe(2);
    await alertsSettled();
    const [w, ...rest] = await windows();
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ ruleId: "inventory.low_stock", subjectKey: "main", count: 1, title: "Low stock: offer 501 (2 left)" });

    // Already notified: the next check is no new crossing, so no new alert count.
    await checkLowStock("main");
    await alertsSettled();
    expect((await windows())[0]!.count).toBe(1);
  });
});

describe("orders.unacknowledged: the periodic check over emag_orders", () => {
  const newOrder = (n: number, placed: Date, status = 1, type = 3) => ({
    account: "fbe" as const, emagOrderId: BigInt(77_000 + n), type, status, total: "10", raw: {}, contentHash: `h${n}`, emagCreatedAt: placed,
  });

  it("counts seller-fulfilled new orders older than the threshold; a repeated check keeps the count (a level, not events)", async () => {
    // 3: too recent; 4: already in progress; 5: fulfilled by eMAG (nothing for the seller to acknowledge).
    await db.emagOrder.createMany({ data: [newOrder(1, hoursAgo(5)), newOrder(2, hoursAgo(3)), newOrder(3, hoursAgo(1)), newOrder(4, hoursAgo(9), 2), newOrder(5, hoursAgo(9), 1, 2)] });
    expect(await evaluateCheckRule("orders.unacknowledged")).toBe(1);
    expect(await evaluateCheckRule("orders.unacknowledged")).toBe(1);
    await alertsSettled();
    const [w, ...rest] = await windows();
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ subjectKey: "fbe", count: 2, title: "2 FBE orders not acknowledged after 2 h" });
    expect((w!.details as { lines: string[] }).lines[1]).toBe("Orders: 77001, 77002");
  });
});

describe("emag.errors: the periodic check over every instance's samples", () => {
  it("this process's counters reach the samples table", async () => {
    emagRequests().inc({ account: "sampled", resource: "product_offer", action: "read", status: "200" }, 30);
    emagRequests().inc({ account: "sampled", resource: "product_offer", action: "read", status: "429" }, 6);
    emagRequests().inc({ account: "sampled", resource: "product_offer", action: "read", status: "504" }, 4);
    await flushEmagSample();
    await flushEmagSample(); // nothing new: adds nothing
    const rows = await db.alertEmagSample.findMany({ where: { account: "sampled" } });
    expect(rows.reduce((s, r) => ({ requests: s.requests + r.requests, errors: s.errors + r.errors, rate_limited: s.rate_limited + r.rateLimited }), { requests: 0, errors: 0, rate_limited: 0 }))
      .toEqual({ requests: 40, errors: 10, rate_limited: 6 });
  });

  it("alerts per account whose error share over the lookback is at or above the threshold", async () => {
    await db.alertEmagSample.deleteMany();
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db.alertEmagSample.createMany({
      data: [
        { instanceId: "other-a", account: "main", minute, requests: 60, errors: 20, rateLimited: 15 },
        { instanceId: "other-b", account: "main", minute, requests: 40, errors: 10, rateLimited: 0 }, // main: 30 of 100 = 30 %
        { instanceId: "other-a", account: "fbe", minute, requests: 100, errors: 5, rateLimited: 5 }, // 5 %: below
        { instanceId: "other-a", account: "tiny", minute, requests: 5, errors: 5, rateLimited: 5 }, // too few requests to judge
        { instanceId: "other-a", account: "old", minute: hoursAgo(2), requests: 100, errors: 100, rateLimited: 0 }, // outside the lookback
      ],
    });
    await evaluateCheckRule("emag.errors");
    await alertsSettled();
    const list = (await windows()).filter((w) => w.ruleId === "emag.errors");
    expect(list.map((w) => [w.subjectKey, w.count, w.title])).toEqual([["main", 30, "eMAG errors at 30% for MAIN (30 of 100 requests)"]]);
  });
});

describe("lost deliveries", () => {
  it("the sweep delivers an alert whose scheduled delivery never ran", async () => {
    await createChannel({ kind: "webhook", name: "Sweep hook", enabled: true, url: hook.url });
    await db.alertWindow.create({
      data: { ruleId: "sync.failed", subjectKey: "orders:main", windowStart: new Date(), severity: "critical", title: "Order sync failed (MAIN)", deliverAfter: hoursAgo(1), details: { lines: [] } },
    });
    expect(await sweepLostDeliveries()).toHaveLength(1);
    await alertsSettled();
    expect(hook.received.map((h) => h.body.text)).toEqual(["Order sync failed (MAIN)"]);
    expect((await db.alertWindow.findFirstOrThrow()).status).toBe("delivered");
    expect(await sweepLostDeliveries()).toHaveLength(0);
  });
});
