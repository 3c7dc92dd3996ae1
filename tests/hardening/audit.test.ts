// An audit record for every write: each write route leaves exactly one audit_logs row naming the
// action, the entity, the values before and after, and the actor (user id + request id); a job
// leaves one with no actor that says which job it was.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ackRoute } from "@/app/api/v1/emag/orders/[id]/acknowledge/route";
import { POST as awbRoute } from "@/app/api/v1/emag/orders/[id]/awb/route";
import { POST as invoiceRoute } from "@/app/api/v1/emag/orders/[id]/invoice/route";
import { PUT as statusRoute } from "@/app/api/v1/emag/orders/[id]/status/route";
import { POST as ordersSyncRoute } from "@/app/api/v1/emag/orders/sync/route";
import { POST as cleanupRoute } from "@/app/api/v1/emag/products/cleanup-stuck-syncs/route";
import { DELETE as cancelRoute } from "@/app/api/v1/emag/products/sync/[id]/route";
import { POST as productsSyncRoute } from "@/app/api/v1/emag/products/sync/route";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { autoAcknowledgeBody } from "@/lib/orders/jobs";
import { waitForOrderSyncs } from "@/lib/orders/service";
import { createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { waitForBackgroundSyncs } from "@/lib/sync/service";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let admin: { token: string; user: { id: string } };

beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 12, fbe: 4 }, products: { main: 30, fbe: 10 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
  admin = await userWithToken("admin");
});

afterAll(async () => {
  await waitForOrderSyncs();
  await waitForBackgroundSyncs();
  await stopClients();
  await sim.close();
});

/** A request as the admin, with a request id to find in the audit row. */
const as = (opts: Parameters<typeof call>[1] = {}) => {
  const requestId = `req-${randomUUID()}`;
  return { requestId, opts: { token: admin.token, ...opts, headers: { ...opts.headers, "x-request-id": requestId } } };
};

const auditOf = (entityId: string, action: string) => db.auditLog.findMany({ where: { entityId, action } });

