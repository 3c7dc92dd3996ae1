import { describe, expect, it } from "vitest";
import { quotaKey, withResponseHeaders } from "@/lib/api/rate-limit";

describe("lib/api/rate-limit", () => {
  it("a token's budget is its own; a browser session spends the user's", () => {
    expect(quotaKey({ id: "u1", tokenId: "t1" })).toBe("token:t1");
    expect(quotaKey({ id: "u1" })).toBe("user:u1");
  });

  it("adds headers in place, or to a copy when the response's headers are immutable", async () => {
    const json = withResponseHeaders(Response.json({ ok: true }), { "RateLimit-Limit": "5" });
    expect(json.headers.get("ratelimit-limit")).toBe("5");
    const redirect = Response.redirect("http://localhost/next", 302); // immutable headers
    const copied = withResponseHeaders(redirect, { "RateLimit-Limit": "5" });
    expect(copied).not.toBe(redirect);
    expect(copied.status).toBe(302);
    expect(copied.headers.get("location")).toBe("http://localhost/next");
    expect(copied.headers.get("ratelimit-limit")).toBe("5");
  });
});
