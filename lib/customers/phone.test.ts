import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    "0722 123 456",
    "+40722123456",
    "0040722123456",
    "0722-123-456",
    "40722123456",
    "(0722) 123456",
    "0722.123.456",
    "+40 722 123 456",
    "+40 (0)722 123 456",
    "0040 0722 123 456",
    "722123456",
    "  0722123456  ",
  ])("reads the Romanian spelling %j as +40722123456", (raw) => {
    expect(normalizePhone(raw)).toBe("+40722123456");
  });

  it("keeps Romanian landlines", () => {
    expect(normalizePhone("021 312 3456")).toBe("+40213123456");
    expect(normalizePhone("0264-123456")).toBe("+40264123456");
  });

  it.each([
    ["+359 88 123 4567", "+359881234567"],
    ["00359881234567", "+359881234567"],
    ["+36 30 123 4567", "+36301234567"],
    ["0036-30-123-4567", "+36301234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+373 69 123 456", "+37369123456"],
  ])("reads the foreign number %j with its prefix", (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each([
    [null, "nothing"],
    [undefined, "nothing"],
    ["", "empty"],
    ["   ", "blank"],
    ["0722 12", "too short"],
    ["072212345", "9 digits starting with 0"],
    ["07221234567", "11 national digits"],
    ["+4072212345", "+40 with 8 digits"],
    ["+407221234567", "+40 with 10 digits"],
    ["0722abc456", "letters"],
    ["tel 0722123456", "letters"],
    ["0000000000", "all zeros"],
    ["+40000000000", "all zeros after +40"],
    ["00000000000000", "all zeros after 00"],
    ["0700 000 000", "a placeholder"],
    ["0777777777", "one repeated digit"],
    ["0822 123 456", "not a Romanian landline or mobile"],
    ["36301234567", "a foreign number without + or 00"],
    ["+0722123456", "+ then a trunk 0"],
    ["07+22123456", "+ in the middle"],
    ["0722123456, 0733123456", "two numbers"],
    ["+12345678901234567", "longer than E.164"],
    ["+36 00000000", "a foreign placeholder"],
  ])("rejects %j (%s)", (raw, _why) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
