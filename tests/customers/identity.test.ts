// The identity cases of lib/customers/README.md end to end: hand-made buyers placed on orders in the
// simulator, read by the real order sync (pages, upkeep in the page transaction, RFM at the end),
// each case ending in the documented number of customers; then a rebuild gives the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmagAccounts } from "@/lib/accounts/ensure";
import { customerClock, rebuildCustomers } from "@/lib/customers/upkeep";
import { db } from "@/lib/db";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { emagTimestamp } from "@/lib/emag/time";
import { startOrdersSync, waitForOrderSyncs } from "@/lib/orders/service";
import { startFastSimulator, useFastSyncClients, useIsolatedDatabase } from "../sync/support";
import { customerSnapshot } from "./snapshot";

useIsolatedDatabase();

let sim: EmagSimulator;
let stopClients: () => Promise<void>;
const clock = customerClock.now;

beforeAll(async () => {
  const frozen = new Date();
  customerClock.now = () => frozen; // rows written at different moments compare equal
  sim = await startFastSimulator({ orders: { main: 0, fbe: 0 }, products: { main: 30, fbe: 30 } });
  stopClients = useFastSyncClients(sim);
  await ensureEmagAccounts();
});
afterAll(async () => {
  customerClock.now = clock;
  await waitForOrderSyncs();
  await stopClients();
  await sim.close();
});

type Account = "main" | "fbe";
interface Who {
  id?: number;
  email?: string;
  phone?: string;
  name: string;
  city?: string;
  cui?: string;
  company?: string;
}
interface Placed {
  account: Account;
  id: string;
}

/** One order in the simulator placed by `who` (every identity field of the wire customer replaced). */
function place(account: Account, who: Who, opts: { hoursAgo?: number } = {}): Placed {
  const [id] = sim.injectOrders(account, 1);
  const order = sim.state.accounts[account].orderById.get(Number(id))!;
  const company = who.cui ? (who.company ?? "Firma SRL") : null;
  Object.assign(order.wire.customer as Record<string, unknown>, {
    id: who.id ?? 0,
    mkt_id: who.id ?? 0,
    name: who.name,
    email: who.email ?? "",
    phone_1: who.phone ?? "",
    phone_2: "",
    phone_3: "",
    billing_phone: who.phone ?? "",
    shipping_phone: who.phone ?? "",
    shipping_contact: who.name,
    shipping_city: who.city ?? "Cluj-Napoca",
    billing_city: who.city ?? "Cluj-Napoca",
    legal_entity: company ? 1 : 0,
    code: who.cui ?? "",
    company: company ?? who.name,
    billing_name: company ?? who.name,
    registration_number: company ? "J12/345/2020" : "",
    is_vat_payer: company ? 1 : 0,
  });
  if (opts.hoursAgo) {
    // Placed earlier but seen only now (a late page): created in the past, modified now.
    const created = emagTimestamp(Date.now() - opts.hoursAgo * 3_600_000);
    Object.assign(order.wire, { created, date: created });
  }
  return { account, id: id! };
}

const sync = async () => {
  await startOrdersSync({ account_type: "both" }, { triggeredBy: "api" });
  await waitForOrderSyncs();
};

async function customersOf(orders: Placed[]) {
  const rows = await db.emagOrder.findMany({
    where: { OR: orders.map((o) => ({ account: o.account, emagOrderId: BigInt(o.id) })) },
    select: { customerId: true },
  });
  expect(rows).toHaveLength(orders.length);
  expect(rows.every((r) => r.customerId)).toBe(true);
  const ids = [...new Set(rows.map((r) => r.customerId!))].sort();
  return db.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}

const cases: Record<string, Placed[]> = {};

