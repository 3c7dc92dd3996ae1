import { describe, expect, it } from "vitest";
import { rmaSchema } from "@/lib/emag/schemas/rma";
import { mapReturn, refundValueOf } from "./map";

const wire = {
  emag_id: "3243000123",
  id: null,
  order_id: "3115230225", // rma/read sends it as a string
  type: 3,
  is_full_fbe: "0",
  customer_name: "  Mihai Cernescu ",
  request_status: "6",
  return_type: 3,
  return_reason: 36,
  date: "2026-08-13 06:55:26",
  products: [
    { id: 5000000, product_emag_id: 115000819, product_id: "919", quantity: 1, product_name: "Cana", return_reason: 36, refund_value: "10.0700" },
    { id: "5000001", product_emag_id: null, product_id: 920, quantity: "2", product_name: "", refund_value: "0.1050" },
    { id: 5000002, product_id: 921, quantity: 1, product_name: "Farfurie", refund_value: "0.1050" },
  ],
  awbs: [],
  pickup_city: "Bacău",
};

describe("mapping an eMAG return to its row", () => {
  const rma = rmaSchema.parse(wire);
  const row = mapReturn("fbe", rma);

  it("keeps ids as decimal strings (above 2^31 and given as strings or numbers)", () => {
    expect(row).toMatchObject({ account: "fbe", emag_rma_id: "3243000123", emag_order_id: "3115230225" });
    expect(row.products.map((p) => p.id)).toEqual(["5000000", "5000001", "5000002"]);
    expect(row.products[0]).toMatchObject({ product_id: "919", product_emag_id: "115000819", name: "Cana", quantity: 1, reason: 36 });
  });

  it("takes status, type, reason and flags as numbers; a line without a reason inherits the return's", () => {
    expect(row).toMatchObject({ request_status: 6, return_type: 3, return_reason: 36, is_full_fbe: false, customer_name: "Mihai Cernescu" });
    expect(row.products[1]).toMatchObject({ name: null, quantity: 2, reason: 36 });
    expect(mapReturn("fbe", rmaSchema.parse({ ...wire, is_full_fbe: 1 })).is_full_fbe).toBe(true);
  });

  it("refund value = the lines' refund values summed exactly, to 2 decimals", () => {
    // 10.07 + 0.105 + 0.105 = 10.28 (floating point would give 10.280000000000001)
    expect(row.refund_value).toBe("10.28");
    expect(refundValueOf([])).toBe("0.00");
    expect(refundValueOf([{ refund_value: 0.005 }])).toBe("0.01");
    expect(refundValueOf([{ refund_value: null }, { refund_value: 1234.5 }])).toBe("1234.50");
  });

  it("passes eMAG's Bucharest timestamp through for Postgres to convert, and keeps the raw item", () => {
    expect(row.emag_date).toBe("2026-08-13 06:55:26");
    expect(mapReturn("fbe", rmaSchema.parse({ ...wire, date: "" })).emag_date).toBeNull();
    expect(row.raw).toMatchObject({ pickup_city: "Bacău" });
  });

  it("the content hash changes with what eMAG sent, and only with that", () => {
    expect(mapReturn("fbe", rmaSchema.parse(wire)).content_hash).toBe(row.content_hash);
    expect(mapReturn("fbe", rmaSchema.parse({ ...wire, request_status: 7 })).content_hash).not.toBe(row.content_hash);
    expect(mapReturn("fbe", rmaSchema.parse({ ...wire, pickup_city: "Iași" })).content_hash).not.toBe(row.content_hash);
  });

  it("an RMA without an order id or products maps to an unlinked, zero-value row", () => {
    const bare = mapReturn("main", rmaSchema.parse({ emag_id: 7, request_status: 2 }));
    expect(bare).toMatchObject({ emag_rma_id: "7", emag_order_id: null, products: [], refund_value: "0.00", return_type: null, emag_date: null });
  });
});
