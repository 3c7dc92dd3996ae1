// What a written batch of orders tells people: order:new for orders seen for the first time
// (once: only the statement that inserted the row reports it), order:updated for status changes,
// and notifications for the new ones. History (backfill, first import) is stored silently.
import { raiseAlert } from "@/lib/alerts/raise";
import { ORDER_STATUS_LABELS } from "@/lib/emag/order-rules";
import { notifySafely, type NewNotification } from "@/lib/notifications/service";
import type { UpsertedOrder } from "@/lib/orders/store";
import { emit } from "@/lib/realtime/emit";

/** Above this many new orders in one batch, one summary notification instead of one each. */
export const MAX_ORDER_NOTIFICATIONS = 20;

const money = (total: string, currency: string | null) => `${Number(total).toFixed(2)} ${currency ?? "RON"}`;
export const orderLink = (id: string) => `/orders?order_id=${id}`;

export async function announceOrders(written: UpsertedOrder[], opts: { silent: boolean; syncId?: string }) {
  const fresh = opts.silent ? [] : written.filter((w) => w.inserted);
  for (const o of fresh)
    emit("order:new", {
      id: o.id, account: o.account, emagOrderId: o.emag_order_id, status: o.status, customerName: o.customer_name, total: Number(o.total), currency: o.currency,
    });
  for (const o of written) {
    if (o.inserted || o.prev_status === null || o.prev_status === o.status) continue;
    emit("order:updated", { id: o.id, account: o.account, emagOrderId: o.emag_order_id, status: o.status, previousStatus: o.prev_status });
  }
  if (!fresh.length) return;
  void raiseAlert("order.high_value", { orders: fresh.map((o) => ({ account: o.account, emagOrderId: o.emag_order_id, total: Number(o.total), currency: o.currency, customer: o.customer_name })) });
  const items: NewNotification[] =
    fresh.length > MAX_ORDER_NOTIFICATIONS
      ? [{
          type: "order.new",
          category: "orders",
          priority: "high",
          title: `${fresh.length} new orders`,
          body: `${fresh.filter((o) => o.status === 1).length} awaiting acknowledgement`,
          link: "/orders?status=1",
        }]
      : fresh.map((o) => ({
          type: "order.new",
          category: "orders" as const,
          priority: o.status === 1 ? ("high" as const) : ("normal" as const),
          title: `New ${o.account.toUpperCase()} order ${o.emag_order_id}`,
          body: `${o.customer_name ?? "Customer"} · ${money(o.total, o.currency)} · ${ORDER_STATUS_LABELS[o.status] ?? o.status}`,
          link: orderLink(o.id),
        }));
  await notifySafely("orders.read", items);
}
