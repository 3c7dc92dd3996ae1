"use client";
// Small tags for an order: its eMAG status (one colour per status) and its type (MAIN / FBE).
import { Tag, Tooltip } from "antd";
import { orderStatusLooks, orderTypeLooks } from "@/components/orders/labels";
import type { OrderStatus, OrderType } from "@/lib/ui/queries/orders";

export function OrderStatusTag({ status }: { status: number }) {
  const look = orderStatusLooks[status as OrderStatus] ?? { label: `Status ${status}`, color: "default" };
  return (
    <Tag color={look.color} variant="filled" data-testid="order-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {look.label}
    </Tag>
  );
}

export function OrderTypeTag({ type }: { type: number }) {
  const look = orderTypeLooks[type as OrderType];
  if (!look) return <Tag>Type {type}</Tag>;
  return (
    <Tooltip title={look.hint}>
      <Tag style={{ marginInlineEnd: 0 }}>{look.label}</Tag>
    </Tooltip>
  );
}
