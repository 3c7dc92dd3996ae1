// Contract tests: orders, shipping, returns and authentication against the in-process simulator.
// Budgets are raised 10x on both sides (FAST_LIMITS); limiter.test.ts covers eMAG's real budget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmagClient } from "./client";
import { EmagApiError } from "./errors";
import type { EmagSimulator } from "./simulator";
import { FAST_LIMITS, rawCall, simClient, simControl, startTestSimulator } from "./test-support";

let sim: EmagSimulator;
let main: EmagClient;
let fbe: EmagClient;

beforeAll(async () => {
  sim = await startTestSimulator({ products: { main: 60, fbe: 40 }, orders: { main: 400, fbe: 150 }, limits: FAST_LIMITS });
  main = simClient(sim, "main", { limiter: { budgets: FAST_LIMITS } });
  fbe = simClient(sim, "fbe", { limiter: { budgets: FAST_LIMITS } });
});
afterAll(async () => {
  await Promise.all([main.close(), fbe.close()]);
  await sim.close();
});

const newOrderId = async (account: "main" | "fbe" = "main") =>
  (await simControl<{ ids: string[] }>(sim, "orders", { account, count: 1 })).ids[0]!;

describe("order read/count", () => {
  it("keeps ids above 2^31 unchanged end to end", async () => {
    const raw = await rawCall(sim, "main", "order/read", { itemsPerPage: 1 });
    const rawId = /"id":(\d+)/.exec(raw.text)![1]!;
    expect(Number(rawId)).toBeGreaterThan(2 ** 31);
    const [order] = await main.order.read({ itemsPerPage: 1 });
    expect(order?.id).toBe(rawId);
    const [again] = await main.order.read({ id: order!.id });
    expect(again?.id).toBe(rawId);
    expect(typeof again?.customer?.id).toBe("string");
    expect(Number(again!.customer!.id)).toBeGreaterThan(2 ** 31);
  });

  it("counts and pages all orders; string prices become numbers", async () => {
    expect(await main.order.count()).toEqual({ noOfItems: 400, noOfPages: 4, itemsPerPage: 100 });
    const all = await main.readAll(main.order.read, {});
    expect(all).toHaveLength(400);
    expect(new Set(all.map((o) => o.id)).size).toBe(400);
    const line = all[0]!.products[0]!;
    expect(typeof line.sale_price).toBe("number");
    expect(line.vat).toBeGreaterThan(0);
  });

  it("filters by status and date window, and rejects windows over a month", async () => {
    const finalized = await main.order.read({ status: 4, itemsPerPage: 100 });
    expect(finalized.every((o) => o.status === 4)).toBe(true);
    const last = finalized[finalized.length - 1]!.created!;
    const windowed = await main.order.read({ createdAfter: last, createdBefore: last });
    expect(windowed.map((o) => o.created)).toContain(last);
    await expect(main.order.read({ createdAfter: "2024-01-01 00:00:00", createdBefore: "2024-03-01 00:00:00" })).rejects.toMatchObject({ code: "api_error" });
  });

  it("FBE reads default to type 2 and keep their own id space", async () => {
    const count = await fbe.order.count();
    expect(count.noOfItems).toBe(150);
    const [o] = await fbe.order.read({ itemsPerPage: 1 });
    expect(o?.type).toBe(2);
    expect(Number(o!.id)).toBeGreaterThan(3_700_000_000);
  });
});

describe("order workflow", () => {
  it("acknowledge moves a new order to 2 and it reads back as 2", async () => {
    const id = await newOrderId();
    expect((await main.order.read({ id }))[0]?.status).toBe(1);
    await main.order.acknowledge(id);
    expect((await main.order.read({ id }))[0]?.status).toBe(2);
  });

  it("order/save applies allowed transitions and rejects others", async () => {
    const id = await newOrderId();
    await expect(main.order.save([{ id, status: 3 }])).rejects.toMatchObject({ code: "api_error" });
    await main.order.acknowledge(id);
    const [order] = await main.order.read({ id });
    await main.order.save([{ ...order!, status: 3 }]);
    expect((await main.order.read({ id }))[0]?.status).toBe(3);
    await expect(main.order.save([{ ...order!, status: 1 }])).rejects.toBeInstanceOf(EmagApiError);
  });

  it("awb/save finalizes the order and the AWB can be read back", async () => {
    const id = await newOrderId();
    await main.order.acknowledge(id);
    const [courier] = await main.courierAccounts.read();
    const [pickup] = await main.addresses.read();
    const party = { name: "MagFlow SRL", contact: "Depozit", phone1: "0722123456", locality_id: 6301, street: "Str. Industriilor nr. 10" };
    const [res] = await main.awb.save({ order_id: id, sender: { ...party, address_id: pickup!.address_id }, receiver: { ...party, name: "Client Test" }, is_oversize: 0, envelope_number: 0, parcel_number: 1, cod: 0, courier_account_id: courier!.account_id });
    expect(res?.awb[0]?.awb_number).toBeTruthy();
    expect((await main.order.read({ id }))[0]?.status).toBe(4);
    const [awb] = await main.awb.read({ reservation_id: res!.reservation_id! });
    expect(awb).toMatchObject({ order_id: id, reservation_id: res!.reservation_id });
  });

  it("order/attachments/save attaches an invoice", async () => {
    const id = await newOrderId();
    await main.orderAttachments.save([{ order_id: id, order_type: 3, name: "Factura MF-1", url: "https://example.ro/f/mf-1.pdf", type: 1 }]);
    const [order] = await main.order.read({ id });
    expect(order?.attachments.map((a) => a.url)).toContain("https://example.ro/f/mf-1.pdf");
  });

  it("applies FBE restrictions: no acknowledge, no order/save, no AWB; attachments allowed", async () => {
    const id = await newOrderId("fbe");
    await expect(fbe.order.acknowledge(id)).rejects.toMatchObject({ code: "api_error" });
    const [order] = await fbe.order.read({ id });
    await expect(fbe.order.save([{ ...order!, status: 3 }])).rejects.toMatchObject({ code: "api_error" });
    await fbe.orderAttachments.save([{ order_id: id, order_type: 2, name: "Factura FBE", url: "https://example.ro/fbe.pdf" }]);
  });

  it("reads returns and counts them", async () => {
    const rmas = await main.rma.read();
    const count = await main.rma.count();
    expect(rmas.length).toBe(count.noOfItems);
    if (rmas[0]) expect(typeof rmas[0].order_id).toBe("string");
  });
});

describe("authentication", () => {
  it("bad credentials surface eMAG's message, never the password", async () => {
    const bad = simClient(sim, "main", { password: "wrong-secret-pw", limiter: { budgets: FAST_LIMITS } });
    const err = (await bad.vat.read().catch((e: unknown) => e)) as EmagApiError;
    expect(err).toBeInstanceOf(EmagApiError);
    expect(err).toMatchObject({ code: "auth", status: 403, retryable: false });
    expect(err.message).toContain("You are not allowed to use this API.");
    const dump = `${err.message} ${JSON.stringify(err)} ${String(err.stack)}`;
    expect(dump).not.toContain("wrong-secret-pw");
    expect(dump).not.toContain(Buffer.from("demo-main:wrong-secret-pw").toString("base64"));
    expect(JSON.stringify(bad.info)).not.toContain("wrong-secret-pw");
    await bad.close();
  });

  it("a missing Authorization header is a 401", async () => {
    const res = await fetch(`${sim.url}/vat/read`, { method: "POST" });
    expect(res.status).toBe(401);
  });
});
