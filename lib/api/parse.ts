import { ZodError, type z } from "zod";
import { zodIssues } from "@/lib/api/handle-error";
import { AppError, type FieldIssue } from "@/lib/api/errors";
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "@/lib/api/limits";
import { mapStrings, stripNul } from "@/lib/db/pg-safe";

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `Request body exceeds ${Math.round(limit / 1024)} KB`, {
    details: [{ field: "(body)", message: `must be at most ${limit} bytes` }] satisfies FieldIssue[],
  });

/**
 * The body's bytes, at most `limit` of them: a declared Content-Length above it is a 413 before
 * anything is read, and a body without one (chunked) is read chunk by chunk and refused (413) as
 * soon as it passes the limit, so an oversized body never sits in memory whole.
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((cause: unknown) => {
      throw new AppError("bad_request", "The request body could not be read", { cause });
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON body (at most JSON_BODY_LIMIT): malformed JSON is a 400 before zod runs; zod
 * failures become 422 naming the field. NULs are dropped from every string (PostgreSQL cannot
 * store them, and eMAG must not receive them).
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = new TextDecoder().decode(await readBodyBytes(req, JSON_BODY_LIMIT));
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new AppError("invalid_json", "Malformed JSON body", { details: [{ field: "(body)", message: (e as Error).message }] satisfies FieldIssue[] });
    }
  }
  return schema.parse(mapStrings(raw, stripNul));
}

/** Reads a multipart body (at most UPLOAD_BODY_LIMIT) into FormData; field values keep no NUL. */
export async function parseFormData(req: Request): Promise<FormData> {
  const contentType = req.headers.get("content-type") ?? "";
  const bytes = await readBodyBytes(req, UPLOAD_BODY_LIMIT);
  // Built from the bounded bytes: req.formData() would buffer whatever the client sends.
  const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData().catch((cause: unknown) => {
    throw new AppError("bad_request", "The multipart body could not be read", { cause, details: [{ field: "(body)", message: "must be multipart/form-data" }] });
  });
  const clean = new FormData();
  for (const [key, value] of form) {
    if (typeof value === "string") clean.append(stripNul(key), stripNul(value));
    else clean.append(stripNul(key), value, stripNul(value.name));
  }
  return clean;
}

const badRequest = (where: string, issues: FieldIssue[]) =>
  new AppError("bad_request", `Invalid ${where}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, { details: issues });

/** URL problems (query string, path segments) are a malformed request: 400 naming the field. */
function parseUrlPart<S extends z.ZodType>(schema: S, value: Record<string, unknown>, where: string): z.infer<S> {
  // A NUL in a URL is never meant: refused (rather than dropped, which would turn `search=%00` into "no filter").
  const withNul = Object.entries(value)
    .filter(([, v]) => [v].flat().some((s) => typeof s === "string" && s.includes("\u0000")))
    .map(([field]) => ({ field, message: "must not contain a NUL character" }));
  if (withNul.length) throw badRequest(where, withNul);
  try {
    return schema.parse(value);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    throw badRequest(where, zodIssues(e));
  }
}

/** Parses the query string through a schema that coerces, defaults and caps. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = new URL(req.url).searchParams;
  const obj: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    obj[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return parseUrlPart(schema, obj, "query");
}

/** Parses route params (e.g. ids in the path). */
export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.infer<S> {
  const value = params && typeof params === "object" ? (params as Record<string, unknown>) : {};
  return parseUrlPart(schema, value, "path parameter");
}
