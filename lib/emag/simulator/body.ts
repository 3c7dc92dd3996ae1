// Request bodies in every form eMAG accepts (contract §2.2): JSON object or array, form-encoded
// with bracket keys (data[0][id]=1), `data` as object or list, top-level keys merged with `data`.

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

/** Objects whose keys are 0..n-1 (from form brackets) become arrays. */
function arrayify(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(arrayify);
  if (!isObj(v)) return v;
  const keys = Object.keys(v);
  const out: Obj = {};
  for (const k of keys) out[k] = arrayify(v[k]);
  if (keys.length && keys.every((k, i) => k === String(i))) return keys.map((k) => out[k]);
  return out;
}

export function parseForm(raw: string): Obj {
  const root: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: Obj = root;
    parts.forEach((part, i) => {
      const k = part === "" ? String(Object.keys(node).length) : part; // "a[]" appends
      if (i === parts.length - 1) node[k] = value;
      else node = (isObj(node[k]) ? node[k] : (node[k] = {})) as Obj;
    });
  }
  return arrayify(root) as Obj;
}

export class BodyError extends Error {}

export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw.trim()) return {};
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? "")) return parseForm(raw);
  try {
    return JSON.parse(raw);
  } catch {
    // Untyped bodies that are not JSON are tried as form data, as PHP would.
    if (!/json/i.test(contentType ?? "") && raw.includes("=")) return parseForm(raw);
    throw new BodyError("Invalid JSON body");
  }
}

/** Read/count filters: top-level keys merged with `data` keys (data wins). */
export function filtersOf(body: unknown): Obj {
  if (Array.isArray(body)) return isObj(body[0]) ? body[0] : {};
  if (!isObj(body)) return {};
  const { data, ...rest } = body;
  return { ...rest, ...(isObj(data) ? data : Array.isArray(data) && isObj(data[0]) ? data[0] : {}) };
}

/** Save entities: a bare list, {data: list}, {data: object} or one bare object. */
export function entitiesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isObj(body)) return [];
  if (Array.isArray(body.data)) return body.data;
  if (isObj(body.data)) return [body.data];
  return Object.keys(body).length ? [body] : [];
}

/** Flattened leaf count, the "input vars" PHP limits to 4,000 per request. */
export function countInputVars(v: unknown): number {
  if (Array.isArray(v)) return v.reduce<number>((s, x) => s + countInputVars(x), 0);
  if (isObj(v)) return Object.values(v).reduce<number>((s, x) => s + countInputVars(x), 0);
  return 1;
}

// Filter values arrive as numbers, numeric strings (form bodies) or lists.
export const fInt = (v: unknown): number | undefined => {
  if (v === undefined || v === null || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
};
export const fIntList = (v: unknown): number[] | undefined => {
  if (v === undefined || v === null || v === "") return undefined;
  const list = Array.isArray(v) ? v : String(v).split(",");
  const nums = list.map((x) => Number(x)).filter((n) => Number.isFinite(n));
  return nums.length ? nums : undefined;
};
export const fStr = (v: unknown): string | undefined =>
  v === undefined || v === null || v === "" ? undefined : String(v).trim();

export function paging(f: Obj) {
  const currentPage = Math.min(65535, Math.max(1, fInt(f.currentPage) ?? 1));
  const itemsPerPage = Math.min(100, Math.max(1, fInt(f.itemsPerPage) ?? 100)); // eMAG caps silently at 100
  return { currentPage, itemsPerPage, slice: <T>(items: T[]) => items.slice((currentPage - 1) * itemsPerPage, currentPage * itemsPerPage) };
}

export const countResult = (n: number, itemsPerPage: number) => ({
  noOfItems: String(n),
  noOfPages: String(Math.ceil(n / itemsPerPage)),
  itemsPerPage: String(itemsPerPage),
});
