// Offer changes sent to eMAG: jobs, their items, an offer's change timeline, bulk and import
// previews. Wire types (snake_case, as lib/offers/service.ts sends them), keys and query options.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "@/lib/ui/api-client";
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";
import type { ProductFilters } from "@/lib/ui/queries/emag-products";

export const offerFields = ["sale_price", "recommended_price", "min_sale_price", "max_sale_price", "stock", "handling_time", "status"] as const;
export type OfferField = (typeof offerFields)[number];
export type OfferValues = Partial<Record<OfferField, number | null>>;

export const offerJobKinds = ["single", "bulk", "import", "repricer", "inventory", "retry"] as const;
export type OfferJobKind = (typeof offerJobKinds)[number];
export const offerJobStatuses = ["pending", "running", "completed", "partial", "failed", "cancelled"] as const;
export type OfferJobStatus = (typeof offerJobStatuses)[number];
export const offerItemStatuses = ["pending", "sending", "applied", "rejected", "failed", "cancelled", "skipped"] as const;
export type OfferItemStatus = (typeof offerItemStatuses)[number];

export interface OfferJob {
  id: string;
  kind: OfferJobKind;
  status: OfferJobStatus;
  spec: Record<string, unknown> | null;
  total: number;
  applied: number;
  rejected: number;
  failed: number;
  skipped: number;
  batches: number;
  triggered_by: string;
  created_by: { id: string | null; name?: string; email?: string } | null;
  parent_job_id: string | null;
  error: string | null;
  percent: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  cancel_requested_at: string | null;
}

export interface OfferJobDetail extends OfferJob {
  items_by_status: Partial<Record<OfferItemStatus, number>>;
}

export interface OfferJobItem {
  id: string;
  job_id: string;
  product_id: string;
  account: AccountKind;
  emag_offer_id: string;
  seq: number;
  batch: number;
  route: string;
  before: OfferValues | null;
  changes: OfferValues;
  status: OfferItemStatus;
  message: string | null;
  attempts: number;
  sent_at: string | null;
  decided_at: string | null;
}

export interface OfferChangeEntry extends OfferJobItem {
  job: { id: string; kind: OfferJobKind; status: OfferJobStatus; triggered_by: string; created_at: string };
  by: { id?: string; name?: string; email?: string };
}

export type OfferChangeBody = OfferValues;

export interface OfferChangeResult {
  job: OfferJobDetail | null;
  item: OfferJobItem | null;
  message?: string;
}

export type PriceRound = "none" | "99" | "90";
export interface BulkOperation {
  price?: { mode: "set" | "percent" | "amount"; value: number; round: PriceRound };
  min_sale_price?: number;
  max_sale_price?: number;
  recommended_price?: number;
  stock?: number;
  status?: number;
  handling_time?: number;
}
export type BulkSelection = { ids: string[] } | { filter: ProductFilters };
export interface BulkBody {
  selection: BulkSelection;
  operation: BulkOperation;
}

export interface PlanSummary {
  total: number;
  changed: number;
  unchanged: number;
  invalid: number;
}

export interface PreviewRow {
  seq: number;
  product_id: string | null;
  account: AccountKind | null;
  emag_offer_id: string | null;
  part_number: string | null;
  name: string | null;
  before: OfferValues | null;
  after: OfferValues | null;
  changes: OfferValues;
  sale_price_with_vat?: { before: number | null; after: number | null };
  violations: { field: string; message: string }[];
}

export type PreviewOnly = "all" | "changed" | "invalid";
export interface PreviewParams {
  page: number;
  pageSize: number;
  only: PreviewOnly;
}
export interface PreviewPage extends Page<PreviewRow> {
  summary: PlanSummary;
}
export interface RowError {
  row: number;
  field: string;
  message: string;
}
export interface ImportPreviewPage extends PreviewPage {
  errors: RowError[];
}

export interface JobsParams {
  page: number;
  pageSize: number;
  kind?: OfferJobKind;
  status?: OfferJobStatus;
}
export interface JobItemsParams {
  page: number;
  pageSize: number;
  status?: OfferItemStatus;
}

const base = "/api/v1/emag/offers";
const enc = encodeURIComponent;

