import { ZodError, type z } from "zod";
import { zodIssues } from "@/lib/api/handle-error";
import { AppError } from "@/lib/api/errors";

/** Reads a JSON body: malformed JSON is a 400 before zod runs; zod failures become 422 naming the field. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await req.text();
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new AppError("invalid_json", "Malformed JSON body", { details: { reason: (e as Error).message } });
    }
  }
  return schema.parse(raw);
}

/** URL problems (query string, path segments) are a malformed request: 400 naming the field. */
function parseUrlPart<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  try {
    return schema.parse(value);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const issues = zodIssues(e);
    throw new AppError("bad_request", `Invalid ${where}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, {
      details: issues,
    });
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
  return parseUrlPart(schema, params, "path parameter");
}
