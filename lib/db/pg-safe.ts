// PostgreSQL text cannot hold U+0000: a text parameter with a NUL fails with 22021, and the JSON
// escape \u0000 inside a jsonb parameter fails with 22P05. Likewise a lone UTF-16 surrogate, which
// JSON.stringify writes as an escape (\ud800) that jsonb refuses (22P02). One such value from eMAG
// (or a user) would fail the whole statement it travels in, on every retry, so every parameter is
// cleaned on its way to the server: PgSafeClient (every node-postgres pool in lib/db/pools.ts is
// built with it, Prisma's included) runs pgSafeValues over each query's values.
import pg from "pg";

const NUL = "\u0000";
/** `\u0000` preceded by an even run of backslashes (0, 2, ...): the escape itself, not an escaped backslash. */
const JSON_NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;
/** JSON text params (jsonb_to_recordset input, Prisma Json values) start with { or [. */
const looksLikeJson = (s: string) => /^\s*[[{]/.test(s);

/** A surrogate escape: a high one with or without its low one, or a low one alone (same backslash rule). */
const JSON_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?|(?<!\\)((?:\\\\)*)\\u[dD][c-fC-F][0-9a-fA-F]{2}/g;
const fixSurrogateEscape = (m: string, pre: string | undefined, high: string | undefined, low: string | undefined, preLow: string | undefined) =>
  high === undefined ? `${preLow}\\ufffd` : low === undefined ? `${pre}\\ufffd` : m;

/**
 * Removes raw NULs; in JSON text also the \u0000 escape (but not `\\u0000`, an escaped backslash
 * then "u0000") and turns an unpaired surrogate escape into \ufffd (the replacement character).
 */
export function pgSafeString(s: string): string {
  // includes() first: a clean 200 KB param costs a few scans, no regex and no copy.
  if (s.includes(NUL)) s = s.replaceAll(NUL, "");
  if (s.includes("\\u") && looksLikeJson(s)) {
    if (s.includes("\\u0000")) s = s.replace(JSON_NUL_ESCAPE, "$1");
    if (s.includes("\\ud") || s.includes("\\uD")) s = s.replace(JSON_SURROGATE_ESCAPE, fixSurrogateEscape);
  }
  return s;
}

/** Removes raw NULs only: for values that are not SQL text yet (parsed user input). */
export const stripNul = (s: string) => (s.includes(NUL) ? s.replaceAll(NUL, "") : s);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A string inside an object pg will JSON.stringify: no NUL, no lone surrogate (stringify would escape both). */
const jsonSafe = (s: string) => stripNul(s).replace(LONE_SURROGATE, "\ufffd");

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Applies `clean` to every string in v (array items, plain-object keys and values, deeply).
 * Copy-on-write: a value with nothing to clean comes back as the same reference. Dates, Buffers and
 * objects with toPostgres are left alone (pg serialises them itself, without user text).
 */
export function mapStrings(v: unknown, clean: (s: string) => string): unknown {
  if (typeof v === "string") return clean(v);
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = mapStrings(v[i], clean);
      if (c !== v[i]) (out ??= v.slice())[i] = c;
    }
    return out ?? v;
  }
  if (!isPlainObject(v) || "toPostgres" in v) return v;
  let out: Record<string, unknown> | undefined;
  for (const [k, val] of Object.entries(v)) {
    const ck = clean(k);
    const cv = mapStrings(val, clean);
    if (ck === k && cv === val) continue;
    if (!out) out = { ...v };
    if (ck !== k) delete out[k];
    out[ck] = cv;
  }
  return out ?? v;
}

/**
 * One query value as PostgreSQL can store it. Strings and array items (text[], jsonb[]) are SQL text;
 * a plain object is sent as JSON.stringify(object), which escapes backslashes itself, so inside it
 * only raw NULs and lone surrogates matter.
 */
function pgSafeValue(v: unknown): unknown {
  if (typeof v === "string") return pgSafeString(v);
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = pgSafeValue(v[i]);
      if (c !== v[i]) (out ??= v.slice())[i] = c;
    }
    return out ?? v;
  }
  return mapStrings(v, jsonSafe);
}

/** The query values PostgreSQL can store; the same array when nothing needed cleaning. */
export const pgSafeValues = <T extends unknown[] | undefined>(values: T): T => pgSafeValue(values) as T;

type QueryArgs = [unknown, ...unknown[]];

/**
 * A pg.Client whose query() cleans its values, whichever form the call takes: (text, values),
 * ({ text, values, ... }), ({ ... }, values) as Prisma's adapter calls it, or a Submittable.
 */
export class PgSafeClient extends pg.Client {
  // The overloads of Client.query are all served by one implementation with the same arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const a = args as QueryArgs;
    if (Array.isArray(a[1])) a[1] = pgSafeValues(a[1]);
    const config = a[0] as { values?: unknown; submit?: unknown } | null;
    if (config && typeof config === "object" && Array.isArray(config.values)) {
      const values = pgSafeValues(config.values);
      if (values !== config.values) {
        // A Submittable (pg.Query, cursors) reads its own values when submitted; a plain config is the caller's object, so copy it.
        if (typeof config.submit === "function") config.values = values;
        else a[0] = { ...config, values };
      }
    }
    return (super.query as (...q: unknown[]) => unknown)(...a);
  }
}
