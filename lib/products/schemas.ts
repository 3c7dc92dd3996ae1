import { z } from "zod";
import { pageFields } from "@/lib/api/schemas";
import { accountKinds } from "@/lib/sync/options";

/** Query values arrive as strings; an empty one (e.g. `brand=`) means "no filter". */
const opt = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** Compared with an int column: outside int4 PostgreSQL fails the cast (22003). */
const stock = z.coerce.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(-2_147_483_648).max(2_147_483_647);

export const productSorts = ["name", "sale_price", "general_stock", "last_synced_at", "part_number"] as const;

export const productFiltersSchema = z.object({
  account: opt(z.enum(accountKinds, { message: "must be main or fbe" })),
  /** active = status 1, inactive = any other status (both exclude removed offers); removed = gone from eMAG. */
  status: opt(z.enum(["active", "inactive", "removed"], { message: "must be active, inactive or removed" })),
  stock_min: opt(stock),
  stock_max: opt(stock),
  price_min: opt(z.coerce.number().min(0)),
  price_max: opt(z.coerce.number().min(0)),
  brand: opt(z.string().trim().min(1).max(200)),
  validation_status: opt(z.coerce.number().int().min(0).max(99)),
  /** Name or part number (substring, case-insensitive; whole words below 3 characters, see lib/products/sql.ts), PNK or EAN (exact). */
  search: opt(z.string().trim().min(1).max(200)),
  sort: z.enum(productSorts, { message: `must be one of ${productSorts.join(", ")}` }).default("name"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("asc"),
});
export type ProductFilters = z.infer<typeof productFiltersSchema>;

export const listProductsQuerySchema = productFiltersSchema.extend(pageFields);
export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

const price = z.number({ message: "must be a number" }).min(0).max(1e9);

/**
 * PATCH /products/{id}: local edits of tracked fields. Each edit is recorded in local_edits with
 * its time and author, and the sync's conflict_strategy decides what happens to it later.
 * discard_local_edits: true drops every edit and restores eMAG's last values.
 */
export const updateProductSchema = z
  .object({
    name: z.string().trim().min(1).max(500),
    sale_price: price,
    recommended_price: price.nullable(),
    min_sale_price: price,
    max_sale_price: price,
    general_stock: z.number().int().min(0).max(65_535),
    status: z.union([z.literal(0), z.literal(1), z.literal(2)], { message: "must be 0, 1 or 2" }),
    discard_local_edits: z.literal(true, { message: "must be true" }),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "at least one field is required" })
  .refine((v) => !(v.discard_local_edits && Object.keys(v).length > 1), { message: "discard_local_edits cannot be combined with edits" });
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

/** POST /api/v1/emag/products/cleanup-stuck-syncs: how long a running sync may go without a heartbeat. */
export const cleanupStuckSyncsQuerySchema = z.object({ timeout_minutes: z.coerce.number().int().min(5).max(60).default(15) });
