// One run per cron tick across instances. Every instance running the in-process scheduler fires
// the same tick; the first to claim (schedule id, tick) in PostgreSQL runs it, the others skip.
// The claim is one conditional upsert on the schedule's row, so it holds on the embedded default too.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

type LeaseGlobal = { __magflowInstanceId?: string };
const g = globalThis as LeaseGlobal;

/** This process's name in job_leases.holder: host, pid and a random suffix (pids repeat across containers). */
export const instanceId = () =>
  (g.__magflowInstanceId ??= `${env().INSTANCE_NAME ?? hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`);

/**
 * Claims the tick of a schedule for this instance: true for the first caller of a (key, tick),
 * false for every later one (another instance, or a repeated call here). A tick older than the
 * one last claimed is never claimed (an instance whose clock lags cannot re-run it).
 * expiresAt: until when the claim stands (the schedule's next tick); informational.
 */
export async function claimTick(key: string, tick: Date, expiresAt: Date, holder = instanceId()): Promise<boolean> {
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO job_leases (key, tick, holder, expires_at)
    VALUES (${key}, ${tick}::timestamptz, ${holder}, ${expiresAt}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET tick = EXCLUDED.tick, holder = EXCLUDED.holder, claimed_at = now(), expires_at = EXCLUDED.expires_at
      WHERE job_leases.tick < EXCLUDED.tick
    RETURNING holder`;
  return rows.length === 1;
}
