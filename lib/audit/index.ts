import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
  requestId?: string | null;
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

/** Written inside the caller's transaction, so the change and its audit entry commit together. */
export async function recordAudit(tx: Tx, e: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: e.actorId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      oldValues: scrub(e.oldValues),
      newValues: scrub(e.newValues),
      requestId: e.requestId ?? null,
    },
  });
}
