// The audit trail: one audit_logs row per write, with who (user id + request id, or null for jobs),
// what (action, entity) and the values before and after.
import type { Prisma } from "@/lib/generated/prisma/client";

/** A transaction client (preferred: the change and its entry commit together) or the main client. */
type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

/** Who did it: a user (with the request id), or nobody (a job: say which in newValues.by). */
export interface AuditActor {
  userId?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
  requestId?: string | null;
  ip?: string | null;
}

const SECRET_KEYS = new Set(["password", "passwordHash", "token", "tokenHash", "secret"]);

/** Strips anything secret before it is persisted (passwords are recorded only as "changed"). */
export function scrub(values: Record<string, unknown> | null | undefined) {
  if (!values) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = SECRET_KEYS.has(k) ? "[changed]" : v instanceof Date ? v.toISOString() : v;
  }
  return out as Prisma.InputJsonObject;
}

const rowOf = (e: AuditEntry) => ({
  actorId: e.actorId ?? null,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId ?? null,
  oldValues: scrub(e.oldValues),
  newValues: scrub(e.newValues),
  requestId: e.requestId ?? null,
  ip: e.ip ?? null,
});

/**
 * Written inside the caller's transaction, so the change and its audit entry commit together. Where
 * the write is not a Prisma transaction (raw pool statements), pass `db` right after the write.
 */
export async function recordAudit(client: AuditClient, e: AuditEntry) {
  await client.auditLog.create({ data: rowOf(e) });
}

/** Several entries in one statement (a bulk change: one entry per record changed). */
export async function recordAudits(client: AuditClient, entries: AuditEntry[]) {
  if (entries.length) await client.auditLog.createMany({ data: entries.map(rowOf) });
}
