import { describe, expect, it } from "vitest";
import { mapStrings, pgSafeString, pgSafeValues, stripNul } from "@/lib/db/pg-safe";

const bs = "\\"; // one backslash

describe("pgSafeString", () => {
  it("drops raw NULs anywhere in text", () => {
    expect(pgSafeString("a\u0000b\u0000")).toBe("ab");
    expect(pgSafeString("\u0000")).toBe("");
    expect(pgSafeString("plain")).toBe("plain");
  });

  it("drops the JSON escape \\u0000 in JSON text, as JSON.stringify writes a NUL", () => {
    const json = JSON.stringify([{ name: "a\u0000b", lines: [{ n: "\u0000x" }] }]);
    expect(json).toContain(`${bs}u0000`);
    const clean = pgSafeString(json);
    expect(JSON.parse(clean)).toEqual([{ name: "ab", lines: [{ n: "x" }] }]);
    expect(pgSafeString(` {"k":"${bs}u0000"}`)).toBe(` {"k":""}`);
  });

  it("keeps an escaped backslash followed by u0000 (even runs), drops the escape after odd runs", () => {
    const literal = JSON.stringify({ path: `C:${bs}u0000` }); // the text C:\u0000, backslash escaped
    expect(literal).toBe(`{"path":"C:${bs}${bs}u0000"}`);
    expect(pgSafeString(literal)).toBe(literal);
    expect(JSON.parse(pgSafeString(literal))).toEqual({ path: `C:${bs}u0000` });
    // \\ then the escape \u0000: the backslash stays, the NUL goes.
    const both = JSON.stringify({ v: `${bs}\u0000` });
    expect(both).toBe(`{"v":"${bs}${bs}${bs}u0000"}`);
    expect(JSON.parse(pgSafeString(both))).toEqual({ v: bs });
    // Four backslashes then u0000: two escaped backslashes and the text u0000.
    const four = `["${bs.repeat(4)}u0000"]`;
    expect(pgSafeString(four)).toBe(four);
  });

  it("turns an unpaired surrogate escape in JSON text into \\ufffd (jsonb refuses it); keeps pairs and escaped backslashes", () => {
    const lone = JSON.stringify({ a: "x\ud800y", b: "\udfff", c: "ok \ud83d\ude00" });
    expect(lone).toBe(`{"a":"x${bs}ud800y","b":"${bs}udfff","c":"ok 😀"}`);
    expect(JSON.parse(pgSafeString(lone))).toEqual({ a: "x\ufffdy", b: "\ufffd", c: "ok 😀" });
    const pair = `["${bs}uD83D${bs}ude00"]`;
    expect(pgSafeString(pair)).toBe(pair);
    const escaped = `["${bs}${bs}ud800"]`; // the text \ud800
    expect(pgSafeString(escaped)).toBe(escaped);
    expect(pgSafeString(`["${bs}ud800${bs}u0000"]`)).toBe(`["${bs}ufffd"]`);
  });

  it("leaves \\u0000 alone in text that is not JSON (a text column stores it as typed)", () => {
    expect(pgSafeString(`see ${bs}u0000 here`)).toBe(`see ${bs}u0000 here`);
  });
});

describe("pgSafeValues", () => {
  it("cleans strings, array items and plain objects; keeps the same references when clean", () => {
    const clean = ["x", 1, null, new Date(0), Buffer.from("a\u0000b"), ["a"], { a: "b" }];
    expect(pgSafeValues(clean)).toBe(clean);
    const dirty = ["a\u0000", ["b\u0000", "c"], { "k\u0000": "v\u0000", n: { m: ["\u0000"] } }, 7];
    const out = pgSafeValues(dirty);
    expect(out).toEqual(["a", ["b", "c"], { k: "v", n: { m: [""] } }, 7]);
    expect(dirty[0]).toBe("a\u0000"); // the caller's array is not changed
    expect(pgSafeValues(undefined)).toBeUndefined();
  });

  it("replaces lone surrogates inside objects, which pg JSON.stringifies", () => {
    expect(pgSafeValues([{ a: "x\ud800", b: "😀" }])).toEqual([{ a: "x\ufffd", b: "😀" }]);
  });

  it("leaves Buffers and objects with toPostgres alone", () => {
    const buf = Buffer.from([0, 1, 0]);
    const custom = { toPostgres: () => "x", s: "\u0000" };
    const values = [buf, custom];
    expect(pgSafeValues(values)).toBe(values);
  });
});

describe("stripNul and mapStrings", () => {
  it("strip raw NULs only, deeply, in keys and values", () => {
    expect(stripNul(`a\u0000${bs}u0000`)).toBe(`a${bs}u0000`);
    expect(mapStrings({ a: ["x\u0000"], "b\u0000": { c: "\u0000d" } }, stripNul)).toEqual({ a: ["x"], b: { c: "d" } });
  });
});

describe("cost on a 200 KB JSON param (a sync page)", () => {
  const page = JSON.stringify(
    Array.from({ length: 100 }, (_, i) => ({ id: i, name: `Offer ${i} ${"descriere ".repeat(150)}`, raw: { a: "x".repeat(500), b: [1, 2, 3] } })),
  );
  const time = (fn: () => void, n = 200) => {
    for (let i = 0; i < 20; i++) fn();
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    return (performance.now() - t) / n;
  };

  it("is a fraction of a millisecond when clean, and a few ms at most when it must rewrite", () => {
    expect(page.length).toBeGreaterThan(200_000);
    const values = [page];
    const cleanMs = time(() => pgSafeValues(values));
    expect(pgSafeValues(values)).toBe(values);
    const dirty = page.replace(`"Offer 50`, `"Offer\\u0000 50`);
    const dirtyMs = time(() => pgSafeValues([dirty]));
    expect(pgSafeString(dirty)).toBe(page);
    // Measured here (2 cores): ~0.005 ms clean, ~0.2 ms dirty; the bound leaves room for a slow CI box.
    console.info(`pg-safe on ${page.length} B: clean ${cleanMs.toFixed(3)} ms, dirty ${dirtyMs.toFixed(3)} ms`);
    expect(cleanMs).toBeLessThan(1);
    expect(dirtyMs).toBeLessThan(10);
  });
});