describe("identity through the order sync", () => {
  it("places every case's orders (first sync reads the history)", async () => {
    cases.sameBuyerBothAccounts = [
      place("main", { id: 510_001, email: "hash-ana", phone: "0722 111 222", name: "Ana Pop" }, { hoursAgo: 1 }),
      place("fbe", { id: 510_001, email: "hash-ana", phone: "+40722111222", name: "Ana Pop" }),
    ];
    cases.onlyEmailInCommon = [
      place("main", { id: 510_002, email: "hash-dan", phone: "0733 111 222", name: "Dan Ilie" }),
      place("fbe", { email: "HASH-DAN ", phone: "0744 999 111", name: "Dan Ilie" }),
    ];
    cases.threeSpellings = [
      place("main", { id: 510_003, email: "hash-m1", phone: "0722 123 456", name: "Maria Ionescu" }),
      place("main", { id: 510_004, email: "hash-m2", phone: "0040-722-123-456", name: "Maria Ionescu" }),
      place("fbe", { id: 510_005, email: "hash-m3", phone: "(0722) 123456", name: "M. Ionescu" }),
    ];
    cases.namesakes = [
      place("main", { id: 510_006, email: "hash-ion1", phone: "0745 000 001", name: "Ion Popescu", city: "Cluj-Napoca" }),
      place("main", { id: 510_007, email: "hash-ion2", phone: "0745 000 002", name: "Ion Popescu", city: "Cluj-Napoca" }),
    ];
    cases.company = [
      place("main", { id: 510_008, email: "hash-c1", phone: "0751 000 001", name: "Radu Contact", cui: "RO12345678", company: "Acme Distributie SRL" }),
      place("main", { id: 510_009, email: "hash-c2", phone: "0751 000 002", name: "Elena Achizitii", cui: "12345678", company: "Acme Distributie SRL" }),
      place("fbe", { id: 510_008, email: "hash-c1", phone: "0751 000 001", name: "Radu Contact", cui: "RO 012345678", company: "ACME DISTRIBUTIE SRL" }),
    ];
    cases.contactPrivately = [place("main", { id: 510_008, email: "hash-c1", phone: "0751 000 001", name: "Radu Contact" })];
    cases.noKeys = [place("main", { name: "Fara Date" }), place("main", { name: "Fara Date" })];
    await sync();
  });

  it("the same buyer on MAIN and FBE is one customer (also with only the email hash in common)", async () => {
    const [ana] = await customersOf(cases.sameBuyerBothAccounts!);
    expect(await customersOf(cases.sameBuyerBothAccounts!)).toHaveLength(1);
    expect(ana).toMatchObject({ ordersTotal: 2, accounts: { main: 1, fbe: 1 }, phones: ["+40722111222"], emailHash: "hash-ana" });
    const dan = await customersOf(cases.onlyEmailInCommon!);
    expect(dan).toHaveLength(1);
    expect(dan[0]!.phones).toEqual(["+40733111222", "+40744999111"]);
    // The id is the oldest order's (here MAIN's): c_<UTC ms>_<account>_<order id, 10 digits>.
    expect(ana!.id).toMatch(/^c_\d{17}_main_\d{10}$/);
    expect(ana!.id.endsWith(cases.sameBuyerBothAccounts![0]!.id.padStart(10, "0"))).toBe(true);
  });

  it("three spellings of one phone are one customer", async () => {
    const maria = await customersOf(cases.threeSpellings!);
    expect(maria).toHaveLength(1);
    expect(maria[0]).toMatchObject({ ordersTotal: 3, phones: ["+40722123456"], phone: "+40722123456", accounts: { main: 2, fbe: 1 } });
  });

  it("two people with the same name are two customers", async () => {
    expect(await customersOf(cases.namesakes!)).toHaveLength(2);
    expect(await customersOf(cases.noKeys!)).toHaveLength(2); // no key at all: a customer each
  });

  it("a company ordering through two contacts is one customer; a contact buying privately is another", async () => {
    const [acme] = await customersOf(cases.company!);
    expect(await customersOf(cases.company!)).toHaveLength(1);
    expect(acme).toMatchObject({ kind: "company", companyCui: "12345678", ordersTotal: 3, accounts: { main: 2, fbe: 1 } });
    const contacts = acme!.contacts as { name: string; orders: number }[];
    expect(contacts.map((c) => c.name).sort()).toEqual(["Elena Achizitii", "Radu Contact"]);
    expect(contacts.find((c) => c.name === "Radu Contact")!.orders).toBe(2);
    const both = await customersOf([...cases.company!, ...cases.contactPrivately!]);
    expect(both).toHaveLength(2);
    expect(both.find((c) => c.id !== acme!.id)).toMatchObject({ kind: "person", name: "Radu Contact", ordersTotal: 1, companyCui: null });
  });

  it("A (phone P), B (email E), C (P + E) arriving newest first end as one customer with A's id", async () => {
    const c = place("main", { id: 520_003, email: "hash-chain", phone: "0766 000 333", name: "Chain" });
    await sync();
    const b = place("fbe", { id: 520_002, email: "hash-chain", name: "Chain" }, { hoursAgo: 1 });
    await sync();
    const a = place("main", { id: 520_001, phone: "0766 000 333", name: "Chain" }, { hoursAgo: 2 });
    await sync();
    const [chain] = await customersOf([a, b, c]);
    expect(await customersOf([a, b, c])).toHaveLength(1);
    expect(chain!.id.endsWith(`_main_${a.id.padStart(10, "0")}`)).toBe(true);
    expect(chain).toMatchObject({ ordersTotal: 3 });
    // The keys follow the rename; no customer is left behind.
    const keys = await db.customerKey.findMany({ where: { key: { in: ["emag:520001", "emag:520002", "emag:520003", "email:hash-chain", "phone:+40766000333"] } } });
    expect(new Set(keys.map((k) => k.customerId))).toEqual(new Set([chain!.id]));
    expect(await db.customer.count({ where: { ordersTotal: 0 } })).toBe(0);
  });

  it("an order connecting two customers merges them under the oldest order's id", async () => {
    const x = place("main", { id: 521_001, phone: "0767 000 111", name: "Merge" }, { hoursAgo: 3 });
    const y = [place("fbe", { id: 521_002, email: "hash-merge", name: "Merge" }, { hoursAgo: 2 }), place("fbe", { id: 521_002, email: "hash-merge", name: "Merge" }, { hoursAgo: 1 })];
    await sync();
    expect(await customersOf([x, ...y])).toHaveLength(2);
    // The page keeps the bigger customer (y's, 2 orders) and moves x's rows into it; the sync's end renames it to x's id.
    const z = place("main", { id: 521_003, phone: "0767 000 111", email: "hash-merge", name: "Merge" });
    await sync();
    const [merged] = await customersOf([x, ...y, z]);
    expect(await customersOf([x, ...y, z])).toHaveLength(1);
    expect(merged).toMatchObject({ ordersTotal: 4, accounts: { main: 2, fbe: 2 }, canonicalId: merged!.id });
    expect(merged!.id.endsWith(`_main_${x.id.padStart(10, "0")}`)).toBe(true);
  });

  it("an order's keys are only ever added: an edited phone still links the old one", async () => {
    const first = place("main", { id: 530_001, email: "hash-edit", phone: "0770 000 111", name: "Edit" });
    await sync();
    const wire = sim.state.accounts.main.orderById.get(Number(first.id))!.wire;
    Object.assign(wire.customer as Record<string, unknown>, { phone_1: "0770 000 222", billing_phone: "0770 000 222", email: "hash-edit-2", id: 530_002 });
    wire.modified = emagTimestamp(Date.now());
    await sync();
    const later = place("fbe", { id: 530_009, email: "hash-other", phone: "0770 000 111", name: "Edit" });
    await sync();
    const row = await db.emagOrder.findFirstOrThrow({ where: { account: "main", emagOrderId: BigInt(first.id) } });
    expect(row.identityKeys).toEqual(["emag:530001", "emag:530002", "email:hash-edit", "email:hash-edit-2", "phone:+40770000111", "phone:+40770000222"]);
    expect(await customersOf([first, later])).toHaveLength(1);
  });

  it("returns stored before their order are linked to it and counted", async () => {
    const o = place("main", { id: 540_001, email: "hash-ret", phone: "0771 000 111", name: "Ret" });
    await db.$executeRaw`INSERT INTO emag_returns (account, emag_rma_id, emag_order_id, request_status, return_type, refund_value, raw, content_hash)
      VALUES ('main', 99000001, ${BigInt(o.id)}, 7, 3, 10.00, '{}'::jsonb, 'h')`;
    await sync();
    const [ret] = await customersOf([o]);
    const rma = await db.emagReturn.findFirstOrThrow({ where: { emagRmaId: 99000001n } });
    expect(rma.customerId).toBe(ret!.id);
    expect(rma.orderId).not.toBeNull();
    expect(ret!.ordersReturned).toBe(1);
  });

  it("RFM is set at the end of each sync for every customer with a purchase", async () => {
    const rows = await db.customer.findMany({ select: { purchases: true, rfmR: true, rfmSegment: true } });
    for (const r of rows) expect(r.rfmR === null).toBe(r.purchases === 0);
    expect(rows.filter((r) => r.rfmSegment).length).toBeGreaterThan(5);
  });

  it("a rebuild from nothing gives the same rows as the sync kept", async () => {
    const kept = await customerSnapshot();
    await db.$executeRaw`DELETE FROM customers`;
    const rebuilt = await rebuildCustomers();
    expect(rebuilt).toMatchObject({ customers: kept.customers.length, orders: kept.orders.length });
    expect(await customerSnapshot()).toEqual(kept);
  });
});
