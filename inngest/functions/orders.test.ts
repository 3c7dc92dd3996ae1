import { InngestTestEngine } from "@inngest/test";
import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autoAcknowledgeOrders, cleanupSyncLogs, syncOrders, syncOrdersScheduled } from "@/inngest/functions/orders";
import { functions, scheduledBodies } from "@/inngest";
import { autoAcknowledgeBody, cleanupLogsBody, scheduledOrdersSyncBody } from "@/lib/orders/jobs";
import { ordersSyncRequested } from "@/inngest/events";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { schedules } from "@/lib/jobs/schedules";
import { ordersSyncOptionsSchema } from "@/lib/orders/schemas";
import { syncAccountOrders } from "@/lib/orders/sync";
import { createOrdersSyncLog, lastSuccessfulReturnsStart, lastSuccessfulStart, serializeOrdersSyncLog } from "@/lib/orders/sync-log";
import { userWithToken } from "../../tests/helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../../tests/sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;

beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 120, fbe: 80 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
  await userWithToken("manager");
});
afterAll(async () => {
  await stopClients();
  await sim.close();
});

const reads = (kind: "main" | "fbe") => sim.state.accounts[kind] && (sim.state.stats.requests[kind]?.["order/read"] ?? 0);
const event = (syncId: string) => ({ name: ordersSyncRequested.name, data: { sync_id: syncId } });
const newLog = async () => {
  await db.syncLog.updateMany({ where: { status: "running" }, data: { status: "failed" } }); // earlier tests' stubbed runs
  return createOrdersSyncLog(ordersSyncOptionsSchema.parse({ account_type: "both" }), { triggeredBy: "api" });
};
const stepIds = (ctx: { step: { run: unknown } }) => (ctx.step.run as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);

