// Reconciliation: offers whose stock on eMAG (as last stored: emag_products.general_stock, which a
// product sync refreshes and an applied push updates) differs from what MagFlow would send. "Fix"
// marks those items (all, or the selected ids) due and runs the same push as orders do.
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DriftQuery, InventoryAccount, InventoryItemJson, InventoryPage, PushResult } from "./api-types";
import { itemSelect, toItemJson } from "./items";
import { pushInventory } from "./push";
import { loadSettings, requireMain, type InventoryActor, type LoadedSettings } from "./settings";
import { MAX_EMAG_STOCK } from "./stock";

const driftWhere = (s: LoadedSettings) => Prisma.sql`
  WHERE i.account = 'main' AND p.removed_at IS NULL
    AND p.general_stock IS DISTINCT FROM LEAST(${MAX_EMAG_STOCK}::int, GREATEST(0, i.available - COALESCE(i.buffer, ${s.defaultBuffer}::int)))`;

export async function findDrift(q: DriftQuery): Promise<InventoryPage<InventoryItemJson & { difference: number | null }>> {
  const s = await loadSettings(requireMain(q.account));
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Parameters<typeof toItemJson>[0][]>`${itemSelect(s)} ${driftWhere(s)}
      ORDER BY abs(COALESCE(p.general_stock, 0) - GREATEST(0, i.available - COALESCE(i.buffer, ${s.defaultBuffer}::int))) DESC, p.name NULLS LAST, i.product_id
      LIMIT ${q.pageSize}::int OFFSET ${(q.page - 1) * q.pageSize}::int`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM inventory_items i JOIN emag_products p ON p.id = i.product_id ${driftWhere(s)}`,
  ]);
  return {
    data: rows.map((r) => {
      const item = toItemJson(r);
      return { ...item, difference: item.emag_stock === null ? null : item.emag_stock - item.would_push };
    }),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Pushes the drifting offers (all, or those of `ids` that drift) through the inventory push. */
export async function fixDrift(account: InventoryAccount, ids: string[] | undefined, actor: InventoryActor): Promise<PushResult & { marked: number }> {
  const s = await loadSettings(requireMain(account));
  if (!s.enabled) throw new AppError("conflict", "Inventory is off for MAIN; switch it on first");
  const only = ids ? Prisma.sql`AND i.product_id = ANY(${ids}::uuid[])` : Prisma.empty;
  const marked = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE inventory_items u SET dirty_at = now() - interval '1 hour'
      FROM (SELECT i.product_id FROM inventory_items i JOIN emag_products p ON p.id = i.product_id ${driftWhere(s)} ${only}
            ORDER BY i.product_id FOR UPDATE OF i) d
      WHERE u.product_id = d.product_id
      RETURNING u.product_id::text AS id`;
    await recordAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId ?? null,
      action: "inventory.drift.fix",
      entityType: "inventory_settings",
      entityId: "main",
      newValues: { selected: ids?.length ?? "all", marked: rows.length },
    });
    return rows.length;
  });
  const pushed = await pushInventory("main", { debounceMs: 0 });
  return { ...pushed, marked };
}
