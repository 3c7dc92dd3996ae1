// What the API reference knows about one operation. Each entry points at the very zod schemas its
// route parses (params, query, body), so the document cannot drift from what the routes accept;
// tests/openapi/completeness.test.ts compares every entry with its route's source.
import type { z } from "zod";

/** A response body without a zod schema: described by kind only, never with invented fields. */
export type ResponseShape =
  | "object" // a JSON object, fields not described here
  | "page" // { data: [...], total, page, pageSize } (lib/api/schemas.ts Page<T>), items not described
  | "csv"
  | "xlsx"
  | "pdf"
  | "html"
  | "prometheus"; // Prometheus text exposition format

export interface ResponseSpec {
  description: string;
  /** The zod schema the body is built from (output side). */
  schema?: z.ZodType;
  /** Otherwise: what kind of body it is. Default for 2xx: "object"; 4xx/5xx get the error envelope. */
  shape?: ResponseShape;
  /** Several kinds of body (e.g. JSON or CSV by ?format=). */
  alsoShapes?: ResponseShape[];
}

/** A multipart/form-data field read by hand (FormData has no zod schema in these routes). */
export interface FormField {
  type: "file" | "string" | "boolean";
  description: string;
  required?: boolean;
}

export interface OperationSpec {
  summary: string;
  description?: string;
  /** Path parameters: the schema passed to parseParams. */
  params?: z.ZodType;
  /** Path parameters a route reads without a schema (name -> description). */
  rawParams?: Record<string, string>;
  /** The schema passed to parseQuery. */
  query?: z.ZodType;
  /** The schema passed to parseBody (application/json). */
  body?: z.ZodType;
  /** Fields read through parseFormData (multipart/form-data). */
  form?: Record<string, FormField>;
  /** Request headers the route reads. */
  headers?: ("Idempotency-Key")[];
  /** Success and route-specific error responses by status; the wrapper's 401/403/429 and parse errors are added. */
  responses: Record<number, ResponseSpec>;
  /** Left out of the document, with the reason (protocol endpoints of libraries, not MagFlow's API). */
  hidden?: string;
}

/** One area's operations, keyed "METHOD /path/template" exactly as in lib/api/route-permissions.ts. */
export interface OperationGroup {
  tag: string;
  description: string;
  operations: Record<string, OperationSpec>;
}