describe("order job functions", () => {
  it("take their triggers from the shared schedule table, with 3 attempts (2 retries) each", () => {
    expect(syncOrders.opts.triggers).toEqual([ordersSyncRequested]);
    expect(syncOrders.opts.idempotency).toBe("event.data.sync_id");
    expect(syncOrdersScheduled.opts.triggers).toEqual([{ cron: "*/5 * * * *" }]);
    expect(autoAcknowledgeOrders.opts.triggers).toEqual([{ cron: schedules.ordersAutoAcknowledge.cron }]);
    expect(schedules.ordersAutoAcknowledge.cron).toBe("*/10 * * * *");
    expect(cleanupSyncLogs.opts.triggers).toEqual([{ cron: schedules.syncLogCleanup.cron }]);
    for (const f of [syncOrders, syncOrdersScheduled, autoAcknowledgeOrders, cleanupSyncLogs]) expect(f.opts.retries).toBe(2);
    expect(functions).toEqual(expect.arrayContaining([syncOrders, syncOrdersScheduled, autoAcknowledgeOrders, cleanupSyncLogs]));
  });

  it("the in-process fallback fires the same bodies on the same schedule table", () => {
    expect(scheduledBodies.ordersSync).toBe(scheduledOrdersSyncBody);
    expect(scheduledBodies.ordersAutoAcknowledge).toBe(autoAcknowledgeBody);
    expect(scheduledBodies.syncLogCleanup).toBe(cleanupLogsBody);
    expect(Object.keys(scheduledBodies).sort()).toEqual(Object.keys(schedules).sort());
  });

  it("one account failing for good does not stop the other: the sync ends partial", async () => {
    const log = await newLog();
    const { result, ctx } = await new InngestTestEngine({
      function: syncOrders,
      events: [event(log.id)],
      steps: [{ id: "sync-fbe", handler: () => { throw new NonRetriableError("eMAG FBE unreachable"); } }],
    }).execute();
    expect(stepIds(ctx)).toEqual(expect.arrayContaining(["load-sync", "sync-main", "returns-main", "sync-fbe", "returns-fbe", "finish"]));
    expect(result).toMatchObject({ status: "partial", counters: { created: 120 }, errors: [{ account: "fbe" }] });
    expect(await db.emagOrder.count({ where: { account: "main" } })).toBe(120);
    expect(await db.emagOrder.count({ where: { account: "fbe" } })).toBe(0);
    // The next incremental sync of MAIN starts from this one; FBE has no successful sync yet.
    expect(await lastSuccessfulStart("main")).toEqual(log.startedAt);
    expect(await lastSuccessfulStart("fbe")).toBeNull();
    expect(await db.notification.count({ where: { type: "sync.failed" } })).toBe(await db.user.count({ where: { active: true } }));
  });

  it("a retried run replays the finished account's step from state: it is not fetched again", async () => {
    const log = await newLog();
    const options = ordersSyncOptionsSchema.parse({ account_type: "both" });
    const memo: Record<string, unknown> = {};
    // Attempt 1: MAIN finishes, FBE's step fails (Inngest would now retry; @inngest/test does not
    // model retries, so "finish", which only runs after a final failure, is stubbed here).
    await new InngestTestEngine({
      function: syncOrders,
      events: [event(log.id)],
      steps: [
        { id: "sync-main", handler: async () => (memo["sync-main"] = await syncAccountOrders(log.id, "main", options)) },
        { id: "sync-fbe", handler: () => { throw new Error("connection reset"); } },
        { id: "finish", handler: () => ({ stubbed: true }) },
      ],
    }).execute();
    const [mainReads, fbeReads] = [reads("main"), reads("fbe")];
    // Attempt 2: the memoised MAIN step is replayed; only FBE runs.
    const retry = await new InngestTestEngine({
      function: syncOrders,
      events: [event(log.id)],
      steps: [{ id: "sync-main", handler: () => memo["sync-main"] }],
    }).execute();
    expect(retry.result).toMatchObject({ status: "completed", counters: { created: 80 } }); // MAIN was stored by the previous test
    expect(reads("main")).toBe(mainReads);
    expect(reads("fbe")).toBeGreaterThan(fbeReads);
    expect(await db.emagOrder.count()).toBe(200);
  });

  it("auto-acknowledge isolates a failing order: the others are acknowledged and the failure is notified", async () => {
    const { ids } = (await simControl(sim, "orders", { account: "main", count: 3 })) as { ids: string[] };
    await db.syncLog.updateMany({ where: { status: "running" }, data: { status: "failed" } });
    const log = await createOrdersSyncLog(ordersSyncOptionsSchema.parse({ account_type: "main" }), { triggeredBy: "api" });
    await syncAccountOrders(log.id, "main", ordersSyncOptionsSchema.parse({ account_type: "main" }));
    await db.syncLog.update({ where: { id: log.id }, data: { status: "completed" } });
    const pending = await db.emagOrder.findMany({ where: { type: 3, status: 1 }, select: { emagOrderId: true } });
    expect(pending.map((p) => p.emagOrderId.toString())).toEqual(expect.arrayContaining(ids));
    const broken = ids[0]!;
    const { result, ctx } = await new InngestTestEngine({
      function: autoAcknowledgeOrders,
      events: [{ name: "inngest/scheduled.timer", data: {} }],
      steps: [{ id: `acknowledge-${broken}`, handler: () => { throw new NonRetriableError("eMAG timeout"); } }],
    }).execute();
    expect(stepIds(ctx)).toEqual(expect.arrayContaining(["list-new-orders", ...ids.map((id) => `acknowledge-${id}`), "notify-acknowledge-failures"]));
    const r = result as { acknowledged: string[]; failed: { emag_order_id: string }[] };
    expect(r.failed.map((f) => f.emag_order_id)).toEqual([broken]);
    // (@inngest/test may run a parallel step twice, so the outcome is checked in eMAG and the DB.)
    expect(sim.state.accounts.main.orderById.get(Number(broken))!.wire.status).toBe(1);
    for (const id of ids.slice(1)) {
      expect(sim.state.accounts.main.orderById.get(Number(id))!.wire.status).toBe(2);
      expect((await db.emagOrder.findFirstOrThrow({ where: { emagOrderId: BigInt(id) } })).status).toBe(2);
    }
    const notified = await db.notification.findMany({ where: { type: "order.acknowledge-failed" }, distinct: ["userId"], select: { userId: true, title: true } });
    expect(notified).toHaveLength(await db.user.count({ where: { active: true } })); // every user is told
    expect(notified[0]!.title).toContain(broken);
  });

  it("a failing returns step does not fail the account's orders: the sync ends partial, naming the returns", async () => {
    const log = await newLog();
    const returnsBefore = await lastSuccessfulReturnsStart("fbe");
    await simControl(sim, "orders", { account: "fbe", count: 2 });
    const { ctx } = await new InngestTestEngine({
      function: syncOrders,
      events: [event(log.id)],
      steps: [{ id: "returns-fbe", handler: () => { throw new NonRetriableError("rma/read unavailable"); } }],
    }).execute();
    expect(stepIds(ctx)).toEqual(expect.arrayContaining(["sync-main", "returns-main", "sync-fbe", "returns-fbe", "finish"]));
    // Checked on the stored log (@inngest/test may run parallel chains more than once); a throwing
    // stub's step reaches the job without a result, so the message is the job's own.
    expect(serializeOrdersSyncLog(await db.syncLog.findUniqueOrThrow({ where: { id: log.id } }))).toMatchObject({
      status: "partial",
      counters: { created: 2 },
      errors: [{ account: "fbe", scope: "returns", message: expect.stringMatching(/^Returns: /) }],
      returns: { main: { completed: true }, fbe: { completed: false, error: expect.any(String) } },
    });
    // FBE's orders count as synced (the next incremental orders read starts here); its returns do not.
    expect(await lastSuccessfulStart("fbe")).toEqual(log.startedAt);
    expect(await lastSuccessfulReturnsStart("fbe")).toEqual(returnsBefore);
    expect(await lastSuccessfulReturnsStart("main")).toEqual(log.startedAt);
  });

  it("the daily cleanup deletes sync logs older than the retention, and only those", async () => {
    const old = await db.syncLog.create({ data: { type: "orders", accounts: ["main"], mode: "incremental", status: "completed", triggeredBy: "schedule", startedAt: new Date(Date.now() - 40 * 86_400_000) } });
    const recent = await db.syncLog.count();
    const { result } = await new InngestTestEngine({ function: cleanupSyncLogs, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toMatchObject({ retention_days: 30, deleted_sync_logs: 1 });
    expect(await db.syncLog.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.syncLog.count()).toBe(recent - 1);
  });
});
