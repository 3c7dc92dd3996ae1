// The sync reads and creates its log on node-postgres, not Prisma: the rows must be exactly what
// Prisma returns for a SyncLog (every field, types included: UTC dates, JSON, nulls).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSyncLog, endSyncLog, patchAccountState, readSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { AppError } from "@/lib/api/errors";
import { useIsolatedDatabase } from "./support";

useIsolatedDatabase();

describe("sync log on node-postgres", () => {
  it("createSyncLog and readSyncLog return what Prisma reads, before and after the end", async () => {
    const before = Date.now();
    const log = await createSyncLog(normaliseOptions({ account_type: "both", mode: "full", max_pages: 3 }), { triggeredBy: "api" });
    expect(Math.abs(log.startedAt.getTime() - before)).toBeLessThan(5_000);
    expect(await readSyncLog(log.id)).toEqual(await db.syncLog.findUniqueOrThrow({ where: { id: log.id } }));
    expect(log).toEqual(await db.syncLog.findUniqueOrThrow({ where: { id: log.id } }));

    await patchAccountState(log.id, "main", { total_pages: 3, total_items: 250 }, { total_pages: 3, total: 250 });
    const ended = await endSyncLog(log.id, "failed", "boom");
    expect(ended?.completedAt).toBeInstanceOf(Date);
    expect(Math.abs(ended!.completedAt!.getTime() - Date.now())).toBeLessThan(5_000);
    expect(ended).toEqual(await db.syncLog.findUniqueOrThrow({ where: { id: log.id } }));
  });

  it("a second sync of a busy account is refused with the running sync's id", async () => {
    const log = await createSyncLog(normaliseOptions({ account_type: "main" }), { triggeredBy: "api" });
    const err = await createSyncLog(normaliseOptions({ account_type: "both" }), { triggeredBy: "api" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toMatchObject({ running_sync_id: log.id, account: "main" });
    expect(await readSyncLog("00000000-0000-0000-0000-000000000000")).toBeNull();
    await endSyncLog(log.id, "cancelled");
  });
});
