// Stored eMAG offers: list (filters, search, sort), one offer, and local edits.
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/api/errors";
import type { Page } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { readQuery } from "@/lib/products/read-db";
import { PRODUCT_COLUMNS, productListSql } from "@/lib/products/sql";
import type { ListProductsQuery, UpdateProductInput } from "@/lib/products/schemas";
import { offerColumnsSql, trackedFields, type TrackedField } from "@/lib/sync/offer-row";

export interface ProductRow {
  id: string;
  account: "main" | "fbe";
  emag_offer_id: string;
  part_number: string | null;
  part_number_key: string | null;
  name: string | null;
  brand: string | null;
  category_id: number | null;
  sale_price: number | null;
  recommended_price: number | null;
  min_sale_price: number | null;
  max_sale_price: number | null;
  currency: string | null;
  vat_id: number | null;
  general_stock: number | null;
  estimated_stock: number | null;
  handling_time: number | null;
  stock: { warehouse_id: number; value: number }[];
  status: number | null;
  validation_status: number | null;
  offer_validation_status: number | null;
  number_of_offers: number | null;
  buy_button_rank: number | null;
  best_offer_sale_price: number | null;
  best_offer_recommended_price: number | null;
  images: string[];
  eans: string[];
  local_edits: Record<string, { value: unknown; edited_at: string; edited_by: string | null }>;
  sync_conflict: Record<string, unknown> | null;
  first_seen_at: Date;
  last_synced_at: Date;
  removed_at: Date | null;
}

/** Product JSON: dates as ISO strings; prices are numbers with at most 4 decimals (ex-VAT). */
export const serializeProduct = (r: ProductRow) => ({
  ...r,
  first_seen_at: r.first_seen_at.toISOString(),
  last_synced_at: r.last_synced_at.toISOString(),
  removed_at: r.removed_at?.toISOString() ?? null,
});
export type ProductJson = ReturnType<typeof serializeProduct>;

/** The list response as JSON text, built by Postgres in one statement (the route sends it as is). */
export async function findProductsJson(q: ListProductsQuery): Promise<string> {
  const [row] = await readQuery<{ body: string }>(productListSql(q), { prepared: Boolean(q.search) });
  return row!.body;
}

export async function findProducts(q: ListProductsQuery): Promise<Page<ProductJson>> {
  return JSON.parse(await findProductsJson(q)) as Page<ProductJson>;
}

async function productRow(id: string, tx: Prisma.TransactionClient | typeof db = db, lock = false) {
  const [row] = await tx.$queryRaw<(ProductRow & { raw: unknown })[]>`
    SELECT ${PRODUCT_COLUMNS}, r.raw FROM emag_products p LEFT JOIN emag_product_raw r ON r.product_id = p.id
    WHERE p.id = ${id}::uuid ${lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`;
  if (!row) throw new AppError("not_found", "Product not found");
  return row;
}

/** One offer, with eMAG's item as last read (`raw`). */
export async function getProduct(id: string) {
  const row = await productRow(id);
  return { ...serializeProduct(row), raw: row.raw };
}

const COLUMN: Record<TrackedField, keyof Prisma.EmagProductUpdateInput> = {
  name: "name",
  sale_price: "salePrice",
  recommended_price: "recommendedPrice",
  min_sale_price: "minSalePrice",
  max_sale_price: "maxSalePrice",
  general_stock: "generalStock",
  status: "status",
};

/**
 * Local edit: writes the fields and records each in local_edits { value, edited_at, edited_by },
 * which the sync's conflict_strategy honours. Edits are not pushed to eMAG. Clears a pending
 * "manual" conflict on the offer, since the user has now decided.
 */
export async function updateProduct(id: string, input: UpdateProductInput, actor: { id: string; requestId?: string }) {
  return db.$transaction(async (tx) => {
    const before = await productRow(id, tx, true);
    const data: Prisma.EmagProductUpdateInput = { syncConflict: Prisma.DbNull };
    let edits: ProductRow["local_edits"] = { ...before.local_edits };
    const changed: Partial<Record<TrackedField, unknown>> = {};
    if (input.discard_local_edits) {
      // eMAG's last values come back from the stored raw item, mapped exactly as the sync maps it.
      await tx.$executeRawUnsafe(
        `UPDATE emag_products p SET ${trackedFields.map((f) => `${f} = m.${f}`).join(", ")}
         FROM (SELECT ${offerColumnsSql("r.raw")} FROM emag_product_raw r WHERE r.product_id = $1::uuid) m
         WHERE p.id = $1::uuid`,
        id,
      );
      edits = {};
    } else {
      const editedAt = new Date().toISOString();
      for (const f of trackedFields) {
        const value = input[f];
        if (value === undefined) continue;
        (data as Record<string, unknown>)[COLUMN[f]] = value;
        edits[f] = { value, edited_at: editedAt, edited_by: actor.id };
        changed[f] = value;
      }
    }
    data.localEdits = edits as Prisma.InputJsonObject;
    await tx.emagProduct.update({ where: { id }, data, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id, requestId: actor.requestId, action: input.discard_local_edits ? "product.discard_edits" : "product.edit",
      entityType: "emag_product", entityId: id,
      oldValues: Object.fromEntries(Object.keys(input.discard_local_edits ? before.local_edits : changed).map((k) => [k, before[k as TrackedField]])),
      newValues: input.discard_local_edits ? { local_edits: {} } : changed,
    });
    const after = await productRow(id, tx);
    return { ...serializeProduct(after), raw: after.raw };
  });
}
