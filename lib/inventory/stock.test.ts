import { describe, expect, it } from "vitest";
import { autoDisabledAfter, inventoryChange, isLowStock, wantedStock } from "./stock";

describe("wantedStock", () => {
  it("is available less the item's buffer, else the account's, never below 0 nor above eMAG's ceiling", () => {
    expect(wantedStock(10, 3, 5)).toBe(7);
    expect(wantedStock(10, null, 5)).toBe(5);
    expect(wantedStock(10, 0, 5)).toBe(10);
    expect(wantedStock(2, null, 5)).toBe(0);
    expect(wantedStock(-4, null, 0)).toBe(0);
    expect(wantedStock(100_000, null, 0)).toBe(65_535);
  });
});

describe("inventoryChange", () => {
  const settings = { defaultBuffer: 2, autoToggle: true };
  it("switches the offer off at 0 when auto-toggle is on", () => {
    expect(inventoryChange({ available: 2, buffer: null, autoDisabled: false }, settings)).toEqual({ stock: 0, change: { stock: 0, status: 0 } });
    expect(inventoryChange({ available: 2, buffer: null, autoDisabled: false }, { ...settings, autoToggle: false })).toEqual({ stock: 0, change: { stock: 0 } });
  });
  it("switches it back on only when MagFlow switched it off", () => {
    expect(inventoryChange({ available: 5, buffer: null, autoDisabled: true }, settings).change).toEqual({ stock: 3, status: 1 });
    expect(inventoryChange({ available: 5, buffer: null, autoDisabled: false }, settings).change).toEqual({ stock: 3 });
  });
  it("tracks autoDisabled across pushes", () => {
    const off = { available: 0, buffer: null, autoDisabled: false };
    expect(autoDisabledAfter(off, 0, { stock: 0, status: 0 })).toBe(true);
    expect(autoDisabledAfter(off, 0, { stock: 0 })).toBe(false); // already off: the seller's choice, not ours
    expect(autoDisabledAfter({ ...off, autoDisabled: true }, 0, {})).toBe(true);
    expect(autoDisabledAfter({ ...off, autoDisabled: true }, 4, { stock: 4 })).toBe(false);
  });
});

describe("isLowStock", () => {
  it("is at or below the item's threshold, else the account's", () => {
    expect(isLowStock(20, null, 20)).toBe(true);
    expect(isLowStock(21, null, 20)).toBe(false);
    expect(isLowStock(5, 4, 20)).toBe(false);
  });
});