export const offerKeys = {
  all: ["offers"] as const,
  jobLists: () => [...offerKeys.all, "jobs"] as const,
  jobs: (params: JobsParams) => [...offerKeys.jobLists(), params] as const,
  job: (id: string) => [...offerKeys.all, "job", id] as const,
  jobItems: (id: string, params: JobItemsParams) => [...offerKeys.job(id), "items", params] as const,
  changes: (productId: string, params: { page: number; pageSize: number }) => [...offerKeys.all, "changes", productId, params] as const,
  allChanges: (productId: string) => [...offerKeys.all, "changes", productId] as const,
  bulkPreview: (body: BulkBody, params: PreviewParams) => [...offerKeys.all, "bulk-preview", body, params] as const,
};

/** Whether a job may still change (its counters move). */
export const isJobOpen = (s: OfferJobStatus | undefined) => s === "pending" || s === "running";

export const offerQueries = {
  jobs: (params: JobsParams) =>
    queryOptions({
      queryKey: offerKeys.jobs(params),
      queryFn: ({ signal }) => api.get<Page<OfferJob>>(`${base}/jobs`, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
    }),
  job: (id: string) =>
    queryOptions({
      queryKey: offerKeys.job(id),
      queryFn: ({ signal }) => api.get<OfferJobDetail>(`${base}/jobs/${enc(id)}`, { signal }),
    }),
  jobItems: (id: string, params: JobItemsParams) =>
    queryOptions({
      queryKey: offerKeys.jobItems(id, params),
      queryFn: ({ signal }) => api.get<Page<OfferJobItem>>(`${base}/jobs/${enc(id)}/items`, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
    }),
  changes: (productId: string, params: { page: number; pageSize: number }) =>
    queryOptions({
      queryKey: offerKeys.changes(productId, params),
      queryFn: ({ signal }) => api.get<Page<OfferChangeEntry>>(`${base}/${enc(productId)}/changes`, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
    }),
  // A POST that reads (it sends nothing to eMAG), so it is a query: paging re-asks the server.
  bulkPreview: (body: BulkBody, params: PreviewParams) =>
    queryOptions({
      queryKey: offerKeys.bulkPreview(body, params),
      queryFn: ({ signal }) => api.post<PreviewPage>(`${base}/bulk/preview`, body, { signal, query: { ...params } }),
      placeholderData: keepPreviousData,
      staleTime: 0,
      meta: { inlineErrorStatuses: [400, 404, 422] },
    }),
};

const idem = (key: string) => ({ headers: { "Idempotency-Key": key } });

const fileForm = (file: File, extra: Record<string, string> = {}) => {
  const form = new FormData();
  form.append("file", file);
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return form;
};

export const offersApi = {
  change: (productId: string, body: OfferChangeBody, key: string) => api.patch<OfferChangeResult>(`${base}/${enc(productId)}`, body, idem(key)),
  bulkApply: (body: BulkBody & { exclude_invalid: boolean }, key: string) => api.post<{ job: OfferJob; engine: string }>(`${base}/bulk`, body, idem(key)),
  cancel: (id: string) => api.post<OfferJob>(`${base}/jobs/${enc(id)}/cancel`),
  retry: (id: string, key: string) => api.post<{ job: OfferJob }>(`${base}/jobs/${enc(id)}/retry`, undefined, idem(key)),
  downloadItems: (id: string, status?: OfferItemStatus) => api.download(`${base}/jobs/${enc(id)}/items`, { query: { format: "csv", status } }),
  importPreview: (file: File, params: PreviewParams) => api.post<ImportPreviewPage>(`${base}/import/preview`, fileForm(file), { query: { ...params } }),
  importApply: (file: File, excludeInvalid: boolean, key: string) =>
    api.post<{ job: OfferJob }>(`${base}/import`, fileForm(file, { exclude_invalid: String(excludeInvalid) }), idem(key)),
  exportPriceList: (format: "csv" | "xlsx", filters: ProductFilters) => api.download(`${base}/export.${format}`, { query: { ...filters } }),
};

/** An Idempotency-Key: crypto.randomUUID where the page is a secure context, random bytes otherwise. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}
