import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { autoAcknowledgeBody } from "@/lib/orders/jobs";
import { callbackToken, startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { registerIo, type IoServer } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";
import { GET as listRoute } from "@/app/api/v1/emag/orders/route";
import { GET as detailRoute } from "@/app/api/v1/emag/orders/[id]/route";
import { PUT as statusRoute } from "@/app/api/v1/emag/orders/[id]/status/route";
import { POST as ackRoute } from "@/app/api/v1/emag/orders/[id]/acknowledge/route";
import { POST as awbRoute } from "@/app/api/v1/emag/orders/[id]/awb/route";
import { POST as invoiceRoute } from "@/app/api/v1/emag/orders/[id]/invoice/route";
import { POST as syncRoute } from "@/app/api/v1/emag/orders/sync/route";
import { GET as callbackRoute } from "@/app/api/v1/emag/callbacks/[account]/order/route";
import { GET as unreadRoute } from "@/app/api/v1/notifications/unread-count/route";
import { POST as readAllRoute } from "@/app/api/v1/notifications/read-all/route";
import { GET as statsRoute } from "@/app/api/v1/emag/orders/statistics/route";
import { GET as fileRoute } from "@/app/api/v1/files/invoices/[file]/route";
import { NextRequest } from "next/server";
import { call, userWithToken } from "../helpers/api";
import { simControl, startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let server: http.Server;
let io: IoServer;
let socket: Socket;
const events: { name: string; emagOrderId: string; status: number }[] = [];
let admin: { token: string; user: { id: string } };
let viewer: { token: string };

beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 260, fbe: 140 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
  admin = await userWithToken("admin");
  viewer = await userWithToken("viewer");
  server = http.createServer();
  io = attachRealtime(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  socket = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false, auth: { token: viewer.token } });
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  expect(await socket.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true });
  for (const name of ["order:new", "order:updated", "order:awb-generated"] as const)
    socket.on(name, (p: { emagOrderId: string; status: number }) => events.push({ name, emagOrderId: p.emagOrderId, status: p.status }));
});

afterAll(async () => {
  await waitForOrderSyncs();
  socket?.close();
  registerIo(undefined);
  await new Promise<void>((r) => io.close(() => r()));
  await stopClients();
  await sim.close();
});

const simIds = (kind: "main" | "fbe") => sim.state.accounts[kind].orders.map((o) => String(o.wire.id));
const syncNow = async (input: Parameters<typeof startOrdersSync>[0] = {}) => {
  const started = await startOrdersSync({ account_type: "both", ...input }, { triggeredBy: "api" });
  await waitForOrderSyncs();
  return db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
};
const settle = () => new Promise((r) => setTimeout(r, 150)); // socket frames in flight
const rowOf = (emagOrderId: string) => db.emagOrder.findFirstOrThrow({ where: { emagOrderId: BigInt(emagOrderId) } });

describe("order sync", () => {
  it("a first sync imports the history silently, every order once, ids above 2^31 unchanged", async () => {
    const log = await syncNow();
    expect(log.status).toBe("completed");
    expect(log.createdCount).toBe(400);
    await settle();
    expect(events).toEqual([]); // history: no alerts
    const rows = await db.$queryRaw<{ account: string; id: string }[]>`SELECT account::text, emag_order_id::text AS id FROM emag_orders`;
    expect(rows.filter((r) => r.account === "main").map((r) => r.id).sort()).toEqual(simIds("main").sort());
    expect(rows.filter((r) => r.account === "fbe").map((r) => r.id).sort()).toEqual(simIds("fbe").sort());
    expect(rows.every((r) => BigInt(r.id) > 2n ** 31n)).toBe(true);
    const lines = await db.emagOrderLine.count();
    expect(lines).toBe(sim.state.accounts.main.orders.concat(sim.state.accounts.fbe.orders).reduce((s, o) => s + o.wire.products.length, 0));
  });

  it("a second sync rewrites nothing", async () => {
    const log = await syncNow();
    expect(log).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 0 });
  });

  it("5 injected orders: exactly 5 order:new events, stored with status 1, 5 notifications each", async () => {
    const before = (await call(unreadRoute, { token: admin.token })).json.count as number;
    const { ids } = (await simControl(sim, "orders", { account: "main", count: 5 })) as { ids: string[] };
    const res = await call(syncRoute, { method: "POST", token: admin.token, body: { account_type: "main" } });
    expect(res.status).toBe(202);
    await waitForOrderSyncs();
    await settle();
    expect(events.filter((e) => e.name === "order:new").map((e) => e.emagOrderId).sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await rowOf(id)).status).toBe(1);
    expect((await call(unreadRoute, { token: admin.token })).json.count).toBe(before + 5);
    // The API returns the id as the exact decimal string.
    const list = await call(listRoute, { token: viewer.token, path: `/api/v1/emag/orders?search=${ids[0]}` });
    expect(list.json).toMatchObject({ total: 1, data: [{ emag_order_id: ids[0], status: 1, can_acknowledge: true }] });
    // Re-syncing the same orders raises nothing new.
    events.length = 0;
    await syncNow({ account_type: "main" });
    await settle();
    expect(events.filter((e) => e.name === "order:new")).toEqual([]);
    expect((await call(readAllRoute, { method: "POST", token: admin.token })).json.updated).toBeGreaterThanOrEqual(5);
  });

  it("auto-acknowledge moves new orders to 2 in eMAG and here; a second run changes nothing", async () => {
    const newOnes = await db.emagOrder.findMany({ where: { type: 3, status: 1 } });
    expect(newOnes.length).toBeGreaterThanOrEqual(5);
    const first = await autoAcknowledgeBody(inProcessStep("test-ack", 0), "test");
    expect(first.failed).toEqual([]);
    expect(first.acknowledged.sort()).toEqual(newOnes.map((o) => o.emagOrderId.toString()).sort());
    for (const o of newOnes) {
      expect(sim.state.accounts.main.orderById.get(Number(o.emagOrderId))!.wire.status).toBe(2);
      const row = await rowOf(o.emagOrderId.toString());
      expect(row.status).toBe(2);
      expect(row.acknowledgedAt).not.toBeNull();
    }
    const requests = JSON.stringify(sim.state.stats.requests);
    const second = await autoAcknowledgeBody(inProcessStep("test-ack", 0), "test");
    expect(second).toMatchObject({ candidates: 0, acknowledged: [], failed: [] });
    expect(JSON.stringify(sim.state.stats.requests)).toBe(requests); // eMAG not called again
  });
});

