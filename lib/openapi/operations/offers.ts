import { idParamsSchema, pageQuerySchema } from "@/lib/api/schemas";
import { bulkRequestSchema, jobItemsQuerySchema, jobsQuerySchema, previewQuerySchema, singleChangeSchema } from "@/lib/offers/service";
import { productFiltersSchema } from "@/lib/products/schemas";
import type { FormField, OperationGroup } from "../types";

const jobNotFound = { description: "No such job" };
const priceList: Record<string, FormField> = {
  file: { type: "file", description: "The price list, .csv or .xlsx (the columns of the price-list export)", required: true },
};

export const offersOperations: OperationGroup = {
  tag: "Offers",
  description:
    "Price, stock and status changes sent to eMAG, one at a time or as durable jobs (bulk changes, price-list imports). " +
    "Writes accept an Idempotency-Key: the same key never creates a second job.",
  operations: {
    "PATCH /api/v1/emag/offers/{id}": {
      summary: "Change one offer on eMAG (price, min/max, recommended, stock, handling time, status)",
      description: "Waits briefly for eMAG's verdict: 200 when decided, 202 while it is still pending.",
      params: idParamsSchema,
      body: singleChangeSchema,
      headers: ["Idempotency-Key"],
      responses: { 200: { description: "The change and eMAG's verdict" }, 202: { description: "The change is queued or being sent" }, 404: { description: "No such offer" } },
    },
    "GET /api/v1/emag/offers/{id}/changes": {
      summary: "The offer's change timeline (who, old -> new, eMAG's verdict), newest first",
      params: idParamsSchema,
      query: pageQuerySchema,
      responses: { 200: { description: "A page of changes" } },
    },
    "POST /api/v1/emag/offers/bulk": {
      summary: "Apply a bulk change as a durable job",
      description: "422 lists the eMAG rule violations unless exclude_invalid is set.",
      body: bulkRequestSchema,
      headers: ["Idempotency-Key"],
      responses: { 202: { description: "The job" } },
    },
    "POST /api/v1/emag/offers/bulk/preview": {
      summary: "Old -> new for every selected offer, with eMAG rule violations; sends nothing",
      query: previewQuerySchema,
      body: bulkRequestSchema,
      responses: { 200: { description: "The planned changes (paged)" } },
    },
    "GET /api/v1/emag/offers/export.csv": {
      summary: "The price list (product list filters and sort) as streamed CSV, importable as is",
      query: productFiltersSchema,
      responses: { 200: { description: "CSV file", shape: "csv" } },
    },
    "GET /api/v1/emag/offers/export.xlsx": {
      summary: "The price list (product list filters and sort) as a streamed XLSX workbook, importable as is",
      query: productFiltersSchema,
      responses: { 200: { description: "XLSX workbook", shape: "xlsx" } },
    },
    "POST /api/v1/emag/offers/import": {
      summary: "Apply a price list as one durable job",
      description: "422 lists every row error unless exclude_invalid is true.",
      form: { ...priceList, exclude_invalid: { type: "boolean", description: "`true`: send the valid rows and skip the invalid ones" } },
      headers: ["Idempotency-Key"],
      responses: { 202: { description: "The job" } },
    },
    "POST /api/v1/emag/offers/import/preview": {
      summary: "A price list planned row by row: old -> new, every error by row and field; sends nothing",
      query: previewQuerySchema,
      form: priceList,
      responses: { 200: { description: "The planned rows (paged)" } },
    },
    "GET /api/v1/emag/offers/jobs": {
      summary: "Offer-change jobs, newest first (filters: kind, status)",
      query: jobsQuerySchema,
      responses: { 200: { description: "A page of jobs" } },
    },
    "GET /api/v1/emag/offers/jobs/{id}": {
      summary: "One job with its counters and items by status",
      params: idParamsSchema,
      responses: { 200: { description: "The job" }, 404: jobNotFound },
    },
    "POST /api/v1/emag/offers/jobs/{id}/cancel": {
      summary: "Stop a job: unsent items are cancelled, sent ones still get eMAG's verdict",
      params: idParamsSchema,
      responses: { 200: { description: "The job" }, 404: jobNotFound },
    },
    "GET /api/v1/emag/offers/jobs/{id}/items": {
      summary: "Per-item outcomes of a job (paged, filter by status); format=csv downloads all of them",
      params: idParamsSchema,
      query: jobItemsQuerySchema,
      responses: { 200: { description: "A page of items (JSON), or every item (CSV)", alsoShapes: ["csv"] }, 404: jobNotFound },
    },
    "POST /api/v1/emag/offers/jobs/{id}/retry": {
      summary: "A new job that re-sends only this job's failed and cancelled items",
      params: idParamsSchema,
      headers: ["Idempotency-Key"],
      responses: { 202: { description: "The new job" }, 404: jobNotFound },
    },
  },
};
