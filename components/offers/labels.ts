// Labels for offer fields, job kinds and statuses, shared by the products, jobs and import screens.
import type { OfferField, OfferItemStatus, OfferJobKind, OfferJobStatus } from "@/lib/ui/queries/offers";

export const fieldLabels: Record<OfferField, string> = {
  sale_price: "Sale price",
  recommended_price: "Recommended",
  min_sale_price: "Min price",
  max_sale_price: "Max price",
  stock: "Stock",
  handling_time: "Handling time",
  status: "Status",
};

export const fieldLabel = (f: string) => fieldLabels[f as OfferField] ?? f.replace(/_/g, " ");

export const offerStatusLabels: Record<number, string> = { 0: "Inactive", 1: "Active", 2: "End of life" };
export const offerStatusOptions = [1, 0, 2].map((value) => ({ value, label: offerStatusLabels[value]! }));

export const jobKindLabels: Record<OfferJobKind, string> = {
  single: "Single offer",
  bulk: "Bulk change",
  import: "Price list import",
  repricer: "Repricer",
  inventory: "Inventory",
  retry: "Retry",
};

export const jobStatusLooks: Record<OfferJobStatus, { color: string; label: string }> = {
  pending: { color: "default", label: "Pending" },
  running: { color: "processing", label: "Running" },
  completed: { color: "success", label: "Completed" },
  partial: { color: "warning", label: "Partial" },
  failed: { color: "error", label: "Failed" },
  cancelled: { color: "default", label: "Cancelled" },
};

export const itemStatusLooks: Record<OfferItemStatus, { color: string; label: string }> = {
  pending: { color: "default", label: "Pending" },
  sending: { color: "processing", label: "Sending" },
  applied: { color: "success", label: "Applied" },
  rejected: { color: "error", label: "Rejected" },
  failed: { color: "error", label: "Failed" },
  cancelled: { color: "default", label: "Cancelled" },
  skipped: { color: "default", label: "Skipped" },
};