describe("order actions", () => {
  const pick = (where: Parameters<typeof db.emagOrder.findFirst>[0]) => db.emagOrder.findFirstOrThrow(where);

  it("illegal transitions get 409 with a message; a viewer gets 403", async () => {
    await simControl(sim, "orders", { account: "main", count: 1 });
    await syncNow({ account_type: "main" });
    const fresh = await pick({ where: { type: 3, status: 1 } });
    const r1 = await call(statusRoute, { method: "PUT", token: admin.token, params: { id: fresh.id }, body: { status: 3 } });
    expect(r1.status).toBe(409);
    expect(r1.json.error?.message).toMatch(/cannot change from 1 \(New\) to 3 \(Prepared\)/);
    const returned = await db.emagOrder.findFirst({ where: { type: 3, status: 5 } });
    if (returned) {
      const r2 = await call(statusRoute, { method: "PUT", token: admin.token, params: { id: returned.id }, body: { status: 4 } });
      expect(r2.status).toBe(409);
    }
    const r3 = await call(statusRoute, { method: "PUT", token: viewer.token, params: { id: fresh.id }, body: { status: 3 } });
    expect(r3.status).toBe(403);
    const r4 = await call(statusRoute, { method: "PUT", token: admin.token, params: { id: fresh.id }, body: { status: 9 } });
    expect(r4.status).toBe(422);
    expect(JSON.stringify(r4.json)).toContain("status");
    const r5 = await call(statusRoute, { method: "PUT", token: admin.token, params: { id: fresh.id }, body: { status: 0 } });
    expect(r5.status).toBe(422);
    expect(JSON.stringify(r5.json)).toContain("reason_cancellation");
  });

  it("acknowledge is idempotent; an allowed status change reaches eMAG", async () => {
    const fresh = await pick({ where: { type: 3, status: 1 } });
    const a1 = await call(ackRoute, { method: "POST", token: admin.token, params: { id: fresh.id } });
    expect(a1.json).toMatchObject({ changed: true, order: { status: 2 } });
    const a2 = await call(ackRoute, { method: "POST", token: admin.token, params: { id: fresh.id } });
    expect(a2.json).toMatchObject({ changed: false, order: { status: 2 } });
    const s = await call(statusRoute, { method: "PUT", token: admin.token, params: { id: fresh.id }, body: { status: 3 } });
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ changed: true, order: { status: 3, allowed_statuses: expect.arrayContaining([4, 0]) } });
    expect(sim.state.accounts.main.orderById.get(Number(fresh.emagOrderId))!.wire.status).toBe(3);
    const detail = await call(detailRoute, { token: viewer.token, params: { id: fresh.id } });
    expect((detail.json.timeline as { event: string }[]).map((t) => t.event)).toEqual(["placed", "acknowledged", "status"]);
  });

  it("an AWB on an FBE order is refused clearly; on MAIN it is booked once, however often it is asked", async () => {
    const fbe = await pick({ where: { type: 2 } });
    const refused = await call(awbRoute, { method: "POST", token: admin.token, params: { id: fbe.id }, body: { courier_account_id: "1201" } });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toMatch(/fulfilled by eMAG \(FBE\)/);

    const order = await pick({ where: { type: 3, status: 3, awbNumber: null } });
    const awbsBefore = sim.state.accounts.main.awbs.length;
    const body = { courier_account_id: "1201", parcel_number: 1, weight: 2 };
    const [a, b] = await Promise.all([
      call(awbRoute, { method: "POST", token: admin.token, params: { id: order.id }, body }),
      call(awbRoute, { method: "POST", token: admin.token, params: { id: order.id }, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual(a.status === 200 && b.status === 200 ? [200, 200] : [200, 409]);
    const again = await call(awbRoute, { method: "POST", token: admin.token, params: { id: order.id }, body });
    expect(again.json).toMatchObject({ changed: false, order: { status: 4 } });
    expect(sim.state.accounts.main.awbs.length).toBe(awbsBefore + 1);
    expect((again.json.order as { awb_number: string }).awb_number).toMatch(/^SA\d+/);
    await settle();
    expect(events.some((e) => e.name === "order:awb-generated" && e.emagOrderId === order.emagOrderId.toString())).toBe(true);
  });

  it("an invoice URL is attached once; a non-PDF URL is a 422 naming the field", async () => {
    const order = await pick({ where: { type: 3, status: 4 } });
    const bad = await call(invoiceRoute, { method: "POST", token: admin.token, params: { id: order.id }, body: { url: "https://x.ro/f.doc" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toContain("url");
    const url = `https://facturi.example.ro/${order.emagOrderId}.pdf`;
    const r1 = await call(invoiceRoute, { method: "POST", token: admin.token, params: { id: order.id }, body: { url } });
    expect(r1.json).toMatchObject({ changed: true, order: { invoice_url: url } });
    const r2 = await call(invoiceRoute, { method: "POST", token: admin.token, params: { id: order.id }, body: { url } });
    expect(r2.json).toMatchObject({ changed: false });
    const attachments = sim.state.accounts.main.orderById.get(Number(order.emagOrderId))!.wire.attachments as { url: string }[];
    expect(attachments.filter((x) => x.url === url)).toHaveLength(1);
  });

  it("an uploaded PDF is stored, served at an unguessable URL and attached on eMAG; a non-PDF is refused", async () => {
    const order = await pick({ where: { type: 2 } }); // FBE orders take attachments too
    const upload = async (bytes: string, name: string) => {
      const form = new FormData();
      form.set("file", new Blob([bytes], { type: "application/pdf" }), name);
      const req = new NextRequest("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: form });
      const res = await invoiceRoute(req, { params: Promise.resolve({ id: order.id }) });
      return { status: res.status, json: (await res.json()) as { order?: { invoice_url: string }; error?: { message: string } } };
    };
    const refused = await upload("hello", "note.txt");
    expect(refused.status).toBe(422);
    expect(refused.json.error?.message).toMatch(/file/);
    const ok = await upload("%PDF-1.4 fake invoice", "factura.pdf");
    expect(ok.status).toBe(200);
    const url = ok.json.order!.invoice_url;
    expect(url).toMatch(/\/api\/v1\/files\/invoices\/[\w-]{30,}\.pdf$/);
    const token = url.split("/").pop()!;
    const served = await fileRoute(new NextRequest(`http://localhost/${token}`), { params: Promise.resolve({ file: token }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(await served.text()).toBe("%PDF-1.4 fake invoice");
    const guessed = await fileRoute(new NextRequest("http://localhost/x"), { params: Promise.resolve({ file: `${"a".repeat(32)}.pdf` }) });
    expect(guessed.status).toBe(404);
    const attachments = sim.state.accounts.fbe.orderById.get(Number(order.emagOrderId))!.wire.attachments as { url: string }[];
    expect(attachments.map((a) => a.url)).toContain(url);
  });

  it("statistics count by status and account", async () => {
    const res = await call(statsRoute, { token: viewer.token, path: "/api/v1/emag/orders/statistics?days=200" });
    expect(res.status).toBe(200);
    const total = (res.json.by_account as { count: number }[]).reduce((s, a) => s + a.count, 0);
    expect(total).toBe(await db.emagOrder.count());
    expect((await call(statsRoute, { token: viewer.token, path: "/x?days=0" })).status).toBe(400);
  });
});

describe("eMAG new-order callback", () => {
  it("a wrong or missing token gets 401 and triggers nothing", async () => {
    const logs = await db.syncLog.count();
    const { ids } = (await simControl(sim, "orders", { account: "main", count: 1 })) as { ids: string[] };
    for (const token of ["", "wrong-token"]) {
      const res = await call(callbackRoute, { params: { account: "main" }, path: `/cb?order_id=${ids[0]}&token=${token}` });
      expect(res.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(await db.syncLog.count()).toBe(logs);
    expect(await db.emagOrder.count({ where: { emagOrderId: BigInt(ids[0]!) } })).toBe(0);
  });

  it("a callback brings the order in, with its order:new event, in well under 5 s", async () => {
    events.length = 0;
    const { ids } = (await simControl(sim, "orders", { account: "main", count: 1 })) as { ids: string[] };
    const started = Date.now();
    const token = await callbackToken("main");
    const res = await call(callbackRoute, { params: { account: "main" }, path: `/cb?order_id=${ids[0]}&token=${encodeURIComponent(token)}` });
    expect(res.status).toBe(200);
    while (!events.some((e) => e.name === "order:new" && e.emagOrderId === ids[0]) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await rowOf(ids[0]!)).status).toBe(1);
  });
});
