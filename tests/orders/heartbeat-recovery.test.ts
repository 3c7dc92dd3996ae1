// Order syncs are judged stale by heartbeat, never by start time: a running sync that another
// instance still heartbeats is never failed by cleanup; a silent one is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { bootOrders } from "@/lib/orders/boot";
import { waitForOrderSyncs } from "@/lib/orders/service";
import { failStaleOrderSyncs, ordersSyncStatus } from "@/lib/orders/sync-log";
import { HEARTBEAT_MS, holdHeartbeat, stopHeartbeats } from "@/lib/sync/runtime";
import { beatOrderSync } from "@/lib/orders/sync-log";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();
let sim: EmagSimulator;
let stopClients: () => Promise<void>;
beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 50, fbe: 50 } });
  stopClients = useFastSyncClients(sim);
});
afterAll(async () => {
  stopHeartbeats();
  await stopClients?.();
  await sim?.close();
});

const BOUND = HEARTBEAT_MS * 3; // what a booting instance uses

async function runningOrderSync(accounts: string[], opts: { startedAgoS: number; heartbeatAgoS: number }) {
  const log = await db.syncLog.create({ data: { type: "orders", accounts, mode: "incremental", triggeredBy: "schedule" } });
  await db.$executeRaw`UPDATE sync_logs SET started_at = timezone('UTC', now()) - make_interval(secs => ${opts.startedAgoS}::int),
    heartbeat_at = now() - make_interval(secs => ${opts.heartbeatAgoS}::int) WHERE id = ${log.id}::uuid`;
  return log.id;
}
const statusOf = async (id: string) => (await db.syncLog.findUniqueOrThrow({ where: { id } })).status;

describe("order sync recovery by heartbeat", () => {
  it("keeps a running sync with a fresh heartbeat, even one started long ago; fails a silent one", async () => {
    const live = await runningOrderSync(["main"], { startedAgoS: 3600, heartbeatAgoS: 1 });
    const dead = await runningOrderSync(["fbe"], { startedAgoS: 20, heartbeatAgoS: 10 });
    expect(await failStaleOrderSyncs(BOUND)).toEqual([dead]);
    expect(await statusOf(live)).toBe("running");
    expect(await statusOf(dead)).toBe("failed");
    // The status read shows the live one as running (started an hour ago, still beating).
    expect((await ordersSyncStatus()).current_sync?.id).toBe(live);
    // The 10-minute limit of a new start leaves both alone too.
    expect(await failStaleOrderSyncs()).toEqual([]);
    await db.$executeRaw`UPDATE sync_logs SET status = 'completed' WHERE id = ${live}::uuid`;
  });

  it("a worker's heartbeat keeps its sync alive past the boot bound; once it stops, the sync goes stale", { timeout: 30_000 }, async () => {
    const id = await runningOrderSync(["main", "fbe"], { startedAgoS: 0, heartbeatAgoS: 0 });
    const release = holdHeartbeat(id, () => beatOrderSync(id));
    await new Promise((r) => setTimeout(r, BOUND + 1_500));
    // A booting instance runs its recovery while this "other instance" works: nothing is failed.
    expect(await failStaleOrderSyncs(BOUND)).toEqual([]);
    const { firstSync } = await bootOrders({ port: 0, inProcess: true });
    expect(await statusOf(id)).toBe("running");
    release();
    stopHeartbeats(); // the worker dies
    await firstSync; // its retry after the bound fails the silent sync and starts the first order sync
    expect(await statusOf(id)).toBe("failed");
    await waitForOrderSyncs();
    const first = await db.syncLog.findFirst({ where: { type: "orders", id: { not: id } }, orderBy: { startedAt: "desc" } });
    expect(first?.status).toBe("completed");
  });
});
