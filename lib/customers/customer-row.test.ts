import { describe, expect, it } from "vitest";
import { BUYER_FIELDS, buyerObject, centsText, customerRow, orderInputOf, type OrderTuple } from "./customer-row";
import { buyerFromEmagCustomer } from "./keys";
import { order } from "./test-fixtures";

const wireCustomer = {
  id: "2202050225", mkt_id: 9, name: "Ion Pop", company: "Ion Pop", email: "abc@marketplace.emag.ro", gender: "M", code: "", registration_number: "",
  bank: "", iban: "", fax: "", legal_entity: 0, is_vat_payer: 0, liable_person: "", phone_1: "0722 123 456", phone_2: "", phone_3: "",
  billing_name: "Ion Pop", billing_phone: "+40722123456", billing_city: "Cluj", shipping_phone: "0733 000 000", shipping_city: "Cluj",
};

describe("customer rows", () => {
  it("BUYER_FIELDS are exactly the fields buyerFromEmagCustomer reads", () => {
    const read = new Set<string>();
    // Without a name it falls back to billing_name, so read both ways.
    for (const c of [wireCustomer, { ...wireCustomer, name: "" }])
      buyerFromEmagCustomer(new Proxy(c, { get: (t, k) => (read.add(String(k)), t[k as keyof typeof t]) }) as never);
    expect([...read].sort()).toEqual([...BUYER_FIELDS].sort());
    // So the subset the database sends gives the same buyer as the whole raw.customer.
    const values = BUYER_FIELDS.map((f) => (wireCustomer as Record<string, unknown>)[f] ?? null);
    expect(buyerFromEmagCustomer(buyerObject(values) as never)).toEqual(buyerFromEmagCustomer(wireCustomer as never));
  });

  it("cents become exact decimal text", () => {
    expect([0, 5, 100, 123_456, -123_456, -5].map(centsText)).toEqual(["0.00", "0.05", "1.00", "1234.56", "-1234.56", "-0.05"]);
  });

  it("an order tuple becomes the metric input", () => {
    const t: OrderTuple = ["fbe", "3700000001", Date.parse("2025-03-01T10:00:00.123Z"), 0, 4, "199.9000", null, 1, "Iasi", true, null, "20.5000", BUYER_FIELDS.map(() => null)];
    expect(orderInputOf(t)).toMatchObject({ account: "fbe", emagOrderId: "3700000001", createdAt: new Date("2025-03-01T10:00:00.123Z"), total: 199.9, refundedAmount: 20.5, paymentModeId: 1, shipped: true });
  });

  it("a company's row is named after it, with its CUI and contacts; a person's phone is the latest one used", () => {
    const co = { legalEntity: true, cui: "RO123456", companyName: "Acme SRL" };
    const rows = customerRow("c_1", [order("2025-01-01", { buyer: { ...co, name: "Ana", phones: ["0722000001"] }, total: 3000 }), order("2025-02-01", { buyer: { ...co, name: "Dan", phones: ["0722000002"] }, total: 2500 })], [], new Date("2025-03-01T00:00:00Z"));
    expect(rows).toMatchObject({ kind: "company", name: "Acme SRL", company_cui: "123456", net_spend: "5500.00", tier: "gold", orders_total: 2, canonical_id: "c_1" });
    expect(rows.contacts.map((c) => c.name)).toEqual(["Dan", "Ana"]);
    const person = customerRow("c_2", [order("2025-01-01", { buyer: { phones: ["0722 000 001"], emailHash: "A" } }), order("2025-02-01", { buyer: { phones: ["0733 000 002"], emailHash: "b" } })], [], new Date("2025-03-01T00:00:00Z"), "c_0");
    expect(person).toMatchObject({ kind: "person", phone: "+40733000002", email_hash: "b", phones: ["+40722000001", "+40733000002"], canonical_id: "c_0", purchases: 2 });
  });
});
