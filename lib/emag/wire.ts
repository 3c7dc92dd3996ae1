// Lenient wire primitives. eMAG sends numbers as JSON numbers or as strings ("10.0700",
// "1275") depending on route and version, and real ids exceed 2^31, so every id is carried
// as a decimal string from the moment the response text is parsed.
import { z } from "zod";

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const INTEGER = /^-?\d+$/;

/** A number sent as a number or a numeric string. */
export const num = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(NUMERIC, "expected a numeric string")
    .transform((s) => Number(s)),
]);

/** An integer sent as a number or an integer string (e.g. "13"). */
export const int = num.pipe(z.number().int());

/** Optional numbers: eMAG also sends null and, on some routes, "" for "no value". */
export const numOrNull = z
  .union([num, z.null(), z.literal("")])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));
export const intOrNull = z
  .union([int, z.null(), z.literal("")])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

/**
 * An id kept as a decimal string, whatever form it arrived in. Numbers beyond 2^53 never
 * reach here as numbers because safeJsonParse turns long integer literals into strings first.
 */
export const id = z.union([
  z.string().trim().regex(INTEGER, "expected an integer id"),
  z.number().int(),
  z.bigint(),
]).transform((v) => (typeof v === "string" ? v.replace(/^(-?)0+(?=\d)/, "$1") : BigInt(v).toString()));

export const idOrNull = z
  .union([id, z.null(), z.literal("")])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

/** eMAG flags: 0/1, "0"/"1" or booleans. */
export const flag = z
  .union([z.boolean(), int])
  .transform((v) => (typeof v === "boolean" ? (v ? 1 : 0) : v));

/** A string that may also arrive as a number (postal codes, part numbers). */
export const text = z.union([z.string(), z.number().transform(String)]);
export const textOrNull = z
  .union([text, z.null()])
  .optional()
  .transform((v) => v ?? null);

/** A list that eMAG sometimes sends as an object keyed by index or id, or as {} / [] when empty. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), z.record(z.string(), item).transform((o) => Object.values(o))])
    .optional()
    .transform((v) => (v ?? []) as z.output<T>[]);
}

/** Id form for request bodies: eMAG expects integers; unsafe ones stay strings rather than lose digits. */
export function toWireId(v: string | number | bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : String(v);
}

/** JSON.parse that keeps integer literals longer than 15 digits as strings (no precision loss). */
export function safeJsonParse(textIn: string): unknown {
  if (!/\d{16}/.test(textIn)) return JSON.parse(textIn);
  let out = "";
  let i = 0;
  let inString = false;
  while (i < textIn.length) {
    const c = textIn[i]!;
    if (inString) {
      out += c;
      if (c === "\\") out += textIn[++i] ?? "";
      else if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
      continue;
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(textIn.slice(i, i + 400));
      const token = m?.[0] ?? c;
      const isLongInt = !m?.[1] && !m?.[2] && token.replace("-", "").length > 15;
      out += isLongInt ? `"${token}"` : token;
      i += token.length;
      continue;
    }
    out += c;
    i++;
  }
  return JSON.parse(out);
}
