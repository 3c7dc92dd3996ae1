import {
  customerDetailQuerySchema,
  customerDetailSchema,
  customerFiltersSchema,
  customerIdParamsSchema,
  customerListSchema,
  customersSummarySchema,
  listCustomersQuerySchema,
  rebuildResultSchema,
} from "@/lib/customers/api-types";
import type { OperationGroup, OperationSpec } from "../types";

const masking = "Without `customers.pii`, phones and company identifiers are masked (`pii_masked: true`); the shape is the same.";

const list: OperationSpec = {
  summary: "Customers: filters, search, sort, paging",
  description: masking,
  query: listCustomersQuerySchema,
  responses: { 200: { description: "A page of customers", schema: customerListSchema } },
};
const detail: OperationSpec = {
  summary: "One customer: profile, metrics, scores and their inputs, orders (paged), returns, timeline",
  description: masking,
  params: customerIdParamsSchema,
  query: customerDetailQuerySchema,
  responses: { 200: { description: "The customer", schema: customerDetailSchema }, 404: { description: "No such customer" } },
};

export const customersOperations: OperationGroup = {
  tag: "Customers",
  description: "Customer profiles built from the orders and returns of both accounts.",
  operations: {
    "GET /api/v1/customers": list,
    "GET /api/v1/customers/{id}": detail,
    "GET /api/v1/admin/emag-customers": { ...list, summary: "Customers (the old system's path; same as GET /api/v1/customers)" },
    "GET /api/v1/admin/emag-customers/{id}": { ...detail, summary: "One customer (the old system's path; same as GET /api/v1/customers/{id})" },
    "GET /api/v1/customers/export.csv": {
      summary: "The customer list (same filters and sort) as streamed CSV",
      description: masking,
      query: customerFiltersSchema,
      responses: { 200: { description: "CSV file", shape: "csv" } },
    },
    "GET /api/v1/customers/export.xlsx": {
      summary: "The customer list (same filters and sort) as a streamed XLSX workbook",
      description: masking,
      query: customerFiltersSchema,
      responses: { 200: { description: "XLSX workbook", shape: "xlsx" } },
    },
    "POST /api/v1/customers/rebuild": {
      summary: "Rebuild every customer from the stored orders and returns",
      responses: { 200: { description: "What was rebuilt", schema: rebuildResultSchema }, 409: { description: "A rebuild is already running" } },
    },
    "GET /api/v1/customers/summary": {
      summary: "Counts by tier, segment and risk, channels, new vs returning, repeat rate, top 10, cohorts",
      description: `Cached 5 minutes. ${masking}`,
      responses: { 200: { description: "The summary", schema: customersSummarySchema } },
    },
  },
};