async function onlyRow(entityId: string, action: string) {
  const rows = await auditOf(entityId, action);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const byAdmin = (requestId: string) => ({ actorId: admin.user.id, requestId });

async function syncOrders() {
  const { requestId, opts } = as({ method: "POST", body: { account_type: "both" } });
  const res = await call(ordersSyncRoute, opts);
  expect(res.status).toBe(202);
  await waitForOrderSyncs();
  return { id: res.json.sync_id as string, requestId };
}

describe("order writes", () => {
  it("starting an order sync", async () => {
    await simControl(sim, "orders", { account: "main", count: 4 }); // new (status 1) orders to act on
    const { id, requestId } = await syncOrders();
    const row = await onlyRow(id, "order_sync.start");
    expect(row).toMatchObject({ ...byAdmin(requestId), entityType: "sync_log", oldValues: null });
    expect(row.newValues).toMatchObject({ type: "orders", status: "running", accounts: ["main", "fbe"], mode: "incremental", triggered_by: "api" });
  });

  it("acknowledge (once, however often it is asked), status change, AWB and invoice", async () => {
    const order = await db.emagOrder.findFirstOrThrow({ where: { type: 3, status: 1 } });
    const params = { id: order.id };

    const ack = as({ method: "POST", params });
    expect((await call(ackRoute, ack.opts)).json).toMatchObject({ changed: true });
    expect((await call(ackRoute, as({ method: "POST", params }).opts)).json).toMatchObject({ changed: false });
    const acked = await onlyRow(order.id, "order.acknowledge");
    expect(acked).toMatchObject({ ...byAdmin(ack.requestId), entityType: "emag_order", oldValues: { status: 1, acknowledged_at: null } });
    expect(acked.newValues).toMatchObject({ status: 2, acknowledged_at: expect.any(String) });

    const status = as({ method: "PUT", params, body: { status: 3 } });
    expect((await call(statusRoute, status.opts)).status).toBe(200);
    expect(await onlyRow(order.id, "order.status")).toMatchObject({
      ...byAdmin(status.requestId), entityType: "emag_order", oldValues: { status: 2 }, newValues: { status: 3 },
    });

    const awb = as({ method: "POST", params, body: { courier_account_id: "1201", parcel_number: 1, weight: 2 } });
    const booked = await call(awbRoute, awb.opts);
    expect(booked.status).toBe(200);
    const awbRow = await onlyRow(order.id, "order.awb");
    expect(awbRow).toMatchObject({ ...byAdmin(awb.requestId), entityType: "emag_order", oldValues: { status: 3, awb_number: null } });
    expect(awbRow.newValues).toMatchObject({ status: 4, awb_number: (booked.json.order as { awb_number: string }).awb_number, courier_account_id: "1201", weight: 2 });

    const url = `https://facturi.example.ro/${order.emagOrderId}.pdf`;
    const invoice = as({ method: "POST", params, body: { url } });
    expect((await call(invoiceRoute, invoice.opts)).json).toMatchObject({ changed: true });
    expect(await onlyRow(order.id, "order.invoice")).toMatchObject({
      ...byAdmin(invoice.requestId), entityType: "emag_order", oldValues: { invoice_url: null }, newValues: { invoice_url: url },
    });
  });

  it("a refused action writes nothing, so it leaves no audit row", async () => {
    const fbe = await db.emagOrder.findFirstOrThrow({ where: { type: 2 } });
    const before = await db.auditLog.count();
    expect((await call(ackRoute, as({ method: "POST", params: { id: fbe.id } }).opts)).status).toBe(409);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("the auto-acknowledge job records no actor and says it was the job", async () => {
    const pending = await db.emagOrder.findMany({ where: { type: 3, status: 1 }, select: { id: true } });
    expect(pending.length).toBeGreaterThan(0);
    const result = await autoAcknowledgeBody(inProcessStep("audit-ack", 0), "test");
    expect(result.acknowledged).toHaveLength(pending.length);
    for (const o of pending) {
      const row = await onlyRow(o.id, "order.acknowledge");
      expect(row).toMatchObject({ actorId: null, requestId: null, oldValues: { status: 1 } });
      expect(row.newValues).toMatchObject({ status: 2, by: "auto-acknowledge" });
    }
  });
});

describe("product sync writes", () => {
  it("starting and cancelling a product sync", async () => {
    await simControl(sim, "config", { latencyMs: 1500 }); // keeps the sync running until it is cancelled
    try {
      const start = as({ method: "POST", body: { account_type: "main", mode: "full" } });
      const started = await call(productsSyncRoute, start.opts);
      expect(started.status).toBe(202);
      const id = started.json.sync_id as string;
      const startRow = await onlyRow(id, "product_sync.start");
      expect(startRow).toMatchObject({ ...byAdmin(start.requestId), entityType: "sync_log", oldValues: null });
      expect(startRow.newValues).toMatchObject({ type: "products", status: "running", accounts: ["main"], mode: "full", triggered_by: "api" });

      const cancel = as({ method: "DELETE", params: { id } });
      expect((await call(cancelRoute, cancel.opts)).status).toBe(200);
      expect(await onlyRow(id, "product_sync.cancel")).toMatchObject({
        ...byAdmin(cancel.requestId), entityType: "sync_log", oldValues: { status: "running" }, newValues: { status: "cancelled" },
      });
      // A refused second cancel changes nothing and records nothing.
      expect((await call(cancelRoute, as({ method: "DELETE", params: { id } }).opts)).status).toBe(409);
      expect(await auditOf(id, "product_sync.cancel")).toHaveLength(1);
    } finally {
      await waitForBackgroundSyncs();
      await simControl(sim, "config", { latencyMs: 0 });
    }
  });

  it("the stuck-sync cleanup records each sync it failed", async () => {
    const orphan = await createSyncLog(normaliseOptions({ account_type: "fbe" }), { triggeredBy: "schedule" });
    await db.$executeRaw`UPDATE sync_logs SET heartbeat_at = now() - interval '20 minutes' WHERE id = ${orphan.id}::uuid`;
    const cleanup = as({ method: "POST" });
    const res = await call(cleanupRoute, cleanup.opts);
    expect(res.json).toEqual({ cleaned: 1, ids: [orphan.id] });
    const row = await onlyRow(orphan.id, "product_sync.fail_stuck");
    expect(row).toMatchObject({ ...byAdmin(cleanup.requestId), entityType: "sync_log", oldValues: { status: "running" } });
    expect(row.newValues).toMatchObject({ status: "failed", error: expect.stringMatching(/no heartbeat/) });
  });
});
