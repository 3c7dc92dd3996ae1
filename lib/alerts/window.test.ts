import { describe, expect, it } from "vitest";
import { deliverAfter, windowEnd, windowStart } from "./window";

describe("alert windows", () => {
  it("are fixed slots aligned to the epoch: every moment of a slot maps to its start", () => {
    expect(windowStart(new Date("2026-12-01T14:00:00.000Z"), 30).toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(windowStart(new Date("2026-12-01T14:29:59.999Z"), 30).toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(windowStart(new Date("2026-12-01T14:30:00.000Z"), 30).toISOString()).toBe("2026-12-01T14:30:00.000Z");
    expect(windowEnd(new Date("2026-12-01T14:10:00.000Z"), 30).toISOString()).toBe("2026-12-01T14:30:00.000Z");
  });

  it("of six hours start at 00, 06, 12 and 18 UTC", () => {
    expect(windowStart(new Date("2026-12-01T17:59:00.000Z"), 360).toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(windowStart(new Date("2026-12-01T18:00:00.000Z"), 360).toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });

  it("never have zero length", () => {
    expect(windowStart(new Date("2026-12-01T14:00:30.500Z"), 0).toISOString()).toBe("2026-12-01T14:00:00.000Z");
  });

  it("deliver after the gather delay", () => {
    expect(deliverAfter(new Date("2026-12-01T14:00:00.000Z"), 10).toISOString()).toBe("2026-12-01T14:00:10.000Z");
    expect(deliverAfter(new Date("2026-12-01T14:00:00.000Z"), 0).toISOString()).toBe("2026-12-01T14:00:00.000Z");
  });
});
