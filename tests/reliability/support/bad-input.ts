// Generators of bad input for R4 (fast-check) and the check every answer must pass.
import fc from "fast-check";
import { errorCodes } from "@/lib/api/errors";
import { encodeSegment } from "./routes";

/** Values that have broken APIs before: NUL, huge numbers, impossible dates, odd unicode, injection-looking text. */
const nasty = fc.constantFrom(
  "\u0000", "a\u0000b", "%00", "999999999999", "99999999999999999999999999", "-1", "0", "-0", "1e308", "-1e308", "NaN", "Infinity",
  "0x10", "2024-13-45", "9999-99-99", "2024-02-30", "0000-00-00", "2024-1-1", "null", "undefined", "[]", "{}", "true", "' OR 1=1 --",
  "../../etc/passwd", "<script>alert(1)</script>", "💥🔥", "\uD800", "\u202Etxt", "  ", "", "main", "fbe", "both", "admin",
  "\u0000\u0000\u0000", "é".repeat(300), "%", "%zz", "\\", "\"", "a,b,,c",
);

export const badString = fc.oneof(
  { arbitrary: nasty, weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 6000 }).map((n) => "9".repeat(n)), weight: 1 },
);

/** Any JSON-able value of a wrong type for most fields. */
const wrongType = fc.oneof(
  badString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), badString), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), badString), { maxKeys: 3 }),
);

const nest = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** A body: random JSON, a route's valid example with fields broken, deep nesting, a huge string, or malformed JSON. */
export function badBody(example: Record<string, unknown> | undefined) {
  const keys = Object.keys(example ?? { name: "x" });
  const mutated = fc
    .tuple(fc.subarray(keys, { minLength: 1 }), fc.array(wrongType, { minLength: keys.length, maxLength: keys.length }), fc.option(fc.tuple(fc.string({ maxLength: 8 }), wrongType)))
    .map(([broken, values, extra]) => {
      const body: Record<string, unknown> = { ...example };
      broken.forEach((k, i) => (body[k] = values[i]));
      if (extra) body[extra[0]] = extra[1];
      return { json: body };
    });
  const huge = fc
    .tuple(fc.constantFrom("a", "é", "\u0000", "💥", "9"), fc.integer({ min: 1_000, max: 25_000 }), fc.constantFrom(...keys))
    .map(([ch, n, key]) => ({ json: { ...example, [key]: ch.repeat(n) } })); // up to 100 KB of UTF-8
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })), weight: 3 },
    { arbitrary: mutated, weight: 5 },
    { arbitrary: fc.integer({ min: 50, max: 2000 }).map((d) => ({ json: nest(d, "deep") })), weight: 1 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: fc.constantFrom("{", "{\"name\":", "[1,2", "nul", "\u0000", "{\"a\":1}}", "'x'").map((raw) => ({ raw })), weight: 1 },
  );
}

const QUERY_KEYS = [
  "page", "pageSize", "search", "brand", "account", "account_type", "status", "sort", "order", "date_from", "date_to", "days", "type",
  "payment_mode_id", "stock_min", "stock_max", "price_min", "price_max", "validation_status", "unread", "category", "role", "active",
  "timeout_minutes", "order_id", "token",
];

const enc = encodeSegment;

export const badQuery = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...QUERY_KEYS), weight: 4 }, { arbitrary: badString, weight: 1 }), badString), { maxLength: 5 }),
    fc.option(fc.constantFrom("&%", "&%zz=%E0%A4%A", "&&&", "&=", "&page", "&page=1&page=2")),
  )
  .map(([pairs, raw]) => ({ pairs, query: `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&")}${raw ?? ""}` }));

/** A path parameter: garbage, a huge number, NUL, a random UUID, or one of the real ids given. */
export const badParam = (real: string[]) =>
  fc.oneof({ arbitrary: badString.filter((s) => s.length > 0), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 }, ...(real.length ? [{ arbitrary: fc.constantFrom(...real), weight: 2 }] : []));

/** What every answer to bad input must be: no 500; a 4xx in the one error shape; a 400/422 naming its fields. */
export function violation(res: { status: number; text: string }): string | undefined {
  if (res.status === 500) return "500";
  if (res.status < 400 || res.status >= 500) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    return `${res.status} body is not JSON: ${res.text.slice(0, 80)}`;
  }
  const body = json as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (!body || typeof body !== "object" || Object.keys(body).join() !== "error" || !body.error || typeof body.error !== "object")
    return `${res.status} not in the error shape: ${res.text.slice(0, 120)}`;
  const e = body.error;
  const extra = Object.keys(e).filter((k) => !["code", "message", "details"].includes(k));
  if (typeof e.code !== "string" || !(e.code in errorCodes) || typeof e.message !== "string" || extra.length)
    return `${res.status} not in the error shape: ${res.text.slice(0, 120)}`;
  if (res.status === 400 || res.status === 422) {
    const d = e.details;
    const ok = Array.isArray(d) && d.length > 0 && d.every((i) => i && typeof i === "object" && typeof i.field === "string" && i.field !== "" && typeof i.message === "string");
    if (!ok) return `${res.status} ${e.code} without field details [{field, message}]: ${JSON.stringify(d)?.slice(0, 120)}`;
  }
  return undefined;
}

/** Field names a 400/422 gave, for checks that a known case names the right one. */
export function fieldsOf(text: string): string[] {
  try {
    const d = (JSON.parse(text) as { error?: { details?: { field?: string }[] } }).error?.details;
    return Array.isArray(d) ? d.map((i) => String(i.field)) : [];
  } catch {
    return [];
  }
}

/** A stable seed per route, so adding a route does not change the others' inputs. */
export const seedOf = (base: number, key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, base);
