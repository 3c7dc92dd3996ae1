import { describe, expect, it } from "vitest";
import { productOfferSchema } from "@/lib/emag/schemas/offers";
import { contentHash, offerColumnsSql, pagePayload } from "@/lib/sync/offer-row";

const wire = (over: Record<string, unknown> = {}) =>
  productOfferSchema.parse({
    id: 398,
    part_number_key: "D5DD9BBBM",
    part_number: "ABC-1",
    name: "Laptop X",
    ean: ["5941234567890"],
    images: [{ url: "https://img/1.jpg", display_type: 1 }],
    sale_price: "10.07001",
    status: 1,
    stock: [{ warehouse_id: 1, value: 4 }],
    modified: "2026-03-29 03:30:00",
    ...over,
  });

describe("page payload", () => {
  it("hashes the whole item: any change on eMAG's side is a change, the same item is not", () => {
    expect(contentHash(wire())).toBe(contentHash(wire()));
    expect(contentHash(wire({ name: "Laptop Y" }))).not.toBe(contentHash(wire()));
    expect(contentHash(wire({ images: [] }))).not.toBe(contentHash(wire()));
  });

  it("keeps one item per offer id within a page (the last copy), hashes aligned with items", () => {
    const p = pagePayload([wire(), wire({ name: "later copy" }), wire({ id: 399 })]);
    const items = JSON.parse(p.json) as { id: string; name: string }[];
    expect(items.map((o) => [o.id, o.name])).toEqual([["398", "later copy"], ["399", "Laptop X"]]);
    expect(p.ids).toEqual(["398", "399"]);
    expect(p.hashes).toEqual([contentHash(wire({ name: "later copy" })), contentHash(wire({ id: 399 }))]);
  });

  it("maps every column from the item held in a jsonb expression", () => {
    const sql = offerColumnsSql("r.doc");
    for (const col of ["emag_offer_id", "sale_price", "stock", "validation_status", "images", "eans", "emag_modified_at"]) expect(sql).toContain(` AS ${col}`);
    expect(sql).toContain("Europe/Bucharest");
  });
});
