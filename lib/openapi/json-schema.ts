// zod -> JSON Schema 2020-12 (what OpenAPI 3.1 uses), tidied for reading: the request side
// describes what a client may send (io "input": before coercion, transforms and defaults), the
// response side what the server returns (io "output"). Refinements, transforms and preprocessors
// cannot be expressed; zod then describes the schema around them ("any" where nothing is left).
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const SAFE = Number.MAX_SAFE_INTEGER;
/** Formats whose zod regex says nothing more to a reader than the format itself. */
const SELF_DESCRIBING_FORMATS = new Set(["uuid", "email", "date-time", "date", "uri", "url"]);

/** `$defs` collected from every converted schema, to go into components.schemas. */
export type Defs = Map<string, JsonSchema>;

function tidy(node: JsonSchema) {
  // z.number().int() carries the safe-integer range, which is noise in a reference.
  if (node.minimum === -SAFE) delete node.minimum;
  if (node.maximum === SAFE) delete node.maximum;
  if (typeof node.format === "string" && SELF_DESCRIBING_FORMATS.has(node.format)) delete node.pattern;
}

function rewriteRefs(node: unknown, rename: (name: string) => string): void {
  if (Array.isArray(node)) return node.forEach((n) => rewriteRefs(n, rename));
  if (!node || typeof node !== "object") return;
  const obj = node as JsonSchema;
  if (typeof obj.$ref === "string" && obj.$ref.startsWith("#/$defs/")) obj.$ref = `#/components/schemas/${rename(obj.$ref.slice(8))}`;
  for (const v of Object.values(obj)) rewriteRefs(v, rename);
}

/**
 * The JSON Schema of a zod schema, without `$schema`; any `$defs` (recursive or registered
 * schemas) move to `defs` under `<owner>_<name>`, with their references rewritten.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output", defs: Defs, owner: string): JsonSchema {
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: (ctx) => tidy(ctx.jsonSchema as JsonSchema),
  }) as JsonSchema;
  delete out.$schema;
  const local = out.$defs as Record<string, JsonSchema> | undefined;
  delete out.$defs;
  if (local) {
    const rename = (name: string) => `${owner}_${name}`.replace(/[^A-Za-z0-9._-]/g, "_");
    for (const [name, def] of Object.entries(local)) {
      rewriteRefs(def, rename);
      defs.set(rename(name), def);
    }
    rewriteRefs(out, rename);
  }
  return out;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
}

/** An object schema's properties as OpenAPI parameters (query strings, path segments). */
export function parametersOf(schema: z.ZodType, where: "path" | "query", defs: Defs, owner: string): ParameterObject[] {
  const json = jsonSchemaOf(schema, "input", defs, owner);
  const props = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type !== "object" || !props) throw new Error(`OpenAPI: the ${where} schema of ${owner} is not an object schema`);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
      // Lists are accepted repeated (?tier=a&tier=b) as well as comma-separated.
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}
