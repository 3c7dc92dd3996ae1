"use client";
// Small tags for a product's state: offer status (or removed), and eMAG's validation status.
import { Tag, Tooltip } from "antd";
import { offerValidationLabels, saleableValidationStatuses, validationStatusLabels } from "@/components/emag/labels";
import type { Product } from "@/lib/ui/queries/emag-products";
import { formatDateTime, toNumber } from "@/lib/ui/format";

export function productState(p: Pick<Product, "status" | "removed_at">): "active" | "inactive" | "removed" | "end-of-life" {
  if (p.removed_at || p.status === "removed") return "removed";
  const n = toNumber(typeof p.status === "string" && !/^\d+$/.test(p.status) ? null : p.status);
  if (n === 1 || p.status === "active") return "active";
  if (n === 2) return "end-of-life";
  return "inactive";
}

const looks = {
  active: { color: "success", label: "Active" },
  inactive: { color: "default", label: "Inactive" },
  "end-of-life": { color: "default", label: "End of life" },
  removed: { color: "warning", label: "Removed" },
} as const;

export function ProductStatusTag({ product }: { product: Pick<Product, "status" | "removed_at"> }) {
  const state = productState(product);
  const tag = (
    <Tag color={looks[state].color} data-state={state}>
      {looks[state].label}
    </Tag>
  );
  return state === "removed" && product.removed_at ? <Tooltip title={`No longer on eMAG since ${formatDateTime(product.removed_at)}`}>{tag}</Tooltip> : tag;
}

export function ValidationTag({ value }: { value: Product["validation_status"] }) {
  const n = toNumber(value);
  if (n === null) return <Tag>Unknown</Tag>;
  const label = validationStatusLabels[n] ?? `Status ${n}`;
  return (
    <Tooltip title={saleableValidationStatuses.has(n) ? "eMAG lets this offer sell" : "eMAG does not let this offer sell"}>
      <Tag color={saleableValidationStatuses.has(n) ? "green" : n === 5 || n === 6 || n === 8 || n === 10 ? "red" : "orange"}>{label}</Tag>
    </Tooltip>
  );
}

export function OfferValidationTag({ value }: { value: Product["offer_validation_status"] }) {
  const n = toNumber(value);
  if (n === null) return <Tag>Unknown</Tag>;
  return <Tag color={n === 1 ? "green" : "red"}>{offerValidationLabels[n] ?? `Status ${n}`}</Tag>;
}
