// Per-account settings through the real jobs and actions: the auto-acknowledge job honours each
// account's switch (the env flag is the default), and AWBs use the account's sender and pickup
// address. MAIN talks to the simulator through a recording proxy set as its stored base URL, so
// the test sees exactly what was sent to "eMAG".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/v1/emag/accounts/[account]/route";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { SIM_CREDENTIALS } from "@/lib/emag/test-support";
import { resetEnvForTests } from "@/lib/env";
import { inProcessStep } from "@/lib/jobs/in-process-step";
import { acknowledgeOrder, generateAwb } from "@/lib/orders/actions";
import { awbRequestSchema } from "@/lib/orders/schemas";
import { autoAcknowledgeBody } from "@/lib/orders/jobs";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { call, userWithToken } from "../helpers/api";
import { startSim, useAccountsEnvironment } from "./support";

useAccountsEnvironment();
let sim: EmagSimulator;
let proxy: http.Server;
const sent: { path: string; body: string }[] = [];
let admin: { token: string; user: { id: string } };

/** Forwards everything to the simulator and remembers each request body. */
function startProxy(target: string): Promise<string> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      sent.push({ path: req.url ?? "", body });
      const upstream = await fetch(`${target}${req.url?.replace(/^\/api-3/, "")}`, {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? "", "content-type": req.headers["content-type"] ?? "application/json" },
        body: req.method === "GET" ? undefined : body,
      });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  return new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api-3`)));
}

const patch = (account: "main" | "fbe", body: unknown) => call(patchRoute, { method: "PATCH", token: admin.token, params: { account }, body });

beforeAll(async () => {
  sim = await startSim({ products: { main: 3, fbe: 3 }, orders: { main: 40, fbe: 10 } });
  const viaProxy = await startProxy(sim.url);
  admin = await userWithToken("admin");
  expect((await patch("main", { ...SIM_CREDENTIALS.main, base_url: viaProxy })).status).toBe(200);
  expect((await patch("fbe", { ...SIM_CREDENTIALS.fbe, base_url: sim.url })).status).toBe(200);
  await startOrdersSync({ account_type: "both", mode: "backfill" }, { triggeredBy: "api" });
  await waitForOrderSyncs();
});
afterAll(async () => {
  resetEnvForTests({ ORDERS_AUTO_ACKNOWLEDGE: undefined });
  await new Promise((r) => proxy?.close(r));
  await sim?.close();
});

const newMainOrders = () => db.emagOrder.count({ where: { account: "main", type: 3, status: 1 } });

describe("per-account settings in the jobs and actions", () => {
  it("auto-acknowledge: off on the account wins over the env default; on wins over an env default of off", async () => {
    expect(await newMainOrders()).toBeGreaterThan(0);
    resetEnvForTests({ ORDERS_AUTO_ACKNOWLEDGE: "1" });
    await patch("main", { auto_acknowledge: false });
    const off = await autoAcknowledgeBody(inProcessStep("settings-ack-off", 0), "test");
    expect(off).toMatchObject({ candidates: 0, acknowledged: [] });
    expect(sent.some((r) => r.path.includes("order/acknowledge"))).toBe(false);

    resetEnvForTests({ ORDERS_AUTO_ACKNOWLEDGE: "0" });
    await patch("main", { auto_acknowledge: null });
    expect(await autoAcknowledgeBody(inProcessStep("settings-ack-default", 0), "test")).toMatchObject({ disabled: true });

    const pending = await newMainOrders();
    await patch("main", { auto_acknowledge: true });
    const on = await autoAcknowledgeBody(inProcessStep("settings-ack-on", 0), "test");
    expect(on.acknowledged.length).toBe(pending);
    expect(await newMainOrders()).toBe(0);
    expect(sent.filter((r) => r.path.includes("order/acknowledge")).length).toBe(pending);
  });

  it("an AWB carries the account's sender name and phone and ships from its pickup address", async () => {
    const order = await db.emagOrder.findFirstOrThrow({ where: { account: "main", type: 3, status: { in: [1, 2, 3] }, awbNumber: null }, orderBy: { status: "desc" } });
    if (order.status === 1) await acknowledgeOrder(order.id, { label: "test" });
    await patch("main", { awb_sender_name: "Depozit Nord SRL", awb_sender_phone: "0744111222", awb_pickup_address_id: "4410023" });
    await generateAwb(order.id, awbRequestSchema.parse({ courier_account_id: "1201" }), { userId: admin.user.id, label: "test" });
    const awb = sent.filter((r) => r.path.endsWith("awb/save")).at(-1);
    expect(awb).toBeDefined();
    const sender = (JSON.parse(awb!.body) as { data: { sender: Record<string, string> }[] }).data[0]!.sender;
    expect(sender).toMatchObject({ name: "Depozit Nord SRL", contact: "Depozit Nord SRL", phone1: "0744111222", address_id: "4410023" });
  });
});
