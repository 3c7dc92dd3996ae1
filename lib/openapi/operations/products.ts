import { idParamsSchema } from "@/lib/api/schemas";
import { cleanupStuckSyncsQuerySchema, listProductsQuerySchema, productFiltersSchema, updateProductSchema } from "@/lib/products/schemas";
import { syncRequestSchema } from "@/lib/sync/options";
import { historyQuerySchema } from "@/lib/sync/queries";
import type { OperationGroup } from "../types";

export const productsOperations: OperationGroup = {
  tag: "Products",
  description: "Offers stored from both accounts, and the product sync that keeps them.",
  operations: {
    "GET /api/v1/emag/products/products": {
      summary: "Stored offers: filters, search (name, SKU, PNK, EAN), sort, paging",
      query: listProductsQuerySchema,
      responses: { 200: { description: "A page of offers", shape: "page" } },
    },
    "GET /api/v1/emag/products/products/{id}": {
      summary: "One offer with eMAG's raw item",
      params: idParamsSchema,
      responses: { 200: { description: "The offer" }, 404: { description: "No such offer" } },
    },
    "PATCH /api/v1/emag/products/products/{id}": {
      summary: "Local edit of tracked fields (kept per conflict_strategy), or discard_local_edits",
      params: idParamsSchema,
      body: updateProductSchema,
      responses: { 200: { description: "The offer after the edit" }, 404: { description: "No such offer" } },
    },
    "GET /api/v1/emag/products/export.csv": {
      summary: "The product list (same filters and sort) as streamed CSV",
      query: productFiltersSchema,
      responses: { 200: { description: "CSV file", shape: "csv" } },
    },
    "GET /api/v1/emag/products/history": {
      summary: "Product sync logs, newest first (paged, by status and account)",
      query: historyQuerySchema,
      responses: { 200: { description: "A page of sync logs", shape: "page" } },
    },
    "GET /api/v1/emag/products/statistics": {
      summary: "Offer totals per account and sync success over 7 days",
      responses: { 200: { description: "The statistics" } },
    },
    "GET /api/v1/emag/products/status": {
      summary: "The running product sync (if any) and the last 10",
      responses: { 200: { description: "Sync state" } },
    },
    "POST /api/v1/emag/products/sync": {
      summary: "Start a product sync",
      description: "202 with the sync_id, or 200 with the result when run_async is false.",
      body: syncRequestSchema,
      responses: {
        200: { description: "The finished sync's result (run_async: false)" },
        202: { description: "The sync started: its sync_id" },
        409: { description: "A sync of that account is already running" },
      },
    },
    "DELETE /api/v1/emag/products/sync/{id}": {
      summary: "Cancel a running product sync",
      params: idParamsSchema,
      responses: { 200: { description: "The cancelled sync" }, 404: { description: "No such sync" }, 409: { description: "The sync is not running" } },
    },
    "POST /api/v1/emag/products/cleanup-stuck-syncs": {
      summary: "Fail running syncs with no heartbeat for timeout_minutes",
      query: cleanupStuckSyncsQuerySchema,
      responses: { 200: { description: "What was cleaned up" } },
    },
  },
};
