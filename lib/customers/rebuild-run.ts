// A full customer rebuild on request (POST /api/v1/customers/rebuild): one at a time across every
// instance (a session advisory lock; a second request is a 409, not a queue), audited, and the
// cached summaries dropped afterwards.
import { AppError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { invalidateCache } from "@/lib/cache";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pools";
import type { RebuildResult } from "./api-types";
import { rebuildCustomers } from "./upkeep";

/** pg advisory lock id held for the whole rebuild ("customers rebuild"). */
export const REBUILD_LOCK = 7_240_211;

export async function runCustomersRebuild(actor: AuditActor): Promise<RebuildResult> {
  // Held on a connection of its own: the rebuild runs its own transaction elsewhere.
  const lock = await pgPool("read").connect();
  let broken = false;
  try {
    const [row] = (await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [REBUILD_LOCK])).rows;
    if (!row?.ok) throw new AppError("conflict", "A customer rebuild is already running; try again when it has finished");
    try {
      const result = await rebuildCustomers();
      await invalidateCache("customers");
      await recordAudit(db, {
        actorId: actor.userId ?? null,
        requestId: actor.requestId ?? null,
        action: "customers.rebuild",
        entityType: "customers",
        newValues: { customers: result.customers, orders: result.orders, ms: result.ms },
      });
      return { customers: result.customers, orders: result.orders, ms: result.ms };
    } finally {
      // A connection that cannot unlock is destroyed (which ends its lock) rather than pooled.
      await lock.query("SELECT pg_advisory_unlock($1::bigint)", [REBUILD_LOCK]).catch(() => (broken = true));
    }
  } finally {
    lock.release(broken);
  }
}
