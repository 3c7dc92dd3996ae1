import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as detailRoute } from "@/app/api/v1/emag/orders/[id]/route";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import type { WireRma } from "@/lib/emag/simulator/data/rmas";
import { emagTimestamp } from "@/lib/emag/time";
import { FAST_LIMITS, simClient } from "@/lib/emag/test-support";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { registerIo, type IoServer } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";
import { planReturns, RETURNS_OPEN_LOOKBACK_MS } from "@/lib/returns/sync";
import type { OrderReturnJson } from "@/lib/returns/types";
import { call, userWithToken } from "../helpers/api";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";

useIsolatedDatabase();

const KINDS = ["main", "fbe"] as const;
type Kind = (typeof KINDS)[number];
type ReturnsTally = { created: number; updated: number; unchanged: number; pages: number; requests: number; completed: boolean };

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
let server: http.Server;
let io: IoServer;
let socket: Socket;
let viewer: { token: string };
const events: { name: string; emagRmaId: string; requestStatus: number; previousStatus?: number; orderId: string | null }[] = [];

beforeAll(async () => {
  sim = await startFastSimulator({ orders: { main: 3000, fbe: 3000 } }); // the simulator's default history
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
  viewer = await userWithToken("viewer");
  server = http.createServer();
  io = attachRealtime(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  socket = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false, auth: { token: viewer.token } });
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  expect(await socket.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true });
  for (const name of ["return:new", "return:updated"] as const)
    socket.on(name, (p: (typeof events)[number]) => events.push({ name, emagRmaId: p.emagRmaId, requestStatus: p.requestStatus, previousStatus: p.previousStatus, orderId: p.orderId }));
}, 120_000);

afterAll(async () => {
  await waitForOrderSyncs();
  socket?.close();
  registerIo(undefined);
  await new Promise<void>((r) => io.close(() => r()));
  await stopClients();
  await sim.close();
});

const syncNow = async (account_type: Kind | "both" = "both") => {
  const started = await startOrdersSync({ account_type }, { triggeredBy: "api" });
  await waitForOrderSyncs();
  return db.syncLog.findUniqueOrThrow({ where: { id: started.sync_id } });
};
const returnsOf = (log: { progress: unknown }) => (log.progress as { returns: Record<Kind, ReturnsTally> }).returns;
const settle = () => new Promise((r) => setTimeout(r, 150)); // socket frames in flight
const simRmas = (kind: Kind) => sim.state.accounts[kind].rmas;
const stored = (kind: Kind) =>
  db.$queryRaw<{ id: string }[]>`SELECT emag_rma_id::text AS id FROM emag_returns WHERE account = ${kind}::"AccountKind"`;

