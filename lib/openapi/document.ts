// The OpenAPI 3.1 document, built from the registry (lib/openapi/operations/*), the permission
// map (lib/api/route-permissions.ts) and the roles (lib/auth/permissions.ts). Pure code and
// schemas, no data: the same in every process, so each builds it once.
import { z } from "zod";
import { errorCodes } from "@/lib/api/errors";
import { routePermissions, type RouteAccess } from "@/lib/api/route-permissions";
import { can, roles } from "@/lib/auth/permissions";
import { jsonSchemaOf, parametersOf, type Defs, type JsonSchema, type ParameterObject } from "./json-schema";
import { operationGroups, registeredOperations, type RegisteredOperation } from "./registry";
import type { ResponseShape, ResponseSpec } from "./types";

/** The error envelope every 4xx/5xx carries (lib/api/errors.ts ErrorBody). */
const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });
const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
    message: z.string(),
    details: z.unknown().optional().describe("For 400, 413 and 422: a list of { field, message }; otherwise code-specific"),
  }),
});

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

const shapeContent: Record<ResponseShape, Record<string, { schema: JsonSchema }>> = {
  object: { "application/json": { schema: { type: "object" } } },
  page: {
    "application/json": {
      schema: {
        type: "object",
        required: ["data", "total", "page", "pageSize"],
        properties: { data: { type: "array", items: {} }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" } },
      },
    },
  },
  csv: { "text/csv": { schema: { type: "string" } } },
  xlsx: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", contentMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } } },
  pdf: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
  html: { "text/html": { schema: { type: "string" } } },
  prometheus: { "text/plain": { schema: { type: "string" } } },
};

/** What the document says about who may call: x-permission and the roles holding it. */
export function accessOf(access: RouteAccess): { permission: string; roles: string[] } {
  if (access === "public") return { permission: "public", roles: [] };
  if (access === "authenticated") return { permission: "authenticated", roles: [...roles] };
  if (typeof access === "string") return { permission: access, roles: roles.filter((r) => can(r, access)) };
  return { permission: access.kind, roles: [] };
}

function securityOf(access: RouteAccess): Record<string, string[]>[] {
  if (access === "public" || (typeof access === "object" && access.kind === "file-token")) return [];
  if (typeof access === "object") return access.kind === "metrics" ? [{ metricsToken: [] }] : access.kind === "callback-token" ? [{ callbackToken: [] }] : [];
  return [{ bearerAuth: [] }, { sessionCookie: [] }];
}

/** "POST /api/v1/emag/orders/{id}/awb" -> "postEmagOrdersByIdAwb". */
export function operationIdOf(key: string): string {
  const [method, path] = key.split(" ") as [string, string];
  const words = path.replace(/^\/api(\/v1)?/, "").split(/[/.-]/).filter(Boolean)
    .map((w) => (w.startsWith("{") ? `by-${w.replace(/[{}.]/g, "")}` : w))
    .flatMap((w) => w.split("-"))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return method.toLowerCase() + words.join("");
}

function responsesOf(op: RegisteredOperation, access: RouteAccess, defs: Defs) {
  const out: Record<string, unknown> = {};
  const describe = (status: number, r: ResponseSpec) => {
    if (status >= 400 && !r.schema && !r.shape) return { description: r.description, content: errorContent };
    const content = r.schema
      ? { "application/json": { schema: jsonSchemaOf(r.schema, "output", defs, `${operationIdOf(op.key)}_${status}`) } }
      : shapeContent[r.shape ?? "object"];
    const more = (r.alsoShapes ?? []).reduce((acc, s) => ({ ...acc, ...shapeContent[s] }), {});
    return { description: r.description, content: { ...content, ...more } };
  };
  for (const [status, r] of Object.entries(op.responses)) out[status] = describe(Number(status), r);
  const add = (status: number, name: string) => (out[status] ??= ref(name));
  if (op.query || op.params || op.body || op.form) add(400, "BadRequest");
  if (op.body || op.form) {
    add(413, "PayloadTooLarge");
    add(422, "UnprocessableEntity");
  }
  const user = access === "authenticated" || (typeof access === "string" && access !== "public");
  if (user) {
    add(401, "Unauthorized");
    add(429, "RateLimited");
  }
  if (user && access !== "authenticated") add(403, "Forbidden");
  if (typeof access === "object" && access.kind === "metrics") add(401, "Unauthorized");
  add(500, "InternalError");
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

function requestBodyOf(op: RegisteredOperation, defs: Defs) {
  const content: Record<string, { schema: JsonSchema }> = {};
  let required = false;
  if (op.body) {
    // An empty body is read as {} (lib/api/parse.ts): the body is optional exactly when the schema accepts {}.
    required = !op.body.safeParse({}).success;
    content["application/json"] = { schema: jsonSchemaOf(op.body, "input", defs, `${operationIdOf(op.key)}_body`) };
  }
  if (op.form) {
    const properties = Object.fromEntries(
      Object.entries(op.form).map(([name, f]) => [
        name,
        f.type === "file" ? { type: "string", contentMediaType: "application/octet-stream", description: f.description } : { type: "string", ...(f.type === "boolean" ? { enum: ["true", "false"] } : {}), description: f.description },
      ]),
    );
    const req = Object.entries(op.form).filter(([, f]) => f.required).map(([n]) => n);
    content["multipart/form-data"] = { schema: { type: "object", properties, ...(req.length ? { required: req } : {}) } };
    required ||= !op.body && req.length > 0;
  }
  return Object.keys(content).length ? { required, content } : undefined;
}

function parametersFor(op: RegisteredOperation, path: string, defs: Defs) {
  const id = operationIdOf(op.key);
  const params: (ParameterObject | { $ref: string })[] = [];
  if (op.params) params.push(...parametersOf(op.params, "path", defs, `${id}_path`));
  for (const [name, description] of Object.entries(op.rawParams ?? {})) params.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  const declared = new Set(params.map((p) => ("name" in p ? p.name : "")));
  const missing = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => !declared.has(n));
  if (missing.length) throw new Error(`OpenAPI: ${op.key} does not describe path parameter(s) ${missing.join(", ")}`);
  if (op.query) params.push(...parametersOf(op.query, "query", defs, `${id}_query`));
  if (op.headers?.includes("Idempotency-Key")) params.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return params;
}

function operationObject(op: RegisteredOperation, path: string, defs: Defs) {
  const access = routePermissions[op.key];
  if (access === undefined) throw new Error(`OpenAPI: ${op.key} has no entry in lib/api/route-permissions.ts`);
  const who = accessOf(access);
  const rule =
    who.permission === "public" ? "Public." : who.permission === "authenticated" ? "Any signed-in user."
      : typeof access === "object" ? `Not for users (${access.kind}): ${access.why}.`
        : `Permission \`${who.permission}\` (roles: ${who.roles.join(", ") || "none"}).`;
  const parameters = parametersFor(op, path, defs);
  const requestBody = requestBodyOf(op, defs);
  return {
    operationId: operationIdOf(op.key),
    tags: [op.tag],
    summary: op.summary,
    description: [rule, op.description].filter(Boolean).join("\n\n"),
    "x-permission": who.permission,
    "x-roles": who.roles,
    security: securityOf(access),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(op, access, defs),
  };
}

const components = (defs: Defs) => ({
  securitySchemes: {
    bearerAuth: { type: "http", scheme: "bearer", description: "An API token: from POST /api/v1/auth/login, or issued to a user (POST /api/v1/users/{id}/tokens)." },
    sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session of the admin UI (`__Secure-next-auth.session-token` over HTTPS)." },
    metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN, for Prometheus (GET /metrics only)." },
    callbackToken: { type: "apiKey", in: "query", name: "token", description: "The account's callback secret, for eMAG's callbacks only." },
  },
  schemas: {
    Error: jsonSchemaOf(errorBodySchema, "output", defs, "Error"),
    FieldIssue: jsonSchemaOf(fieldIssueSchema, "output", defs, "FieldIssue"),
    ...Object.fromEntries(defs),
  },
  parameters: {
    IdempotencyKey: { name: "Idempotency-Key", in: "header", required: false, description: "1 to 200 visible ASCII characters; the same key never creates a second job.", schema: { type: "string", minLength: 1, maxLength: 200 } },
  },
  responses: {
    BadRequest: { description: "Malformed request: an invalid query string or path parameter, or malformed JSON (`details` names the fields)", content: errorContent },
    Unauthorized: { description: "No valid credentials", content: errorContent },
    Forbidden: { description: "The caller's role lacks the permission (see x-permission)", content: errorContent },
    PayloadTooLarge: { description: "The body is over the size limit", content: errorContent },
    UnprocessableEntity: { description: "The body failed validation (`details` names the fields)", content: errorContent },
    RateLimited: { description: "The caller's per-minute budget is spent (Retry-After and RateLimit-* headers say when to retry)", content: errorContent },
    InternalError: { description: "An unexpected error (logged with the request id; no details)", content: errorContent },
  },
});

export function buildOpenApiDocument() {
  const defs: Defs = new Map();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of registeredOperations().values()) {
    if (op.hidden) continue;
    const [method, path] = op.key.split(" ") as [string, string];
    (paths[path] ??= {})[method.toLowerCase()] = operationObject(op, path, defs);
  }
  const usedTags = new Set(Object.values(paths).flatMap((p) => Object.values(p).map((o) => (o as { tags: string[] }).tags[0])));
  return {
    openapi: "3.1.0",
    info: {
      title: "MagFlow API",
      version: "v1",
      description:
        "The back-office API for eMAG sellers (MAIN and FBE accounts). Every operation lists its permission (`x-permission`) and the roles that hold it (`x-roles`). " +
        "Errors are `{ error: { code, message, details? } }`; validation errors name the field. Lists are `{ data, total, page, pageSize }`.",
    },
    tags: operationGroups.filter((g) => usedTags.has(g.tag)).map((g) => ({ name: g.tag, description: g.description })),
    paths,
    components: components(defs),
  };
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;
/** Built at first use: the registry and the permission map are code, so it never changes while the process runs. */
export const openApiDocument = () => (cached ??= buildOpenApiDocument());
