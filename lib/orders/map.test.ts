import { describe, expect, it } from "vitest";
import { orderSchema } from "@/lib/emag/schemas/orders";
import { mapOrder, orderTotal } from "./map";
import { windowsFor, WINDOW_MS } from "./sync";

const wire = {
  id: "3115229985",
  type: "3",
  status: "1",
  created: "2026-11-20 10:15:00",
  modified: "2026-11-20 10:15:00",
  payment_mode: "RAMBURS",
  payment_mode_id: "1",
  delivery_mode: "pickup",
  details: { locker_id: "EBX1234", locker_name: "easybox Cluj" },
  shipping_tax: "15.9900",
  customer: { id: 3_900_000_001, name: "Ana Pop", phone_1: "0722123456", email: "a@x.ro", shipping_city: "Cluj", shipping_locality_id: "8801", legal_entity: 0, company: "Ana Pop" },
  products: [
    { id: "87000001", product_id: 101, name: "Cana", part_number: "PN1", part_number_key: "D1", sale_price: "100.0000", vat: "0.2100", quantity: "2", status: "1", currency: "RON" },
    { id: "87000002", product_id: "102", name: "Farfurie", sale_price: "10.0000", vat: "0.2100", quantity: 1, status: 0 },
  ],
  vouchers: [{ voucher_id: 5, sale_price: "-10", sale_price_vat: "-12.1000" }],
  attachments: [{ name: "Factura", url: "https://f.ro/1.pdf", type: 1 }],
  reason_cancellation: [],
};

describe("mapping an eMAG order to its row", () => {
  const order = orderSchema.parse(wire);
  const row = mapOrder("main", order);

  it("keeps ids above 2^31 as exact decimal strings", () => {
    expect(row.emag_order_id).toBe("3115229985");
    expect(row.customer_emag_id).toBe("3900000001");
    expect(row.lines.map((l) => l.line_id)).toEqual(["87000001", "87000002"]);
    expect(row.lines.map((l) => l.product_id)).toEqual(["101", "102"]);
  });

  it("totals active lines with VAT, shipping and vouchers", () => {
    expect(orderTotal(order)).toBe(245.89); // 200 × 1.21 + 15.99 shipping − 12.10 voucher
    expect(row.line_count).toBe(1);
  });

  it("reads locker, invoice, customer and cancellation fields", () => {
    expect(row).toMatchObject({ locker_id: "EBX1234", locker_name: "easybox Cluj", invoice_url: "https://f.ro/1.pdf", customer_name: "Ana Pop", customer_phone: "0722123456", customer_company: null, cancellation_reason: null, status: 1, type: 3 });
  });

  it("hashes content: the same order maps to the same hash, a change to another", () => {
    expect(mapOrder("main", orderSchema.parse(wire)).content_hash).toBe(row.content_hash);
    expect(mapOrder("main", orderSchema.parse({ ...wire, status: 2 })).content_hash).not.toBe(row.content_hash);
  });
});

describe("sync windows", () => {
  it("cover the range in windows of at most 30 days, newest first", () => {
    const to = Date.UTC(2026, 10, 22);
    const w = windowsFor("created", to - 180 * 86_400_000, to);
    expect(w).toHaveLength(6);
    expect(w[0]!.before).toBe(to);
    expect(w.at(-1)!.after).toBe(to - 180 * 86_400_000);
    for (const x of w) expect(x.before - x.after).toBeLessThanOrEqual(WINDOW_MS);
    for (let i = 1; i < w.length; i++) expect(w[i]!.before).toBe(w[i - 1]!.after);
    expect(windowsFor("modified", to - 60_000, to)).toEqual([{ field: "modified", after: to - 60_000, before: to }]);
  });
});
