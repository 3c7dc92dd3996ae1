import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-ip";

const req = (xff: string | undefined, peer = "10.0.0.5") =>
  ({ headers: xff === undefined ? {} : { "x-forwarded-for": xff }, socket: { remoteAddress: peer } }) as never;

describe("clientAddress", () => {
  it("uses the TCP peer unless proxies are trusted", () => {
    expect(clientAddress(req("1.2.3.4"), 0)).toBe("10.0.0.5");
    expect(clientAddress(req(undefined), 1)).toBe("10.0.0.5");
  });
  it("takes the entry the trusted hops appended, never a client-sent prefix", () => {
    expect(clientAddress(req("6.6.6.6, 1.2.3.4"), 1)).toBe("1.2.3.4");
    expect(clientAddress(req("6.6.6.6, 1.2.3.4, 172.16.0.2"), 2)).toBe("1.2.3.4");
    expect(clientAddress(req("1.2.3.4"), 3)).toBe("1.2.3.4");
  });
});
