import { describe, expect, it } from "vitest";
import { groupOrders, MemoryKeyStore, planResolution, resolveOrder } from "./identity";
import { compareOrders, customerIdFor, identityKeys, normalizeCui, orderRefKey } from "./keys";
import { customerMetrics } from "./metrics";
import { buyer, order } from "./test-fixtures";
import type { CustomerOrderInput } from "./types";

/** Feed orders one at a time, as the sync does (each with the customer it is stored under, if any). */
async function incremental(orders: readonly CustomerOrderInput[], store = new MemoryKeyStore()) {
  for (const o of orders) {
    const r = await resolveOrder(store, o, store.customerOf(orderRefKey(o)));
    store.assign(orderRefKey(o), r.customerId);
  }
  return store;
}

describe("identity keys", () => {
  it("normalises a CUI: RO prefix, spaces, dots and leading zeros go", () => {
    for (const raw of ["RO12345678", "ro 1234 5678", "12345678", "RO 012345678", "0012345678", "12.345.678"]) expect(normalizeCui(raw)).toBe("12345678");
    for (const raw of [null, "", "RO", "0", "1", "ABC123", "12345678901", "RO12A45"]) expect(normalizeCui(raw)).toBeNull();
  });

  it("keys a person by eMAG customer id, lowercased email hash and E.164 phones; never by name", () => {
    const keys = identityKeys(buyer({ emagCustomerId: "03900000001", emailHash: " AbC123 ", phones: ["0722 123 456", "+40722123456", "junk", null], name: "Ion Popescu" }));
    expect(keys).toEqual(["emag:3900000001", "email:abc123", "phone:+40722123456"]);
    expect(identityKeys(buyer({ name: "Ion Popescu", emagCustomerId: "0" }))).toEqual([]);
  });

  it("keys a company by its CUI only; a legal entity without a usable CUI falls back to the person keys", () => {
    expect(identityKeys(buyer({ legalEntity: true, cui: "RO 123456", emailHash: "x", phones: ["0722123456"] }))).toEqual(["cui:123456"]);
    expect(identityKeys(buyer({ legalEntity: true, cui: "n/a", emailHash: "x" }))).toEqual(["email:x"]);
    expect(identityKeys(buyer({ legalEntity: false, cui: "123456", emailHash: "x" }))).toEqual(["email:x"]);
  });

  it("gives customer ids whose string order is the order of orders", () => {
    const a = order("2025-01-01T10:00:00.000Z", { account: "main", emagOrderId: "999" });
    const b = order("2025-01-01T10:00:00.000Z", { account: "main", emagOrderId: "1000" });
    const c = order("2025-01-01T10:00:00.000Z", { account: "fbe", emagOrderId: "5000" });
    const d = order("2024-12-31T23:59:59.999Z", { account: "main", emagOrderId: "4000000000" });
    expect(customerIdFor(a)).toBe("c_20250101100000000_main_0000000999");
    const sorted = [a, b, c, d].sort(compareOrders);
    expect(sorted.map(customerIdFor)).toEqual([a, b, c, d].map(customerIdFor).sort());
    expect(sorted).toEqual([d, c, a, b]);
  });
});

