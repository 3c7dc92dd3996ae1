import type { z } from "zod";
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

/** Parses the query string through a schema that coerces, defaults and caps. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = new URL(req.url).searchParams;
  const obj: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    obj[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return schema.parse(obj);
}
