// Inventory items as the API shows them (joined with their offer), the paged list, the low-stock
// card, and an item's edit (available, buffer, threshold), audited.
import { AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InventoryItemJson, InventoryPage, ItemPatch, ItemsQuery, LowStockJson } from "./api-types";
import { checkLowStock } from "./low-stock";
import { loadSettings, requireMain, type InventoryActor, type LoadedSettings } from "./settings";
import { MAX_EMAG_STOCK } from "./stock";

type Row = Omit<InventoryItemJson, "pushed_at" | "updated_at"> & { pushed_at: Date | null; updated_at: Date };

/** The item columns, with the values in force (would_push, effective buffer/threshold, low) computed here. */
export const itemSelect = (s: LoadedSettings) => Prisma.sql`
  SELECT i.product_id::text AS id, i.account::text AS account, i.emag_offer_id, p.name, p.part_number, i.available, i.buffer,
    COALESCE(i.buffer, ${s.defaultBuffer}::int) AS effective_buffer, i.low_stock_threshold,
    COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int) AS effective_threshold,
    LEAST(${MAX_EMAG_STOCK}::int, GREATEST(0, i.available - COALESCE(i.buffer, ${s.defaultBuffer}::int))) AS would_push,
    p.general_stock AS emag_stock, p.status AS emag_status, i.pushed_stock, i.pushed_at, i.auto_disabled,
    (i.dirty_at IS NOT NULL) AS dirty, (i.available <= COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int)) AS low, i.updated_at
  FROM inventory_items i JOIN emag_products p ON p.id = i.product_id`;

export const toItemJson = (r: Row): InventoryItemJson => ({ ...r, pushed_at: r.pushed_at?.toISOString() ?? null, updated_at: r.updated_at.toISOString() });

const SORTS: Record<ItemsQuery["sort"], string> = {
  name: "p.name",
  available: "i.available",
  would_push: "GREATEST(0, i.available - COALESCE(i.buffer, $default))",
  emag_stock: "p.general_stock",
  updated_at: "i.updated_at",
};

function orderBy(q: ItemsQuery, s: LoadedSettings) {
  const expr = SORTS[q.sort].replace("$default", `${Number(s.defaultBuffer)}`);
  return Prisma.raw(`ORDER BY ${expr} ${q.order === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST"}, i.product_id`);
}

function itemsWhere(q: Pick<ItemsQuery, "low" | "search">, s: LoadedSettings) {
  const parts = [Prisma.sql`i.account = 'main' AND p.removed_at IS NULL`];
  if (q.low === true) parts.push(Prisma.sql`i.available <= COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int)`);
  if (q.low === false) parts.push(Prisma.sql`i.available > COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int)`);
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(p.name ILIKE ${like} OR p.part_number ILIKE ${like} OR i.emag_offer_id = ${q.search} OR p.part_number_key = ${q.search})`);
  }
  return Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}`;
}

export async function findItems(q: ItemsQuery): Promise<InventoryPage<InventoryItemJson>> {
  const s = await loadSettings(requireMain(q.account));
  const where = itemsWhere(q, s);
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Row[]>`${itemSelect(s)} ${where} ${orderBy(q, s)} LIMIT ${q.pageSize}::int OFFSET ${(q.page - 1) * q.pageSize}::int`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM inventory_items i JOIN emag_products p ON p.id = i.product_id ${where}`,
  ]);
  return { data: rows.map(toItemJson), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The dashboard card: the lowest items first (available - threshold), at most `limit`. */
export async function listLowStock(account: ItemsQuery["account"], limit: number): Promise<LowStockJson> {
  const s = await loadSettings(requireMain(account));
  if (!s.enabled) return { data: [], total: 0, enabled: false };
  const where = itemsWhere({ low: true }, s);
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<Row[]>`${itemSelect(s)} ${where}
      ORDER BY i.available - COALESCE(i.low_stock_threshold, ${s.lowStockThreshold}::int), p.name NULLS LAST, i.product_id LIMIT ${limit}::int`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM inventory_items i JOIN emag_products p ON p.id = i.product_id ${where}`,
  ]);
  return { data: rows.map(toItemJson), total: count?.n ?? 0, enabled: true };
}

export async function getItem(id: string, s?: LoadedSettings): Promise<InventoryItemJson> {
  const settings = s ?? (await loadSettings("main"));
  const [row] = await db.$queryRaw<Row[]>`${itemSelect(settings)} WHERE i.product_id = ${id}::uuid`;
  if (!row) throw new AppError("not_found", "Inventory item not found");
  return toItemJson(row);
}

/** Edits one item; a new available or buffer makes it due for a push. Audited with before and after. */
export async function updateItem(id: string, patch: ItemPatch, actor: InventoryActor): Promise<InventoryItemJson> {
  const s = await loadSettings("main");
  await db.$transaction(async (tx) => {
    const before = await tx.inventoryItem.findUnique({ where: { productId: id } });
    if (!before) throw new AppError("not_found", "Inventory item not found");
    requireMain(before.account);
    const moves = (patch.available !== undefined && patch.available !== before.available) || (patch.buffer !== undefined && patch.buffer !== before.buffer);
    await tx.inventoryItem.update({
      where: { productId: id },
      data: { available: patch.available, buffer: patch.buffer, lowStockThreshold: patch.low_stock_threshold, ...(moves ? { dirtyAt: new Date() } : {}) },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId ?? null,
      action: "inventory.item.update",
      entityType: "inventory_item",
      entityId: id,
      oldValues: { available: before.available, buffer: before.buffer, low_stock_threshold: before.lowStockThreshold },
      newValues: { ...patch, emag_offer_id: before.emagOfferId },
    });
  });
  if (s.enabled) await checkLowStock("main");
  return getItem(id, s);
}
