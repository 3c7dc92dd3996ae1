import { idParamsSchema } from "@/lib/api/schemas";
import {
  accountQuerySchema,
  driftFixSchema,
  driftQuerySchema,
  itemPatchSchema,
  itemsQuerySchema,
  lowStockQuerySchema,
  settingsBodySchema,
} from "@/lib/inventory/api-types";
import type { OperationGroup } from "../types";

export const inventoryOperations: OperationGroup = {
  tag: "Inventory",
  description: "MagFlow-managed stock for the MAIN account: items, buffers, low-stock thresholds, and drift against eMAG.",
  operations: {
    "GET /api/v1/emag/offers/inventory/drift": {
      summary: "Offers whose eMAG stock differs from what MagFlow would send, largest difference first",
      query: driftQuerySchema,
      responses: { 200: { description: "A page of drifting items", shape: "page" } },
    },
    "POST /api/v1/emag/offers/inventory/drift/fix": {
      summary: "Push the drifting offers (all, or { ids }) as one inventory job",
      query: accountQuerySchema,
      body: driftFixSchema,
      responses: { 202: { description: "The push" } },
    },
    "GET /api/v1/emag/offers/inventory/items": {
      summary: "Inventory items, paged (filters: low, search; sort: name, available, would_push, emag_stock, updated_at)",
      query: itemsQuerySchema,
      responses: { 200: { description: "A page of items", shape: "page" } },
    },
    "PATCH /api/v1/emag/offers/inventory/items/{id}": {
      summary: "Set available, buffer (null = the default) or low_stock_threshold (null = the account's)",
      params: idParamsSchema,
      body: itemPatchSchema,
      responses: { 200: { description: "The item after the change" }, 404: { description: "No such item" } },
    },
    "GET /api/v1/emag/offers/inventory/low-stock": {
      summary: "The lowest-stock offers (for the dashboard card)",
      query: lowStockQuerySchema,
      responses: { 200: { description: "The lowest-stock offers" } },
    },
    "GET /api/v1/emag/offers/inventory/settings": {
      summary: "Inventory settings and counts (FBE: 422)",
      query: accountQuerySchema,
      responses: { 200: { description: "The settings" } },
    },
    "PUT /api/v1/emag/offers/inventory/settings": {
      summary: "Change inventory settings; switching on creates the items from eMAG's stock",
      query: accountQuerySchema,
      body: settingsBodySchema,
      responses: { 200: { description: "The settings after the change" } },
    },
  },
};
