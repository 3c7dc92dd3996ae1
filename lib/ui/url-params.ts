// Reading and writing table state in the URL: tolerant parsers (a hand-edited URL falls back to
// defaults instead of breaking the page) and a serializer that leaves defaults out.
export type ReadableParams = Pick<URLSearchParams, "get">;
type Value = string | number | boolean | null | undefined;

export function readPositiveInt(sp: ReadableParams, key: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(sp.get(key));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** A non-negative number, or undefined when absent or malformed. */
export function readNumber(sp: ReadableParams, key: string): number | undefined {
  const raw = sp.get(key);
  if (raw === null || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function readEnum<T extends string>(sp: ReadableParams, key: string, values: readonly T[]): T | undefined {
  const raw = sp.get(key);
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

export function readText(sp: ReadableParams, key: string): string | undefined {
  return sp.get(key)?.trim() || undefined;
}

/** `?a=1&b=x` from the values that differ from `defaults` (empty values are dropped). */
export function toSearch(values: Record<string, Value>, defaults: Record<string, Value> = {}): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "" || defaults[key] === value) continue;
    out.set(key, String(value));
  }
  const qs = out.toString();
  return qs ? `?${qs}` : "";
}
