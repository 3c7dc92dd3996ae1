// Inventory settings per account (MAIN only: FBE stock is eMAG's). Turning inventory on creates
// one inventory_items row per live MAIN offer with available = the offer's current eMAG stock
// (emag_products.general_stock) and every other column at its default (own buffer/threshold null =
// the account's, nothing dirty): switching on changes nothing on eMAG by itself; the drift report
// shows what the buffer would change, and "Fix" sends it. Switching on again after a pause
// re-reads available from eMAG (orders were not counted meanwhile) and keeps per-item buffers and
// thresholds. Offers that appear later get their row at the next push or order.
import { fieldError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { InventoryAccount, InventorySettingsJson, SettingsBody } from "./api-types";

export const DEFAULT_SETTINGS = { enabled: false, defaultBuffer: 0, autoToggle: false, lowStockThreshold: 20 } as const;

export interface InventoryActor {
  userId: string | null;
  requestId?: string | null;
}

/** Inventory is MAIN's only: 422 naming `account` for FBE. */
export function requireMain(account: InventoryAccount): "main" {
  if (account !== "main") throw fieldError("unprocessable_entity", "account", "FBE stock is held by eMAG");
  return account;
}

export async function loadSettings(account: "main") {
  const row = await db.inventorySetting.findUnique({ where: { account } });
  return row ?? { account, ...DEFAULT_SETTINGS, updatedById: null, updatedAt: null };
}
export type LoadedSettings = Awaited<ReturnType<typeof loadSettings>>;

export async function getSettings(account: InventoryAccount): Promise<InventorySettingsJson> {
  const s = await loadSettings(requireMain(account));
  const [counts] = await db.$queryRaw<{ items: number; low: number; dirty: number }[]>`
    SELECT count(*)::int AS items,
      count(*) FILTER (WHERE i.available <= COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int))::int AS low,
      count(*) FILTER (WHERE i.dirty_at IS NOT NULL)::int AS dirty
    FROM inventory_items i WHERE i.account = ${account}::"AccountKind"`;
  return {
    account: "main",
    enabled: s.enabled,
    default_buffer: s.defaultBuffer,
    auto_toggle: s.autoToggle,
    low_stock_threshold: s.lowStockThreshold,
    updated_at: s.updatedAt?.toISOString() ?? null,
    counts: counts ?? { items: 0, low: 0, dirty: 0 },
  };
}

/** Rows for live MAIN offers that have none yet (available = eMAG's stock, nothing to push). */
export const INSERT_MISSING_ITEMS = `
INSERT INTO inventory_items (product_id, account, emag_offer_id, available, low_stock_notified_at)
SELECT p.id, p.account, p.emag_offer_id, GREATEST(COALESCE(p.general_stock, 0), 0),
  -- already low when first counted: not a crossing, so no notification (the dashboard lists it)
  CASE WHEN GREATEST(COALESCE(p.general_stock, 0), 0) <= $2::int THEN now() END
FROM emag_products p
WHERE p.account = $1::"AccountKind" AND p.removed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM inventory_items i WHERE i.product_id = p.id)
ON CONFLICT DO NOTHING`;

export async function updateSettings(account: InventoryAccount, body: SettingsBody, actor: InventoryActor): Promise<InventorySettingsJson> {
  const main = requireMain(account);
  await db.$transaction(async (tx) => {
    // One writer at a time: the row lock orders concurrent PUTs (the first PUT creates the row).
    await tx.$executeRaw`INSERT INTO inventory_settings (account) VALUES (${main}::"AccountKind") ON CONFLICT DO NOTHING`;
    const [before] = await tx.$queryRaw<{ enabled: boolean; default_buffer: number; auto_toggle: boolean; low_stock_threshold: number }[]>`
      SELECT enabled, default_buffer, auto_toggle, low_stock_threshold FROM inventory_settings WHERE account = ${main}::"AccountKind" FOR UPDATE`;
    const after = await tx.inventorySetting.update({
      where: { account: main },
      data: {
        enabled: body.enabled,
        defaultBuffer: body.default_buffer,
        autoToggle: body.auto_toggle,
        lowStockThreshold: body.low_stock_threshold,
        updatedById: actor.userId,
      },
    });
    const touchesItems = after.enabled && (!before!.enabled || after.defaultBuffer !== before!.default_buffer || (after.autoToggle && !before!.auto_toggle));
    // Item rows are locked in product order, as every multi-row writer here does (lib/inventory/orders.ts).
    if (touchesItems) await tx.$executeRaw`SELECT 1 FROM inventory_items WHERE account = ${main}::"AccountKind" ORDER BY product_id FOR UPDATE`;
    if (after.enabled && !before!.enabled) {
      // (Re)baseline from eMAG's stock: while inventory was off, no order was counted.
      await tx.$executeRaw`
        UPDATE inventory_items i SET available = GREATEST(COALESCE(p.general_stock, 0), 0), dirty_at = NULL, auto_disabled = false,
          low_stock_notified_at = CASE WHEN GREATEST(COALESCE(p.general_stock, 0), 0) <= COALESCE(i.low_stock_threshold, ${after.lowStockThreshold}::int) THEN now() END,
          updated_at = now()
        FROM emag_products p WHERE p.id = i.product_id AND i.account = ${main}::"AccountKind"`;
      await tx.$executeRawUnsafe(INSERT_MISSING_ITEMS, main, after.lowStockThreshold);
    } else if (after.enabled) {
      // What would be sent changed: a new default buffer moves the items that use it; turning
      // auto-toggle on concerns the offers at 0.
      if (after.defaultBuffer !== before!.default_buffer)
        await tx.$executeRaw`UPDATE inventory_items SET dirty_at = now() WHERE account = ${main}::"AccountKind" AND buffer IS NULL`;
      if (after.autoToggle && !before!.auto_toggle)
        await tx.$executeRaw`UPDATE inventory_items SET dirty_at = now()
          WHERE account = ${main}::"AccountKind" AND available - COALESCE(buffer, ${after.defaultBuffer}::int) <= 0`;
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId ?? null,
      action: "inventory.settings.update",
      entityType: "inventory_settings",
      entityId: main,
      oldValues: before,
      newValues: { enabled: after.enabled, default_buffer: after.defaultBuffer, auto_toggle: after.autoToggle, low_stock_threshold: after.lowStockThreshold },
    });
  });
  return getSettings(main);
}
