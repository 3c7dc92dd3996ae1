"use client";
// On every admin page: a toast for each new order ("New order 3115… from <customer>, <total>")
// with a link to it. Events are gathered briefly so a sync that brings in many orders at once
// shows one summary instead of a wall of toasts.
import { useEffect, useRef } from "react";
import { ShoppingCartOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useRouter } from "next/navigation";
import { useCurrentUser } from "@/components/layout/current-user";
import { accountLabels } from "@/components/emag/labels";
import { useSocketEvent } from "@/components/providers/use-socket";
import { can } from "@/lib/auth/permissions";
import type { ServerToClientEvents } from "@/lib/realtime/events";
import { formatMoney } from "@/lib/ui/format";

type NewOrder = Parameters<ServerToClientEvents["order:new"]>[0];

const GATHER_MS = 700;
/** Up to this many orders in one burst get a toast each; more become one summary toast. */
const MAX_SINGLE_TOASTS = 5;

export function NewOrderToasts() {
  const { role } = useCurrentUser();
  return can(role, "orders.read") ? <Toaster /> : null;
}

function Toaster() {
  const { notification } = App.useApp();
  const router = useRouter();
  const batch = useRef<NewOrder[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const go = (href: string, key: string) => {
    notification.destroy(key);
    router.push(href);
  };

  const toastOne = (e: NewOrder) => {
    const key = `order-new-${e.id}`;
    const who = e.customerName ? ` from ${e.customerName}` : "";
    const total = `, ${formatMoney(e.total, e.currency)}`;
    notification.info({
      key,
      icon: <ShoppingCartOutlined />,
      title: `New ${accountLabels[e.account] ?? e.account} order`,
      description: `New order ${e.emagOrderId}${who}${total}`,
      actions: (
        <Button type="primary" size="small" onClick={() => go(`/orders?order_id=${encodeURIComponent(e.id)}`, key)}>
          Open order
        </Button>
      ),
      props: { "data-testid": "new-order-toast" } as Record<string, string>,
    });
  };

  const flush = () => {
    timer.current = null;
    const events = batch.current;
    batch.current = [];
    if (events.length <= MAX_SINGLE_TOASTS) {
      events.forEach(toastOne);
      return;
    }
    notification.info({
      key: "order-new-summary",
      icon: <ShoppingCartOutlined />,
      title: `${events.length} new orders`,
      description: `Latest: ${events.map((e) => e.emagOrderId).slice(-3).join(", ")}`,
      actions: (
        <Button type="primary" size="small" onClick={() => go("/orders", "order-new-summary")}>
          View orders
        </Button>
      ),
    });
  };

  useSocketEvent("order:new", (e) => {
    batch.current.push(e);
    timer.current ??= setTimeout(flush, GATHER_MS);
  });

  return null;
}
