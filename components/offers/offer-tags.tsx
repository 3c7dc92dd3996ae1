"use client";
// Coloured tags for offer jobs and their items.
import { Tag } from "antd";
import { itemStatusLooks, jobKindLabels, jobStatusLooks } from "@/components/offers/labels";
import type { OfferItemStatus, OfferJobKind, OfferJobStatus } from "@/lib/ui/queries/offers";

export function JobStatusTag({ status }: { status: OfferJobStatus }) {
  const look = jobStatusLooks[status] ?? { color: "default", label: status };
  return <Tag color={look.color} data-status={status} data-testid="offer-job-status">{look.label}</Tag>;
}

export function ItemStatusTag({ status }: { status: OfferItemStatus }) {
  const look = itemStatusLooks[status] ?? { color: "default", label: status };
  return <Tag color={look.color} data-status={status}>{look.label}</Tag>;
}

export const JobKindTag = ({ kind }: { kind: OfferJobKind }) => <Tag>{jobKindLabels[kind] ?? kind}</Tag>;
