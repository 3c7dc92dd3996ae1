import { z } from "zod";
import { isoDay, pageFields } from "@/lib/api/schemas";
import { accountKinds } from "@/lib/sync/options";

const opt = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const emagId = z.string().regex(/^\d{1,19}$/, { message: "must be an eMAG order id (digits)" });

export const ordersSyncRequestSchema = z
  .object({
    account_type: z.enum(["main", "fbe", "both"], { message: "must be main, fbe or both" }).default("both"),
    mode: z.enum(["incremental", "backfill"], { message: "must be incremental or backfill" }).default("incremental"),
    /** backfill: orders created in the last N days; incremental: the look-back of a first sync. */
    days_back: z.number({ message: "must be a number" }).int().min(1).max(365).default(180),
  })
  .strict();
export type OrdersSyncRequest = z.output<typeof ordersSyncRequestSchema>;

/** What a sync does, stored in its log's options. order_ids: a targeted sync (eMAG callback). */
export const ordersSyncOptionsSchema = ordersSyncRequestSchema.extend({
  order_ids: z.array(emagId).max(100).optional(),
});
export type OrdersSyncOptions = z.output<typeof ordersSyncOptionsSchema>;

export const orderSorts = ["emag_created_at", "total", "status", "emag_order_id"] as const;

const statusList = z
  .string()
  .regex(/^[0-5](,[0-5])*$/, { message: "must be 0..5 or a comma list such as 1,2" })
  .transform((s) => [...new Set(s.split(",").map(Number))]);

export const orderFiltersSchema = z.object({
  account: opt(z.enum(accountKinds, { message: "must be main or fbe" })),
  status: opt(statusList),
  type: opt(z.coerce.number().refine((n) => n === 2 || n === 3, { message: "must be 2 or 3" })),
  payment_mode_id: opt(z.coerce.number().int().min(1, { message: "must be 1, 2 or 3" }).max(3, { message: "must be 1, 2 or 3" })),
  date_from: opt(isoDay),
  date_to: opt(isoDay),
  /** eMAG order id (exact), customer name (substring), phone or email. */
  search: opt(z.string().trim().min(1).max(200)),
  sort: z.enum(orderSorts, { message: `must be one of ${orderSorts.join(", ")}` }).default("emag_created_at"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("desc"),
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const listOrdersQuerySchema = orderFiltersSchema.extend(pageFields);
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

export const statusChangeSchema = z
  .object({
    status: z.number({ message: "must be a number 0..5" }).int().min(0).max(5),
    reason_cancellation: z.number({ message: "must be a number" }).int().min(1).max(99).optional(),
  })
  .strict()
  .refine((v) => v.status !== 0 || v.reason_cancellation !== undefined, { message: "is required when cancelling (status 0)", path: ["reason_cancellation"] });

export const awbRequestSchema = z
  .object({
    courier_account_id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()], { message: "must be a courier account id" }).transform(String),
    parcel_number: z.number().int().min(0).max(999).default(1),
    envelope_number: z.number().int().min(0).max(9999).default(0),
    weight: z.number().min(0).max(99_999).default(1),
    is_oversize: z.union([z.literal(0), z.literal(1)]).default(0),
    observation: z.string().max(255).optional(),
  })
  .strict()
  .refine((v) => v.parcel_number + v.envelope_number > 0, { message: "parcels and envelopes cannot both be 0", path: ["parcel_number"] });
export type AwbRequest = z.output<typeof awbRequestSchema>;

export const invoiceUrlSchema = z
  .object({
    url: z.url({ protocol: /^https$/, message: "must be an https:// URL" }).max(1024).refine((u) => /\.pdf($|\?)/i.test(u), { message: "must point to a PDF file (.pdf)" }),
    name: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

export const statisticsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
export const couriersQuerySchema = z.object({ account: z.enum(accountKinds, { message: "must be main or fbe" }).default("main") });
export const callbackParamsSchema = z.object({ account: z.enum(accountKinds, { message: "must be main or fbe" }) });
export const callbackQuerySchema = z.object({ order_id: emagId, token: z.string().max(200).optional() });
