import { describe, expect, it } from "vitest";
import { countSchema, envelopeSchema, messagesOf, parseEnvelope } from "./envelope";
import { offerSaveResultsSchema, productOfferSchema } from "./schemas/offers";
import { orderSchema } from "./schemas/orders";
import { handlingTimeSchema, vatSchema } from "./schemas/reference";
import { id, int, listOf, num, numOrNull, safeJsonParse, toWireId } from "./wire";

describe("lenient numbers", () => {
  it("accepts numbers and numeric strings", () => {
    expect(num.parse(10.07)).toBe(10.07);
    expect(num.parse("10.0700")).toBe(10.07);
    expect(num.parse(" 0.1900 ")).toBe(0.19);
    expect(int.parse("1275")).toBe(1275);
    expect(num.parse("-3")).toBe(-3);
  });
  it("rejects non-numeric strings and non-integers where an int is required", () => {
    expect(num.safeParse("abc").success).toBe(false);
    expect(num.safeParse("").success).toBe(false);
    expect(int.safeParse("12.5").success).toBe(false);
  });
  it("maps empty and missing optional numbers to null", () => {
    expect(numOrNull.parse("")).toBeNull();
    expect(numOrNull.parse(undefined)).toBeNull();
    expect(numOrNull.parse(null)).toBeNull();
    expect(numOrNull.parse("14.9900")).toBe(14.99);
  });
});

describe("ids", () => {
  it("keeps every id as a decimal string", () => {
    expect(id.parse(3115229985)).toBe("3115229985");
    expect(id.parse("3115229985")).toBe("3115229985");
    expect(id.parse(12345678901234567890n)).toBe("12345678901234567890");
    expect(id.parse("007")).toBe("7");
    expect(id.safeParse("12a").success).toBe(false);
  });
  it("safeJsonParse keeps integers beyond 2^53 exact, leaves strings and decimals alone", () => {
    const text = '{"id":12345678901234567890,"note":"12345678901234567890","price":1.5,"n":-98765432109876543210,"e":1e3}';
    const v = safeJsonParse(text) as Record<string, unknown>;
    expect(v.id).toBe("12345678901234567890");
    expect(v.note).toBe("12345678901234567890");
    expect(v.n).toBe("-98765432109876543210");
    expect(v.price).toBe(1.5);
    expect(v.e).toBe(1000);
    expect(id.parse(v.id)).toBe("12345678901234567890");
    expect(safeJsonParse('{"s":"a\\"b","x":3115229985}')).toEqual({ s: 'a"b', x: 3115229985 });
  });
  it("toWireId sends safe integers as numbers and unsafe ones as strings", () => {
    expect(toWireId("3115229985")).toBe(3115229985);
    expect(toWireId(12n)).toBe(12);
    expect(toWireId("12345678901234567890")).toBe("12345678901234567890");
  });
});

describe("envelope", () => {
  it("accepts string messages, object messages and optional errors", () => {
    const a = envelopeSchema.parse({ isError: false, messages: [], results: [] });
    expect(a).toMatchObject({ isError: false, messages: [], errors: [] });
    const b = envelopeSchema.parse({ isError: true, messages: [{ message: "Invalid stock", field: "stock" }, { code: 12, message: "x" }, "plain"], results: {}, errors: ["e1"] });
    expect(b.isError).toBe(true);
    expect(b.messages).toEqual(["stock: Invalid stock", "x", "plain"]);
    expect(b.errors).toEqual(["e1"]);
  });
  it("accepts isError as string or 0/1 and messages as a bare string", () => {
    expect(envelopeSchema.parse({ isError: "true", messages: "boom" })).toMatchObject({ isError: true, messages: ["boom"] });
    expect(envelopeSchema.parse({ isError: 0 }).isError).toBe(false);
  });
  it("is not fooled by non-envelopes", () => {
    expect(parseEnvelope({ message: "API rate limit exceeded" })).toBeUndefined();
    expect(messagesOf({ message: "API rate limit exceeded" })).toEqual(["API rate limit exceeded"]);
    expect(messagesOf({ message: "Validation errors in your request", errors: [{ message: "in campaign", field: "stock" }] })).toEqual([
      "Validation errors in your request",
      "stock: in campaign",
    ]);
    expect(messagesOf("<html>")).toEqual([]);
  });
  it("parses counts sent as strings, as numbers, or wrapped in a list", () => {
    expect(countSchema.parse({ noOfItems: "1275", noOfPages: "13", itemsPerPage: "100" })).toEqual({ noOfItems: 1275, noOfPages: 13, itemsPerPage: 100 });
    expect(countSchema.parse([{ noOfItems: 250 }])).toEqual({ noOfItems: 250, noOfPages: 3, itemsPerPage: 100 });
  });
  it("reads results given as an object keyed by id as a list", () => {
    expect(listOf(int).parse({ a: "1", b: 2 })).toEqual([1, 2]);
    expect(listOf(int).parse(undefined)).toEqual([]);
  });
});

