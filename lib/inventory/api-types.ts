// The inventory API's request and response shapes, defined once for the routes and the UI. Pure
// (zod and the shared paging fields only), so browser code may import it.
import { z } from "zod";
import { pageFields } from "@/lib/api/schemas";

const ACCOUNTS = ["main", "fbe"] as const;
export type InventoryAccount = (typeof ACCOUNTS)[number];

/** ?account=main (the default). FBE is refused by the service with a 422 naming `account`. */
export const accountQuerySchema = z.object({
  account: z.enum(ACCOUNTS, { message: "must be main or fbe" }).default("main"),
});

const count = (max: number) => z.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(0, { message: "must be at least 0" }).max(max, { message: `must be at most ${max}` });
const MAX_STOCK = 1_000_000;

export const settingsBodySchema = z
  .strictObject({
    enabled: z.boolean({ message: "must be true or false" }).optional(),
    default_buffer: count(65_535).optional(),
    auto_toggle: z.boolean({ message: "must be true or false" }).optional(),
    low_stock_threshold: count(MAX_STOCK).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "give at least one setting" });
export type SettingsBody = z.infer<typeof settingsBodySchema>;

export const itemPatchSchema = z
  .strictObject({
    available: count(MAX_STOCK).optional(),
    /** null: the account's default buffer. */
    buffer: count(65_535).nullable().optional(),
    /** null: the account's threshold. */
    low_stock_threshold: count(MAX_STOCK).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "give at least one of available, buffer, low_stock_threshold" });
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export const INVENTORY_SORTS = ["name", "available", "would_push", "emag_stock", "updated_at"] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];
const flag = z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean({ message: "must be true or false" }).optional());

export const itemsQuerySchema = accountQuerySchema.extend({
  ...pageFields,
  low: flag,
  search: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(200).optional()),
  sort: z.enum(INVENTORY_SORTS, { message: `must be one of ${INVENTORY_SORTS.join(", ")}` }).default("name"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("asc"),
});
export type ItemsQuery = z.infer<typeof itemsQuerySchema>;

export const driftQuerySchema = accountQuerySchema.extend({ ...pageFields });
export type DriftQuery = z.infer<typeof driftQuerySchema>;

export const driftFixSchema = z.strictObject({
  /** Offers (product ids) to fix; absent: every drifting offer. */
  ids: z.array(z.uuid({ message: "must be a product id (UUID)" })).min(1, { message: "give at least one id, or leave ids out to fix all" }).max(20_000).optional(),
});

export const lowStockQuerySchema = accountQuerySchema.extend({
  limit: z.coerce.number({ message: "must be a number" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }).max(50, { message: "must be at most 50" }).default(10),
});

export interface InventorySettingsJson {
  account: InventoryAccount;
  enabled: boolean;
  default_buffer: number;
  auto_toggle: boolean;
  low_stock_threshold: number;
  updated_at: string | null;
  counts: { items: number; low: number; dirty: number };
}

export interface InventoryItemJson {
  id: string;
  account: InventoryAccount;
  emag_offer_id: string;
  name: string | null;
  part_number: string | null;
  available: number;
  buffer: number | null;
  effective_buffer: number;
  low_stock_threshold: number | null;
  effective_threshold: number;
  would_push: number;
  emag_stock: number | null;
  emag_status: number | null;
  pushed_stock: number | null;
  pushed_at: string | null;
  auto_disabled: boolean;
  dirty: boolean;
  low: boolean;
  updated_at: string;
}

export interface InventoryPage<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PushResult {
  account: InventoryAccount;
  skipped?: "disabled" | "fbe" | "busy";
  planned: number;
  sent: number;
  unchanged: number;
  invalid: number;
  job_id: string | null;
  engine?: string;
}

export interface LowStockJson {
  data: InventoryItemJson[];
  total: number;
  enabled: boolean;
}
