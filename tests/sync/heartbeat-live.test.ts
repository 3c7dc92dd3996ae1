// Boot recovery fails only syncs whose worker is gone: a product sync another instance is running
// (heartbeat every HEARTBEAT_MS, also between steps) is never failed at HEARTBEAT_MS * 3.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { beat, createSyncLog } from "@/lib/sync/log-store";
import { normaliseOptions } from "@/lib/sync/options";
import { HEARTBEAT_MS, holdHeartbeat, stopHeartbeats } from "@/lib/sync/runtime";
import { cleanupStuckSyncs } from "@/lib/sync/service";
import { useIsolatedDatabase } from "./support";

useIsolatedDatabase();
afterAll(() => stopHeartbeats());

const BOUND = HEARTBEAT_MS * 3;

describe("product sync heartbeat", () => {
  it("keeps a live sync fresh through a step and the gap after it; a dead one is failed", { timeout: 30_000 }, async () => {
    const log = await createSyncLog(normaliseOptions({ account_type: "main", mode: "full" }), { triggeredBy: "user" });
    const release = holdHeartbeat(log.id, () => beat(log.id));
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 2));
    release(); // the step ended; the next waits for a retry's backoff
    await new Promise((r) => setTimeout(r, BOUND + 1_000));
    expect(await cleanupStuckSyncs(BOUND, "Interrupted (server restarted)")).toEqual({ cleaned: 0, ids: [] });
    stopHeartbeats(); // the process dies
    await new Promise((r) => setTimeout(r, BOUND + 1_000));
    expect(await cleanupStuckSyncs(BOUND, "Interrupted (server restarted)")).toEqual({ cleaned: 1, ids: [log.id] });
    expect((await db.syncLog.findUniqueOrThrow({ where: { id: log.id } })).status).toBe("failed");
  });
});