describe("resource schemas", () => {
  it("parses an offer with string decimals, unknown extra fields and object/list variants", () => {
    const o = productOfferSchema.parse({
      id: "398",
      offer_details: { id: 105419640 },
      sale_price: "10.0700",
      min_sale_price: "",
      status: "1",
      stock: [{ warehouse_id: "1", value: "12" }],
      ean: "5941234567890",
      validation_status: { value: 9, description: "ok" },
      offer_validation_status: [{ value: "1", description: "Valid" }],
      something_new: { x: 1 },
    });
    expect(o).toMatchObject({ id: "398", sale_price: 10.07, min_sale_price: null, status: 1, stock: [{ warehouse_id: 1, value: 12 }], ean: ["5941234567890"] });
    expect(o.offer_details?.id).toBe("105419640");
    expect(o.validation_status[0]?.value).toBe(9);
    expect(o.offer_validation_status?.value).toBe(1);
    expect((o as Record<string, unknown>).something_new).toEqual({ x: 1 });
  });
  it("parses an order with big ids, string prices, details [] and reason_cancellation variants", () => {
    const base = { id: 3115229985, type: 3, status: "1", products: [{ id: "87000001", product_id: "398", sale_price: "10.0700", vat: "0.1900", quantity: "2" }], details: [], customer: { id: 3200000001, billing_locality_id: 8801 } };
    const o = orderSchema.parse({ ...base, reason_cancellation: { id: 2, name: "Anulata de client" } });
    expect(o.id).toBe("3115229985");
    expect(o.products[0]).toMatchObject({ id: "87000001", product_id: "398", sale_price: 10.07, vat: 0.19, quantity: 2, status: 1 });
    expect(o.details).toEqual({});
    expect(o.customer?.id).toBe("3200000001");
    expect(o.customer?.billing_locality_id).toBe("8801");
    expect(orderSchema.parse({ ...base, reason_cancellation: 24 }).reason_cancellation).toEqual({ id: 24, name: null });
    expect(orderSchema.parse(base).reason_cancellation).toBeNull();
  });
  it("normalises vat rates and handling-time variants", () => {
    expect(vatSchema.parse({ vat_id: "9", vat_rate: "21" })).toMatchObject({ vat_id: 9, vat_rate: 0.21, is_default: 0 });
    expect(vatSchema.parse({ vat_id: 9, vat_rate: 0.21, is_default: true })).toMatchObject({ vat_rate: 0.21, is_default: 1 });
    expect(handlingTimeSchema.parse({ id: 3 })).toEqual({ value: 3 });
    expect(handlingTimeSchema.parse({ value: "2" })).toEqual({ value: 2 });
  });
  it("reads offer/save per-item results", () => {
    const r = offerSaveResultsSchema.parse({ "1235122": { isError: false, messages: ["Offer 1235122 updated successfully"] }, "9": { isError: true, messages: ["Offer not found"] } });
    expect(r).toEqual([
      { id: "9", ok: false, messages: ["Offer not found"] },
      { id: "1235122", ok: true, messages: ["Offer 1235122 updated successfully"] },
    ]);
  });
});
