// Low stock: an item whose available falls to or below its threshold (its own, else the account's,
// 20 by default) raises one notification per crossing. low_stock_notified_at marks the crossing
// and is cleared once the item is back above, so the next fall notifies again. Checked after every
// push (each minute and after each order sync) and after an item edit. Rows another transaction
// holds are skipped (SKIP LOCKED) and seen at the next check, so the check never waits on an order page.
import { raiseAlert } from "@/lib/alerts/raise";
import { db } from "@/lib/db";
import { notifySafely, type NewNotification } from "@/lib/notifications/service";

/** More crossings than this at once become one summary notification for the rest. */
const MAX_SINGLE_NOTIFICATIONS = 10;

type Crossing = { product_id: string; emag_offer_id: string; name: string | null; available: number; threshold: number };

export async function checkLowStock(account: "main"): Promise<{ crossed: number; reset: number }> {
  const rows = await db.$queryRaw<(Crossing & { crossed: boolean })[]>`
    WITH s AS (SELECT low_stock_threshold AS t FROM inventory_settings WHERE account = ${account}::"AccountKind" AND enabled),
    due AS (
      SELECT i.product_id, (i.available <= COALESCE(i.low_stock_threshold, s.t)) AS low, COALESCE(i.low_stock_threshold, s.t) AS threshold
      FROM inventory_items i CROSS JOIN s
      WHERE i.account = ${account}::"AccountKind"
        AND ((i.low_stock_notified_at IS NULL AND i.available <= COALESCE(i.low_stock_threshold, s.t))
          OR (i.low_stock_notified_at IS NOT NULL AND i.available > COALESCE(i.low_stock_threshold, s.t)))
      ORDER BY i.product_id
      FOR UPDATE OF i SKIP LOCKED
    )
    UPDATE inventory_items i SET low_stock_notified_at = CASE WHEN due.low THEN now() END
    FROM due WHERE i.product_id = due.product_id
    RETURNING i.product_id::text AS product_id, i.emag_offer_id, i.available, due.threshold, due.low AS crossed,
      (SELECT p.name FROM emag_products p WHERE p.id = i.product_id) AS name`;
  const crossed = rows.filter((r) => r.crossed);
  if (crossed.length) await notifySafely("offers.read", lowStockNotifications(crossed));
  if (crossed.length) void raiseAlert("inventory.low_stock", { account, items: crossed });
  return { crossed: crossed.length, reset: rows.length - crossed.length };
}

export function lowStockNotifications(crossed: Crossing[]): NewNotification[] {
  const single = crossed.length > MAX_SINGLE_NOTIFICATIONS ? crossed.slice(0, MAX_SINGLE_NOTIFICATIONS - 1) : crossed;
  const out: NewNotification[] = single.map((c) => ({
    type: "inventory.low-stock",
    category: "orders",
    priority: c.available <= 0 ? "high" : "normal",
    title: `Low stock: ${c.name ?? `offer ${c.emag_offer_id}`}`,
    body: `${c.available} available (threshold ${c.threshold}), offer ${c.emag_offer_id}`,
    link: `/offers/inventory?low=1&search=${encodeURIComponent(c.emag_offer_id)}`,
  }));
  const rest = crossed.length - single.length;
  if (rest > 0)
    out.push({ type: "inventory.low-stock", category: "orders", priority: "normal", title: `${rest} more offers are low on stock`, body: "See the low-stock list on the inventory page.", link: "/offers/inventory?low=1" });
  return out;
}
