import { idParamsSchema } from "@/lib/api/schemas";
import {
  awbRequestSchema,
  callbackParamsSchema,
  callbackQuerySchema,
  couriersQuerySchema,
  invoiceUrlSchema,
  listOrdersQuerySchema,
  orderFiltersSchema,
  ordersSyncRequestSchema,
  statisticsQuerySchema,
  statusChangeSchema,
} from "@/lib/orders/schemas";
import type { OperationGroup } from "../types";

const notFound = { description: "No such order" };

export const ordersOperations: OperationGroup = {
  tag: "Orders",
  description: "Orders of both accounts, synced from eMAG, and the actions sent back to eMAG (acknowledge, status, AWB, invoice).",
  operations: {
    "GET /api/v1/emag/orders": {
      summary: "Stored orders: filters (account, status, type, payment, dates), search, sort, paging",
      query: listOrdersQuerySchema,
      responses: { 200: { description: "A page of orders", shape: "page" } },
    },
    "GET /api/v1/emag/orders/{id}": {
      summary: "One order with lines, addresses and timeline",
      params: idParamsSchema,
      responses: { 200: { description: "The order" }, 404: notFound },
    },
    "POST /api/v1/emag/orders/{id}/acknowledge": {
      summary: "Acknowledge an order: new (1) -> in progress (2); MAIN only; idempotent",
      params: idParamsSchema,
      responses: { 200: { description: "The order after the change" }, 404: notFound, 409: { description: "The order cannot be acknowledged (status or account)" } },
    },
    "POST /api/v1/emag/orders/{id}/awb": {
      summary: "Book a shipment (AWB); the order becomes finalized (4); idempotent",
      params: idParamsSchema,
      body: awbRequestSchema,
      responses: { 200: { description: "The AWB and the order" }, 404: notFound, 409: { description: "The order's status does not allow an AWB" } },
    },
    "POST /api/v1/emag/orders/{id}/invoice": {
      summary: "Attach an invoice: JSON { url, name? } or a PDF upload",
      description: "JSON names a URL eMAG can download; multipart uploads a PDF (at most 10 MB) that MagFlow serves to eMAG at an unguessable URL.",
      params: idParamsSchema,
      body: invoiceUrlSchema,
      form: {
        file: { type: "file", description: "The invoice, a PDF document (at most 10 MB)", required: true },
        name: { type: "string", description: "A display name (at most 60 characters)" },
      },
      responses: { 200: { description: "The attachment and the order" }, 404: notFound, 409: { description: "The order is canceled, or eMAG refused the invoice" } },
    },
    "PUT /api/v1/emag/orders/{id}/status": {
      summary: "Change an order's status (an allowed transition only)",
      params: idParamsSchema,
      body: statusChangeSchema,
      responses: { 200: { description: "The order after the change" }, 404: notFound, 409: { description: "The transition is not allowed (the message names the rule)" } },
    },
    "GET /api/v1/emag/orders/couriers": {
      summary: "The account's courier accounts (for AWBs)",
      query: couriersQuerySchema,
      responses: { 200: { description: "`{ data: [...] }`, eMAG's courier accounts" } },
    },
    "GET /api/v1/emag/orders/export.csv": {
      summary: "The order list (same filters and sort) as streamed CSV",
      query: orderFiltersSchema,
      responses: { 200: { description: "CSV file", shape: "csv" } },
    },
    "GET /api/v1/emag/orders/statistics": {
      summary: "Orders by status and account, revenue by day, today's counts",
      query: statisticsQuerySchema,
      responses: { 200: { description: "The statistics" } },
    },
    "POST /api/v1/emag/orders/sync": {
      summary: "Sync orders now (incremental, or a backfill of days_back)",
      body: ordersSyncRequestSchema,
      responses: { 202: { description: "The sync started: its sync_id" }, 409: { description: "An order sync is already running" } },
    },
    "GET /api/v1/emag/orders/sync/status": {
      summary: "Order sync state: `{ is_running, current_sync, recent_syncs }`",
      responses: { 200: { description: "The running sync, if any, and the recent ones" } },
    },
    "GET /api/v1/emag/callbacks/{account}/order": {
      summary: "eMAG's new-order callback",
      description: "Called by eMAG, not by users: eMAG cannot sign its calls, so the account's callback secret in `?token=` is the credential. Answers at once; the order is synced in the background.",
      params: callbackParamsSchema,
      query: callbackQuerySchema,
      responses: { 200: { description: "`{ received: true, account, order_id }`" }, 401: { description: "Invalid or missing callback token" } },
    },
    "GET /api/v1/files/invoices/{file}": {
      summary: "An uploaded invoice, for eMAG to download",
      description: "The URL is the credential (192 random bits; only a hash is stored): eMAG fetches attachments without authentication.",
      rawParams: { file: "`<token>.pdf`, as returned when the invoice was uploaded" },
      responses: { 200: { description: "The PDF", shape: "pdf" }, 404: { description: "No such file" } },
    },
  },
};
