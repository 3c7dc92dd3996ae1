import { describe, expect, it } from "vitest";
import { redactUrl } from "@/lib/http/redact";

describe("redactUrl", () => {
  it("hides callback tokens and invoice file tokens, keeps the rest", () => {
    expect(redactUrl("/api/v1/emag/callbacks/main/order?order_id=5&token=s3cret")).toBe("/api/v1/emag/callbacks/main/order?order_id=5&token=[redacted]");
    expect(redactUrl("/api/v1/files/invoices/AbCdEf_123.pdf?x=1")).toBe("/api/v1/files/invoices/[redacted]?x=1");
    expect(redactUrl("/api/v1/emag/orders?page=2")).toBe("/api/v1/emag/orders?page=2");
  });
});