describe("the identity rule on hand-made cases", () => {
  it("the same buyer on MAIN and FBE is one customer (1)", async () => {
    const main = order("2025-02-01", { account: "main", buyer: { emagCustomerId: "3900000001", emailHash: "AbC123", phones: ["0722 123 456"], name: "Ana Pop" } });
    const fbe = order("2025-03-01", { account: "fbe", buyer: { emagCustomerId: "3900000001", emailHash: "abc123", phones: ["+40722123456"], name: "Ana Pop" } });
    // Only the email hash in common (other eMAG id, no phone) is enough too.
    const fbe2 = order("2025-04-01", { account: "fbe", buyer: { emagCustomerId: "3900000777", emailHash: "ABC123", name: "A. Pop" } });
    const store = await groupOrders([fbe2, fbe, main]);
    expect(store.snapshot()).toHaveLength(1);
    expect(store.snapshot()[0]!.id).toBe(customerIdFor(main));
    expect(store.snapshot()[0]!.orders).toHaveLength(3);
  });

  it("three phone spellings of one buyer are one customer (1)", async () => {
    const orders = ["0722 123 456", "0040-722-123-456", "(0722) 123456"].map((p, i) => order(`2025-0${i + 1}-10`, { buyer: { phones: [p], name: "Mihai Ionescu" } }));
    const store = await groupOrders(orders);
    expect(store.snapshot()).toEqual([{ id: customerIdFor(orders[0]!), keys: ["phone:+40722123456"], orders: orders.map(orderRefKey).sort() }]);
  });

  it("two people with the same name are two customers (2)", async () => {
    const a = order("2025-01-10", { city: "Cluj-Napoca", buyer: { name: "Ion Popescu", emagCustomerId: "1001", emailHash: "h1", phones: ["0722111111"] } });
    const b = order("2025-01-11", { city: "Cluj-Napoca", buyer: { name: "Ion Popescu", emagCustomerId: "1002", emailHash: "h2", phones: ["0733222222"] } });
    expect((await groupOrders([a, b])).snapshot()).toHaveLength(2);
  });

  it("a company with two contacts is one customer (1); a contact's private order is another (2 in all)", async () => {
    const company = { legalEntity: true, companyName: "Acme SRL", registrationNumber: "J12/34/2020", vatPayer: true };
    const ana = order("2025-01-05", { buyer: { ...company, cui: "RO12345678", name: "Ana Pop", phones: ["0722111111"], emailHash: "ana", emagCustomerId: "11" } });
    const mihai = order("2025-02-05", { account: "fbe", buyer: { ...company, cui: "12345678", name: "Mihai Ionescu", phones: ["0733222222"], emailHash: "mihai", emagCustomerId: "22" } });
    const mihai2 = order("2025-03-05", { buyer: { ...company, cui: "RO 012345678", name: "Mihai Ionescu", phones: ["+40733222222"], emailHash: "mihai", emagCustomerId: "22" } });
    const anaPrivate = order("2025-04-05", { buyer: { name: "Ana Pop", phones: ["0722 111 111"], emailHash: "ana", emagCustomerId: "11" } });
    const store = await groupOrders([ana, mihai, mihai2, anaPrivate]);
    const snap = store.snapshot();
    expect(snap).toHaveLength(2);
    const companyRow = snap.find((c) => c.keys.includes("cui:12345678"))!;
    expect(companyRow.keys).toEqual(["cui:12345678"]);
    expect(companyRow.orders).toEqual([ana, mihai, mihai2].map(orderRefKey).sort());
    const m = customerMetrics([ana, mihai, mihai2], [], { now: new Date("2025-06-01") });
    expect(m.company).toEqual({ cui: "12345678", name: "Acme SRL", registrationNumber: "J12/34/2020", vatPayer: true });
    expect(m.name).toBe("Acme SRL");
    expect(m.contacts.map((c) => [c.name, c.phone, c.orders])).toEqual([
      ["Mihai Ionescu", "+40733222222", 2],
      ["Ana Pop", "+40722111111", 1],
    ]);
  });

  it("links through a chain and keeps the oldest order's id, whatever order the orders come in (1)", async () => {
    const a = order("2024-01-10", { buyer: { phones: ["0722111111"] } });
    const b = order("2024-06-10", { account: "fbe", buyer: { emailHash: "e" } });
    const c = order("2024-09-10", { buyer: { phones: ["0722111111"], emailHash: "E" } });
    const store = new MemoryKeyStore();
    const rc = await resolveOrder(store, c);
    expect(rc).toMatchObject({ customerId: customerIdFor(c), mergedFrom: [], created: true });
    store.assign(orderRefKey(c), rc.customerId);
    const rb = await resolveOrder(store, b);
    // b is older than c: c's customer is renamed to b's id.
    expect(rb).toMatchObject({ customerId: customerIdFor(b), mergedFrom: [customerIdFor(c)], created: true });
    store.assign(orderRefKey(b), rb.customerId);
    const ra = await resolveOrder(store, a);
    expect(ra).toMatchObject({ customerId: customerIdFor(a), mergedFrom: [customerIdFor(b)], created: true });
    store.assign(orderRefKey(a), ra.customerId);
    expect(store.snapshot()).toEqual((await groupOrders([a, b, c])).snapshot());
    expect(store.snapshot()).toEqual([{ id: customerIdFor(a), keys: ["email:e", "phone:+40722111111"], orders: [a, b, c].map(orderRefKey).sort() }]);
  });

  it("an order without any key is a customer of its own, also when synced again (2)", async () => {
    const bare = order("2025-01-01", { buyer: { name: "Ion Popescu" } });
    const other = order("2025-01-02", { buyer: { name: "Ion Popescu" } });
    const store = await incremental([bare, other, bare]);
    expect(store.snapshot().map((c) => c.orders)).toEqual([[orderRefKey(bare)], [orderRefKey(other)]]);
  });

  it("an order that gains a key on a later sync takes its old customer along (1)", async () => {
    const first = order("2025-01-01", { buyer: { name: "Ana" } });
    const later = order("2025-02-01", { buyer: { phones: ["0722111111"] } });
    const firstEdited = { ...first, buyer: buyer({ name: "Ana", phones: ["0722 111 111"] }) };
    const store = await incremental([first, later, firstEdited]);
    expect(store.snapshot()).toEqual((await groupOrders([firstEdited, later])).snapshot());
    expect(store.snapshot()).toHaveLength(1);
  });

  it("plans deterministically and refuses a link that skips a merge", () => {
    expect(planResolution("c_3", ["c_2", "c_1", "c_2"])).toEqual({ customerId: "c_1", mergedFrom: ["c_2"], created: false });
    expect(planResolution("c_0", ["c_2", "c_1"])).toEqual({ customerId: "c_0", mergedFrom: ["c_1", "c_2"], created: true });
    const store = new MemoryKeyStore();
    store.link("phone:+40722111111", "c_1");
    expect(() => store.link("phone:+40722111111", "c_2")).toThrow(/merge first/);
  });
});
