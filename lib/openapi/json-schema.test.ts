import { z } from "zod";
import { describe, expect, it } from "vitest";
import { jsonSchemaOf, parametersOf, type Defs } from "./json-schema";

describe("jsonSchemaOf", () => {
  it("describes the input side of coercions, defaults and transforms, without safe-integer noise or $schema", () => {
    const schema = z.object({
      page: z.coerce.number().int().min(1).default(1),
      unread: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
      count: z.number().int(),
      id: z.uuid(),
    });
    const out = jsonSchemaOf(schema, "input", new Map(), "t");
    expect(out).toEqual({
      type: "object",
      properties: {
        page: { type: "integer", minimum: 1, default: 1 },
        unread: { type: "string", enum: ["true", "false"] },
        count: { type: "integer" },
        id: { type: "string", format: "uuid" },
      },
      required: ["count", "id"],
    });
  });

  it("moves $defs (recursive schemas) to the shared definitions and points the references there", () => {
    const node = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const defs: Defs = new Map();
    const out = JSON.stringify(jsonSchemaOf(z.object({ root: node }), "output", defs, "tree"));
    expect(defs.size).toBeGreaterThan(0);
    for (const name of defs.keys()) expect(name.startsWith("tree_")).toBe(true);
    expect(out).not.toContain("#/$defs/");
    expect(out).toContain("#/components/schemas/tree_");
    expect(JSON.stringify([...defs.values()])).not.toContain("#/$defs/");
  });
});

describe("parametersOf", () => {
  it("turns an object schema into parameters: required unless optional or defaulted, lists exploded, path always required", () => {
    const q = z.object({ tier: z.array(z.enum(["a", "b"])).optional(), page: z.coerce.number().default(1), q: z.string() });
    expect(parametersOf(q, "query", new Map(), "t")).toEqual([
      { name: "tier", in: "query", required: false, schema: { type: "array", items: { type: "string", enum: ["a", "b"] } }, style: "form", explode: true },
      { name: "page", in: "query", required: false, schema: { type: "number", default: 1 } },
      { name: "q", in: "query", required: true, schema: { type: "string" } },
    ]);
    expect(parametersOf(z.object({ id: z.string().optional() }), "path", new Map(), "t")[0]!.required).toBe(true);
  });

  it("refuses a schema that is not an object", () => {
    expect(() => parametersOf(z.string(), "query", new Map(), "t")).toThrow(/not an object schema/);
  });
});
