// The API reference cannot drift from the routes: every route method (app/**/route.ts, as Next
// finds them) has a registry entry and every entry a route; the permission in the route's source
// (withAuth's `permission:`), the permission map and the document's x-permission agree; and every
// schema a route passes to parseQuery/parseBody/parseParams is the very object its entry names.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { routePermissions } from "@/lib/api/route-permissions";
import { accessOf, buildOpenApiDocument } from "@/lib/openapi/document";
import { registeredOperations } from "@/lib/openapi/registry";
import { listNotificationsQuerySchema } from "@/lib/notifications/schemas";
import { idParamsSchema, pageQuerySchema } from "@/lib/api/schemas";
import { discoverRoutes, root, type DiscoveredRoute } from "../reliability/support/routes";
import { accessProblems, analyzeMethod, schemaProblems } from "./route-source";

const load = (spec: string) => import(/* @vite-ignore */ path.join(root, spec.replace(/^@\//, ""))) as Promise<Record<string, unknown>>;

let routes: DiscoveredRoute[];
const registry = registeredOperations();

beforeAll(async () => {
  routes = await discoverRoutes();
});

describe("OpenAPI registry completeness", () => {
  it("every route method has an entry, and every entry a route", () => {
    const found = new Set(routes.map((r) => r.key));
    const missing = [...found].filter((k) => !registry.has(k)).sort();
    const orphans = [...registry.keys()].filter((k) => !found.has(k)).sort();
    expect(routes.length).toBeGreaterThan(70);
    expect({ missing, orphans }).toEqual({ missing: [], orphans: [] });
  });

  it("the permission in each route's source, the permission map and the document's x-permission agree", () => {
    const doc = buildOpenApiDocument();
    const problems: string[] = [];
    for (const route of routes) {
      const entry = registry.get(route.key);
      if (!entry) continue; // reported above
      const access = routePermissions[route.key];
      problems.push(...accessProblems(route.key, analyzeMethod(root, route.file, route.method), access));
      if (entry.hidden || access === undefined) continue;
      const op = (doc.paths[route.template] as Record<string, { "x-permission"?: string; "x-roles"?: string[] }> | undefined)?.[route.method.toLowerCase()];
      if (!op) problems.push(`${route.key}: not in the document`);
      else if (op["x-permission"] !== accessOf(access).permission) problems.push(`${route.key}: the document says ${op["x-permission"]}`);
      else expect(op["x-roles"]).toEqual(accessOf(access).roles);
    }
    expect(problems).toEqual([]);
  });

  it("every schema a route parses is the schema in its entry, and the entry names no schema the route does not parse", async () => {
    const problems: string[] = [];
    let parsed = 0;
    for (const route of routes) {
      const entry = registry.get(route.key);
      if (!entry) continue;
      const source = analyzeMethod(root, route.file, route.method);
      parsed += source.parses.length;
      problems.push(...(await schemaProblems(route.key, source, entry, load)));
    }
    expect(parsed).toBeGreaterThan(60); // the scan does find the calls
    expect(problems).toEqual([]);
  });
});

describe("the source checks catch what they must", () => {
  const files: Record<string, string> = {
    "app/a/route.ts": [
      'import { withAuth } from "@/lib/api/handler";',
      'import { parseParams, parseQuery } from "@/lib/api/parse";',
      'import { idParamsSchema, pageQuerySchema as pageQ } from "@/lib/api/schemas";',
      "const local = z.object({});",
      "export const GET = withAuth(async ({ req, params }) => Response.json([parseQuery(req, pageQ), parseParams(params, idParamsSchema)]), {",
      '  permission: "orders.read",',
      "});",
      "export const POST = withAuth(async ({ req }) => Response.json(await parseBody(req, local)));",
    ].join("\n"),
    "app/b/route.ts": 'export { GET } from "@/app/a/route";\n',
  };
  const read = (f: string) => files[f] ?? "";

  it("reads wrapper, permission and parse calls per method, through aliases and re-exports", () => {
    const get = analyzeMethod("/", "app/b/route.ts", "GET", read);
    expect(get).toMatchObject({ file: "app/a/route.ts", wrapper: "withAuth", permission: "orders.read", form: false });
    expect(get.parses).toEqual([
      { part: "query", identifier: "pageQ", from: "@/lib/api/schemas", exported: "pageQuerySchema" },
      { part: "params", identifier: "idParamsSchema", from: "@/lib/api/schemas", exported: "idParamsSchema" },
    ]);
    expect(analyzeMethod("/", "app/a/route.ts", "POST", read)).toMatchObject({ permission: null, parses: [{ part: "body", from: null }] });
  });

  it("reports a permission that differs, a wrong schema, a schema not parsed and an inline schema", async () => {
    const get = analyzeMethod("/", "app/a/route.ts", "GET", read);
    expect(accessProblems("GET /a", get, "orders.read")).toEqual([]);
    expect(accessProblems("GET /a", get, "orders.write")).toHaveLength(1);
    expect(accessProblems("GET /a", get, "public")).toHaveLength(1);
    expect(accessProblems("POST /a", analyzeMethod("/", "app/a/route.ts", "POST", read), "authenticated")).toEqual([]);

    const ok = { summary: "", responses: {}, query: pageQuerySchema, params: idParamsSchema };
    expect(await schemaProblems("GET /a", get, ok, load)).toEqual([]);
    expect(await schemaProblems("GET /a", get, { ...ok, query: listNotificationsQuerySchema }, load)).toHaveLength(1);
    expect(await schemaProblems("GET /a", get, { ...ok, body: pageQuerySchema }, load)).toHaveLength(1);
    expect(await schemaProblems("GET /a", get, { ...ok, form: { file: { type: "file", description: "" } } }, load)).toHaveLength(1);
    const post = analyzeMethod("/", "app/a/route.ts", "POST", read);
    expect((await schemaProblems("POST /a", post, { summary: "", responses: {} }, load))[0]).toMatch(/defined in app\/a\/route\.ts/);
  });
});
