// The served API reference: GET /api/openapi.json is a valid OpenAPI 3.1 document (checked with
// @seriousme/openapi-schema-validator), fetched from the real route with a real login token, and
// GET /api/docs serves Swagger UI with every file it references; both need a signed-in caller.
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as docsAsset } from "@/app/api/docs/assets/[file]/route";
import { GET as docs } from "@/app/api/docs/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { MAX_PAGE_SIZE } from "@/lib/api/schemas";
import { errorCodes } from "@/lib/api/errors";
import { call, userWithToken } from "../helpers/api";

type Operation = {
  operationId: string;
  "x-permission": string;
  "x-roles": string[];
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, Record<string, unknown>> };
};

let token: string;
let doc: Doc;

beforeAll(async () => {
  const viewer = await userWithToken("viewer");
  const session = await call(login, { method: "POST", body: { email: viewer.user.email, password: viewer.password } });
  expect(session.status).toBe(200);
  token = session.json.access_token as string;
  const res = await call(openapi, { path: "/api/openapi.json", token });
  expect(res.status).toBe(200);
  doc = res.json as unknown as Doc;
});

const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

describe("GET /api/openapi.json", () => {
  it("needs a signed-in caller: 401 without credentials, with the error envelope", async () => {
    const res = await call(openapi, { path: "/api/openapi.json" });
    expect(res.status).toBe(401);
    expect(res.json.error?.code).toBe("unauthorized");
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("every operation has a unique id, its permission with the roles holding it, security and the error responses", () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(65);
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(typeof op["x-permission"], where).toBe("string");
      expect(Array.isArray(op["x-roles"]), where).toBe(true);
      expect(op.responses["500"], where).toBeDefined();
    }
    const users = doc.paths["/api/v1/users"]!.get!;
    expect(users).toMatchObject({ "x-permission": "users.manage", "x-roles": ["admin"], security: [{ bearerAuth: [] }, { sessionCookie: [] }] });
    expect(Object.keys(users.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
    expect(doc.paths["/api/v1/auth/login"]!.post).toMatchObject({ "x-permission": "public", security: [] });
    expect(doc.paths["/metrics"]!.get).toMatchObject({ "x-permission": "metrics", security: [{ metricsToken: [] }] });
    expect(doc.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    expect(doc.paths["/api/inngest"]).toBeUndefined(); // Inngest's protocol endpoint is not MagFlow's API
  });

  it("describes requests with the routes' own zod schemas: query limits, path formats, required body fields", () => {
    const notifications = doc.paths["/api/v1/notifications"]!.get!;
    const pageSize = notifications.parameters!.find((p) => p.name === "pageSize")!;
    expect(pageSize).toMatchObject({ in: "query", required: false, schema: { type: "integer", maximum: MAX_PAGE_SIZE, default: 20 } });
    expect(notifications.parameters!.find((p) => p.name === "category")!.schema.enum).toEqual(["orders", "sync", "system"]);
    const order = doc.paths["/api/v1/emag/orders/{id}"]!.get!;
    expect(order.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true, schema: expect.objectContaining({ format: "uuid" }) })]);
    const createUser = doc.paths["/api/v1/users"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(createUser.required).toEqual(expect.arrayContaining(["email", "name", "password", "role"]));
    const invoice = doc.paths["/api/v1/emag/orders/{id}/invoice"]!.post!.requestBody!.content;
    expect(Object.keys(invoice).sort()).toEqual(["application/json", "multipart/form-data"]);
  });

  it("the error envelope lists every error code", () => {
    const error = doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(error.properties.error.properties.code.enum.sort()).toEqual(Object.keys(errorCodes).sort());
  });
});

describe("GET /api/docs", () => {
  it("needs a signed-in caller, page and files alike", async () => {
    expect((await call(docs, { path: "/api/docs" })).status).toBe(401);
    expect((await call(docsAsset, { path: "/api/docs/assets/swagger-ui-bundle.js", params: { file: "swagger-ui-bundle.js" } })).status).toBe(401);
  });

  it("serves Swagger UI pointed at the document, and every file the page references", async () => {
    const page = await call(docs, { path: "/api/docs", token });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).not.toMatch(/https?:\/\//); // nothing from a CDN
    const files = [...page.text.matchAll(/(?:src|href)="\/api\/docs\/assets\/([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toEqual(expect.arrayContaining(["swagger-ui-bundle.js", "swagger-ui.css", "magflow-init.js"]));
    for (const file of files) {
      const res = await call(docsAsset, { path: `/api/docs/assets/${file}`, params: { file }, token });
      expect(res.status, file).toBe(200);
      expect(res.text.length, file).toBeGreaterThan(0);
    }
    const init = await call(docsAsset, { path: "/api/docs/assets/magflow-init.js", params: { file: "magflow-init.js" }, token });
    expect(init.text).toContain('url: "/api/openapi.json"');
    expect(init.headers.get("content-type")).toMatch(/javascript/);
  });

  it("serves only its own files: anything else is a 400 naming the parameter", async () => {
    for (const file of ["../package.json", "index.html", "swagger-ui-bundle.js.map"]) {
      const res = await call(docsAsset, { path: `/api/docs/assets/${encodeURIComponent(file)}`, params: { file }, token });
      expect(res.status, file).toBe(400);
      expect(res.text).toMatch(/file/);
    }
  });
});
