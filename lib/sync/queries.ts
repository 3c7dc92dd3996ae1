// Read side of product syncs: current status, history, statistics.
import { z } from "zod";
import { pageFields, type Page } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serializeSyncLog, SYNC_TYPE, type SyncLogJson } from "@/lib/sync/log-store";
import { accountKinds } from "@/lib/sync/options";

export const historyQuerySchema = z.object({
  ...pageFields,
  status: z.enum(["running", "completed", "failed", "partial", "cancelled"]).optional(),
  account: z.enum(accountKinds).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export async function syncStatus() {
  const [current, recent] = await Promise.all([
    db.syncLog.findFirst({ where: { type: SYNC_TYPE, status: "running" }, orderBy: { startedAt: "desc" } }),
    db.syncLog.findMany({ where: { type: SYNC_TYPE }, orderBy: { startedAt: "desc" }, take: 10 }),
  ]);
  return { is_running: !!current, current_sync: current ? serializeSyncLog(current) : null, recent_syncs: recent.map(serializeSyncLog) };
}

export async function findSyncHistory(q: HistoryQuery): Promise<Page<SyncLogJson>> {
  const where: Prisma.SyncLogWhereInput = {
    type: SYNC_TYPE,
    ...(q.status ? { status: q.status } : {}),
    ...(q.account ? { accounts: { has: q.account } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.syncLog.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.syncLog.count({ where }),
  ]);
  return { data: rows.map(serializeSyncLog), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Totals per account: total = offers not removed (active = status 1, inactive = the rest),
 * removed counted apart. success_rate = completed / finished syncs of the last 7 days.
 */
export async function syncStatistics() {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const [rows, recent, last] = await Promise.all([
    db.$queryRaw<{ account: string; active: number; inactive: number; removed: number }[]>`
      SELECT account::text AS account,
        count(*) FILTER (WHERE removed_at IS NULL AND status = 1)::int AS active,
        count(*) FILTER (WHERE removed_at IS NULL AND status IS DISTINCT FROM 1)::int AS inactive,
        count(*) FILTER (WHERE removed_at IS NOT NULL)::int AS removed
      FROM emag_products GROUP BY account`,
    db.syncLog.groupBy({ by: ["status"], where: { type: SYNC_TYPE, startedAt: { gte: weekAgo } }, _count: { _all: true } }),
    db.syncLog.findFirst({ where: { type: SYNC_TYPE, status: { in: ["completed", "partial"] } }, orderBy: { completedAt: "desc" }, select: { completedAt: true } }),
  ]);
  const by_account = accountKinds.map((account) => {
    const r = rows.find((x) => x.account === account) ?? { active: 0, inactive: 0, removed: 0 };
    return { account, total: r.active + r.inactive, active: r.active, inactive: r.inactive, removed: r.removed };
  });
  const count = (s: string) => recent.find((r) => r.status === s)?._count._all ?? 0;
  const finished = ["completed", "partial", "failed", "cancelled"].reduce((n, s) => n + count(s), 0);
  return {
    total_products: by_account.reduce((n, a) => n + a.total, 0),
    by_account,
    recent_syncs: recent.reduce((n, r) => n + r._count._all, 0),
    success_rate: finished ? Math.round((count("completed") / finished) * 1000) / 1000 : null,
    last_sync_at: last?.completedAt?.toISOString() ?? null,
  };
}
