// Options of a product sync: the POST /sync body schema, and the normalised form stored in
// sync_logs.options (snake_case, every default filled in) that every step reads back.
import { z } from "zod";

export const accountKinds = ["main", "fbe"] as const;
export type AccountKind = (typeof accountKinds)[number];
export const conflictStrategies = ["emag_priority", "local_priority", "newest_wins", "manual"] as const;
export type ConflictStrategy = (typeof conflictStrategies)[number];

/** Pages per chunk step: a failure retries one chunk, and finished chunks are never fetched again. */
export const CHUNK_PAGES = 10;
/**
 * Chunk steps in flight per account. With 10 pages (~3.4 s of the 3 req/s budget) per chunk and
 * 3-4 s eMAG latency, three lanes keep the account's budget busy while a chunk waits for its last page.
 */
export const CHUNK_LANES = 3;

export const syncRequestSchema = z
  .object({
    account_type: z.enum(["main", "fbe", "both"], { message: "must be main, fbe or both" }).default("both"),
    mode: z.enum(["full", "incremental"], { message: "must be full or incremental" }).default("incremental"),
    max_pages: z.number().int().min(1).max(65_535).nullable().optional(),
    items_per_page: z.number().int().min(1).max(100).default(100),
    include_inactive: z.boolean({ message: "must be true or false" }).default(true),
    conflict_strategy: z.enum(conflictStrategies, { message: `must be one of ${conflictStrategies.join(", ")}` }).default("emag_priority"),
    run_async: z.boolean({ message: "must be true or false" }).default(true),
    timeout_seconds: z.number().int().min(10).max(3600).default(600),
  })
  .strict();
export type SyncRequest = z.output<typeof syncRequestSchema>;

/** What sync_logs.options holds. */
export const syncOptionsSchema = syncRequestSchema.omit({ account_type: true }).extend({
  account_type: z.enum(["main", "fbe", "both"]),
  max_pages: z.number().int().nullable(),
});
export type SyncOptions = z.output<typeof syncOptionsSchema>;

export const accountsFor = (type: SyncOptions["account_type"]): AccountKind[] => (type === "both" ? ["main", "fbe"] : [type]);

export function normaliseOptions(input: Partial<SyncRequest>): SyncOptions {
  const parsed = syncRequestSchema.parse(input);
  return { ...parsed, max_pages: parsed.max_pages ?? null };
}

/** Last page a sync reads for an account, given eMAG's page count. */
export const lastPage = (o: SyncOptions, emagPages: number) => (o.max_pages ? Math.min(o.max_pages, emagPages) : emagPages);

/** Read filter: only active offers unless include_inactive. */
export const readFilter = (o: SyncOptions) => (o.include_inactive ? {} : { status: 1 as const });

export type TriggeredBy = "user" | "api" | "schedule";
export interface SyncActor {
  triggeredBy: TriggeredBy;
  userId?: string | null;
}
