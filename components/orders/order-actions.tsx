"use client";
// What can be done to an order now: each button is enabled only when eMAG's rules allow it for
// this order (can_acknowledge, allowed_statuses, can_generate_awb) and the role may write orders.
import { useState, type ReactNode } from "react";
import { CheckOutlined, FileTextOutlined, SwapOutlined, TruckOutlined } from "@ant-design/icons";
import { Button, Flex, Tooltip, theme } from "antd";
import { OrderAwbModal } from "@/components/orders/order-awb-modal";
import { OrderInvoiceModal } from "@/components/orders/order-invoice-modal";
import { OrderStatusModal } from "@/components/orders/order-status-modal";
import { useAcknowledgeOrder } from "@/components/orders/use-order-mutations";
import type { OrderSummary } from "@/lib/ui/queries/orders";

type Dialog = "status" | "awb" | "invoice" | null;

function Action({ why, ...props }: { why: string | null; icon: ReactNode; onClick: () => void; loading?: boolean; testId: string; children: ReactNode; primary?: boolean }) {
  const button = (
    <Button type={props.primary ? "primary" : "default"} icon={props.icon} onClick={props.onClick} loading={props.loading} disabled={!!why} data-testid={props.testId}>
      {props.children}
    </Button>
  );
  // A disabled button swallows hover events: the span carries the tooltip.
  return why ? (
    <Tooltip title={why}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

export function OrderActions({ order, canWrite }: { order: OrderSummary; canWrite: boolean }) {
  const { token } = theme.useToken();
  const [dialog, setDialog] = useState<Dialog>(null);
  const acknowledge = useAcknowledgeOrder();
  const role = canWrite ? null : "Your role can view orders but not change them";
  const moves = order.allowed_statuses.filter((s) => s !== order.status);

  return (
    <Flex wrap gap={token.marginXS} data-testid="order-actions">
      <Action
        primary
        testId="order-acknowledge"
        icon={<CheckOutlined />}
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate(order.id)}
        why={role ?? (order.can_acknowledge ? null : order.acknowledged_at ? "Already acknowledged" : "Only new orders can be acknowledged")}
      >
        Acknowledge
      </Action>
      <Action testId="order-change-status" icon={<SwapOutlined />} onClick={() => setDialog("status")} why={role ?? (moves.length ? null : "eMAG allows no status change from here")}>
        Change status
      </Action>
      <Action
        testId="order-generate-awb"
        icon={<TruckOutlined />}
        onClick={() => setDialog("awb")}
        why={role ?? (order.can_generate_awb ? null : order.awb_number ? "This order already has an AWB" : "An AWB can be generated once the order is in progress or prepared")}
      >
        Generate AWB
      </Action>
      <Action testId="order-attach-invoice" icon={<FileTextOutlined />} onClick={() => setDialog("invoice")} why={role ?? (order.status === 0 ? "The order is canceled" : null)}>
        {order.invoice_url ? "Replace invoice" : "Attach invoice"}
      </Action>
      {canWrite && (
        <>
          <OrderStatusModal order={order} open={dialog === "status"} onClose={() => setDialog(null)} />
          <OrderAwbModal order={order} open={dialog === "awb"} onClose={() => setDialog(null)} />
          <OrderInvoiceModal order={order} open={dialog === "invoice"} onClose={() => setDialog(null)} />
        </>
      )}
    </Flex>
  );
}
