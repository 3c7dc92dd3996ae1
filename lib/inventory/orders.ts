// Orders move inventory, inside the order page's own transaction (lib/orders/store.ts), so a page
// and its stock effect commit together. Each order line is counted exactly once however often its
// order is synced: a reservation is keyed (account, order, line) and inserted ON CONFLICT DO
// NOTHING, and only rows actually inserted take stock; a cancelled (0) or returned (5) order's
// reservations are released once (released_at IS NULL ... RETURNING), giving back exactly those.
//
// Which orders reserve: an order stored for the first time while it is open (1 new, 2 in progress,
// 3 prepared). An order first seen finalized, cancelled or returned is history that eMAG's stock
// (the baseline taken when inventory was switched on) already reflects. Line changes after an
// order was stored (eMAG storno of one line) are not followed: the reservation keeps its quantity.
import type { TxQuery } from "@/lib/customers/upkeep";

export interface InventoryOrder {
  id: string;
  account: "main" | "fbe";
  emag_order_id: string;
  status: number;
  inserted: boolean;
}

const OPEN = new Set([1, 2, 3]);
const RELEASING = new Set([0, 5]);

/**
 * One statement: reserve new orders' lines, release cancelled/returned ones, and move the items by
 * exactly the rows that changed (creating an item, from eMAG's stock, for an offer without one).
 * Items are written in product order, so two pages never wait on each other in a cycle. Touched
 * items are marked dirty for the debounced push. A no-op when inventory is off for the account.
 */
const APPLY = `
WITH s AS (SELECT account FROM inventory_settings WHERE account = 'main' AND enabled),
o AS (
  SELECT x.* FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, account "AccountKind", emag_order_id bigint, status int, inserted boolean)
  JOIN s USING (account)
),
new_lines AS (
  SELECT l.account, l.emag_order_id, l.line_id, p.id AS product_id, l.quantity
  FROM o
  JOIN emag_order_lines l ON l.order_id = o.id
  JOIN emag_products p ON p.account = l.account AND p.emag_offer_id = l.product_id
  WHERE o.inserted AND o.status IN (1, 2, 3) AND l.quantity > 0 AND l.status <> 0
),
ins AS (
  INSERT INTO inventory_reservations (account, emag_order_id, line_id, product_id, quantity)
  SELECT account, emag_order_id, line_id, product_id, quantity FROM new_lines
  ON CONFLICT DO NOTHING
  RETURNING product_id, quantity
),
rel AS (
  UPDATE inventory_reservations r SET released_at = now(), release_reason = CASE WHEN o.status = 0 THEN 'cancelled' ELSE 'returned' END
  FROM o
  WHERE o.status IN (0, 5) AND r.account = o.account AND r.emag_order_id = o.emag_order_id AND r.released_at IS NULL
  RETURNING r.product_id, r.quantity
),
delta AS (
  SELECT product_id, sum(d)::int AS d
  FROM (SELECT product_id, -quantity AS d FROM ins UNION ALL SELECT product_id, quantity FROM rel) t
  GROUP BY product_id
),
moved AS (
  INSERT INTO inventory_items AS i (product_id, account, emag_offer_id, available, dirty_at)
  SELECT p.id, p.account, p.emag_offer_id, GREATEST(COALESCE(p.general_stock, 0), 0) + d.d, now()
  FROM delta d JOIN emag_products p ON p.id = d.product_id
  WHERE d.d <> 0
  ORDER BY p.id
  ON CONFLICT (product_id) DO UPDATE SET
    -- excluded.available is eMAG's stock + delta (the new-row value): take the delta back out of it
    available = i.available + excluded.available - GREATEST(COALESCE((SELECT general_stock FROM emag_products WHERE id = excluded.product_id), 0), 0),
    dirty_at = now(),
    updated_at = now()
  RETURNING i.product_id
)
SELECT (SELECT count(*) FROM ins)::int AS reserved, (SELECT count(*) FROM rel)::int AS released, (SELECT count(*) FROM moved)::int AS items`;

export interface InventoryEffect {
  reserved: number;
  released: number;
  items: number;
}

/** Call inside the order page's transaction, after its lines are written. */
export async function applyInventoryForOrders(query: TxQuery, orders: readonly InventoryOrder[]): Promise<InventoryEffect> {
  // Only MAIN orders that can reserve or release: FBE pages and plain updates cost no statement.
  const relevant = orders.filter((o) => o.account === "main" && ((o.inserted && OPEN.has(o.status)) || RELEASING.has(o.status)));
  if (!relevant.length) return { reserved: 0, released: 0, items: 0 };
  const input = JSON.stringify(relevant.map(({ id, account, emag_order_id, status, inserted }) => ({ id, account, emag_order_id, status, inserted })));
  const [row] = await query<InventoryEffect>(APPLY, [input]);
  return row ?? { reserved: 0, released: 0, items: 0 };
}