describe("returns sync (default simulator: 3,000 orders per account)", () => {
  it("a first sync stores every return once, silently, each linked to its order and that order's customer", async () => {
    const t0 = performance.now();
    const log = await syncNow();
    const ms = Math.round(performance.now() - t0);
    expect(log.status).toBe("completed");
    await settle();
    expect(events).toEqual([]); // history: no alerts

    const stats = (await (await fetch(`${sim.controlUrl}/stats`)).json()) as { accounts: Record<Kind, { rmas: number }> };
    const counted = Object.fromEntries(
      await Promise.all(KINDS.map(async (k) => {
        const client = simClient(sim, k, { limiter: { budgets: FAST_LIMITS } });
        try {
          return [k, (await client.rma.count({})).noOfItems] as const;
        } finally {
          await client.close();
        }
      })),
    ) as Record<Kind, number>;
    for (const k of KINDS) {
      const rmas = stats.accounts[k].rmas;
      expect(rmas).toBeGreaterThan(50);
      expect(counted[k]).toBe(rmas);
      const ids = (await stored(k)).map((r) => r.id);
      expect(ids.length).toBe(rmas);
      expect(ids.sort()).toEqual(simRmas(k).map((r) => String(r.emag_id)).sort());
      expect(returnsOf(log)[k]).toMatchObject({ created: rmas, updated: 0, completed: true });
    }
    console.log(`returns: main ${counted.main}, fbe ${counted.fbe}; first sync (orders + returns, both accounts) ${ms} ms`);

    const links = await db.$queryRaw<{ n: number; unlinked: number; wrong_order: number; wrong_customer: number; with_customer: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE r.order_id IS NULL)::int AS unlinked,
        count(*) FILTER (WHERE o.id IS DISTINCT FROM r.order_id)::int AS wrong_order,
        count(*) FILTER (WHERE r.customer_id IS DISTINCT FROM o.customer_id)::int AS wrong_customer,
        count(*) FILTER (WHERE r.customer_id IS NOT NULL)::int AS with_customer
      FROM emag_returns r LEFT JOIN emag_orders o ON o.account = r.account AND o.emag_order_id = r.emag_order_id`;
    expect(links[0]).toMatchObject({ unlinked: 0, wrong_order: 0, wrong_customer: 0 });
    console.log(`returns with a customer: ${links[0]!.with_customer} of ${links[0]!.n}`);

    // Values: refund = the lines' sum, the Bucharest date stored as an instant.
    const sample = simRmas("main")[0]!;
    const row = await db.emagReturn.findFirstOrThrow({ where: { account: "main", emagRmaId: BigInt(sample.emag_id) } });
    const lines = sample.products as { refund_value: string }[];
    expect(Number(row.refundValue)).toBeCloseTo(lines.reduce((s, p) => s + Number(p.refund_value), 0), 2);
    expect(emagTimestamp(row.emagDate!.getTime())).toBe(sample.date);
    expect(row).toMatchObject({ requestStatus: sample.request_status, returnType: sample.return_type, emagOrderId: BigInt(sample.order_id) });
  }, 180_000);

  it("a second sync writes nothing: every return it reads is unchanged", async () => {
    const before = await db.$queryRaw<{ at: Date }[]>`SELECT max(last_synced_at) AS at FROM emag_returns`;
    const log = await syncNow();
    expect(log.status).toBe("completed");
    for (const k of KINDS) {
      const r = returnsOf(log)[k];
      expect(r).toMatchObject({ created: 0, updated: 0, completed: true });
      expect(r.unchanged).toBeGreaterThan(0);
    }
    const after = await db.$queryRaw<{ at: Date }[]>`SELECT max(last_synced_at) AS at FROM emag_returns`;
    expect(after[0]!.at).toEqual(before[0]!.at);
    await settle();
    expect(events).toEqual([]);
  }, 60_000);

  it("a status change on eMAG raises exactly one return:updated; a new return exactly one return:new", async () => {
    // The oldest still-open return: an incremental read must reach back to it (rma/read filters by request date).
    const floor = emagTimestamp(Date.now() - RETURNS_OPEN_LOOKBACK_MS + 86_400_000);
    const open = simRmas("main").filter((r) => (r.request_status === 2 || r.request_status === 3) && r.date > floor).sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;
    const plan = await planReturns("main", { mode: "incremental" });
    expect(plan.silent).toBe(false);
    expect(plan.dateStart! <= open.date).toBe(true); // reaches back to it, not only to the last sync
    expect(await planReturns("main", { mode: "backfill" })).toEqual({ silent: true }); // the whole history
    const from = open.request_status;
    open.request_status = from === 2 ? 3 : 6;
    const template = simRmas("main").find((r) => r !== open)!;
    const fresh: WireRma = { ...template, emag_id: 1_999_000, request_status: 2, date: emagTimestamp(Date.now()) };
    simRmas("main").push(fresh);

    const log = await syncNow("main");
    expect(returnsOf(log).main).toMatchObject({ created: 1, updated: 1, completed: true });
    await settle();
    const order = await db.emagOrder.findFirstOrThrow({ where: { account: "main", emagOrderId: BigInt(open.order_id) } });
    expect(events).toHaveLength(2);
    expect(events).toEqual(expect.arrayContaining([
      { name: "return:updated", emagRmaId: String(open.emag_id), requestStatus: open.request_status, previousStatus: from, orderId: order.id },
      { name: "return:new", emagRmaId: "1999000", requestStatus: 2, previousStatus: undefined, orderId: expect.any(String) },
    ]));

    // Re-syncing raises nothing more.
    events.length = 0;
    await syncNow("main");
    await settle();
    expect(events).toEqual([]);
  }, 60_000);

  it("the order detail lists the order's returns with labels; an order without returns has none", async () => {
    const rma = simRmas("fbe").find((r) => r.request_status === 7 && r.return_type === 3)!;
    const order = await db.emagOrder.findFirstOrThrow({ where: { account: "fbe", emagOrderId: BigInt(rma.order_id) } });
    const res = await call(detailRoute, { token: viewer.token, params: { id: order.id } });
    expect(res.status).toBe(200);
    const returns = res.json.returns as OrderReturnJson[];
    const mine = returns.find((r) => r.emag_rma_id === String(rma.emag_id))!;
    expect(mine).toMatchObject({
      return_type: 3,
      return_type_label: "Refund",
      request_status: 7,
      request_status_label: "Finalized",
      return_reason: rma.return_reason,
    });
    expect(Object.keys(mine).sort()).toEqual(
      ["id", "emag_rma_id", "return_type", "return_type_label", "return_reason", "request_status", "request_status_label", "products", "refund_value", "emag_date"].sort(),
    );
    expect(typeof mine.refund_value).toBe("number");
    expect(mine.products[0]).toMatchObject({ name: (rma.products as { product_name: string }[])[0]!.product_name });
    expect(returns.length).toBe(simRmas("fbe").filter((r) => r.order_id === rma.order_id).length);

    const withReturns = new Set(simRmas("main").map((r) => r.order_id));
    const plain = sim.state.accounts.main.orders.find((o) => !withReturns.has(String(o.wire.id)))!;
    const plainRow = await db.emagOrder.findFirstOrThrow({ where: { account: "main", emagOrderId: BigInt(plain.wire.id) } });
    const none = await call(detailRoute, { token: viewer.token, params: { id: plainRow.id } });
    expect(none.json.returns).toEqual([]);
  });
});
