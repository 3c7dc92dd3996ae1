import { describe, expect, it } from "vitest";
import { allowedNextStatuses, orderTransitionError } from "./order-rules";

const H = 3_600_000;

describe("eMAG order status rules (contract §6.2)", () => {
  it("allows only the table's moves, naming both statuses otherwise", () => {
    expect(orderTransitionError("1", 3, 2, 3)).toBeUndefined();
    expect(orderTransitionError("1", 3, 3, 4)).toBeUndefined();
    expect(orderTransitionError("1", 3, 1, 3)).toMatch(/cannot change from 1 \(New\) to 3 \(Prepared\)/);
    for (const to of [0, 1, 2, 3, 4]) expect(orderTransitionError("1", 3, 5, to)).toMatch(/cannot change from 5 \(Returned\)/);
    expect(orderTransitionError("1", 3, 1, 2)).toMatch(/acknowledge/);
  });

  it("applies the 48 h and return-window limits when the time in status is known", () => {
    expect(orderTransitionError("7", 3, 4, 0, 47 * H)).toBeUndefined();
    expect(orderTransitionError("7", 3, 4, 0, 49 * H)).toMatch(/within 48 hours/);
    expect(orderTransitionError("7", 3, 4, 5, 30 * 24 * H)).toBeUndefined();
    expect(orderTransitionError("7", 3, 4, 5, 36 * 24 * H)).toMatch(/within 840 hours/);
  });

  it("refuses every change of an FBE (type 2) order", () => {
    expect(orderTransitionError("9", 2, 2, 3)).toMatch(/fulfilled by eMAG/);
    expect(allowedNextStatuses(2, 2)).toEqual([]);
  });

  it("lists the statuses an order can move to", () => {
    expect(allowedNextStatuses(3, 2).sort()).toEqual([0, 3, 4]);
    expect(allowedNextStatuses(3, 4, 72 * H).sort()).toEqual([5]);
    expect(allowedNextStatuses(3, 1)).toEqual([]);
    expect(allowedNextStatuses(3, 5)).toEqual([]);
  });
});
