// eMAG's callbacks, coalesced in PostgreSQL (order_callbacks) rather than in one process's memory:
// callbacks that land on different instances within the window become one targeted sync, each
// order is synced once per burst, and a claim left by a dead instance is taken over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { drainCallbacks, requestCallbackSync, waitForCallbackDrains, waitForOrderSyncs } from "@/lib/orders/service";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();
let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 20, fbe: 20 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
});
afterAll(async () => {
  await waitForCallbackDrains();
  await waitForOrderSyncs();
  await stopClients?.();
  await sim?.close();
});

const targetedSyncs = async () =>
  (await db.syncLog.findMany({ where: { type: "orders", triggeredBy: "callback" }, select: { options: true, status: true } })).map((l) => ({
    ids: ((l.options as { order_ids?: string[] }).order_ids ?? []).slice().sort(),
    status: l.status,
  }));

describe("callback queue", () => {
  it("a burst of callbacks, repeated ones included, landing on two instances: each order is synced once, and all of them come in", async () => {
    const { ids } = (await simControl(sim, "orders", { account: "main", count: 12 })) as { ids: string[] };
    const before = (await targetedSyncs()).length;
    // As if they landed on several instances: every one is recorded in the shared queue, some twice.
    await Promise.all([...ids, ...ids.slice(0, 4)].map((id) => requestCallbackSync("main", String(id))));
    expect(await db.orderCallback.count({ where: { account: "main" } })).toBe(12);
    // Two instances' timers fire at once: each order goes to exactly one of them.
    const [a, b] = await Promise.all([drainCallbacks("main"), drainCallbacks("main")]);
    await waitForCallbackDrains();
    await waitForOrderSyncs();
    expect(a + b).toBe(12);
    const syncs = (await targetedSyncs()).slice(before);
    const synced = syncs.flatMap((s) => s.ids);
    expect(synced.sort()).toEqual(ids.map(String).sort());
    expect(new Set(synced).size).toBe(synced.length); // no order in two syncs
    expect(syncs.length).toBeLessThanOrEqual(2); // at most one per claimant, never one per callback
    expect(syncs.every((s) => s.status === "completed")).toBe(true);
    expect(await db.orderCallback.count()).toBe(0);
    expect(await db.emagOrder.count({ where: { account: "main", emagOrderId: { in: ids.map((i) => BigInt(i)) } } })).toBe(12);
  });

  it("a claim left by a dead instance is taken over once it is older than the bound; a fresh one is not", async () => {
    const { ids } = (await simControl(sim, "orders", { account: "fbe", count: 2 })) as { ids: string[] };
    const [stale, fresh] = ids.map(String) as [string, string];
    await db.orderCallback.createMany({
      data: [
        { account: "fbe", emagOrderId: stale, claimedBy: "dead-instance", claimedAt: new Date(Date.now() - 10 * 60_000) },
        { account: "fbe", emagOrderId: fresh, claimedBy: "live-instance", claimedAt: new Date() },
      ],
    });
    expect(await drainCallbacks("fbe")).toBe(1);
    await waitForOrderSyncs();
    expect(await db.emagOrder.count({ where: { account: "fbe", emagOrderId: BigInt(stale) } })).toBe(1);
    expect((await db.orderCallback.findMany({ select: { emagOrderId: true } })).map((r) => r.emagOrderId)).toEqual([fresh]);
    await db.orderCallback.deleteMany();
  });
});
