import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emit } from "@/lib/realtime/emit";
import { checkDatabase, checkRedis, worst, type HealthStatus } from "@/lib/system/health";

export type ScheduledCheck = { status: HealthStatus; [k: string]: unknown };

export { checkDatabase, checkRedis };

/** Persists one scheduled health result and announces it on the `system` channel. */
export async function recordHealthResult(checks: Record<string, ScheduledCheck>, source: string) {
  const status = worst(Object.values(checks).map((c) => c.status));
  const row = await db.healthCheck.create({
    data: { status, checks: checks as Prisma.InputJsonObject, source },
    select: { id: true, status: true, createdAt: true },
  });
  emit("system:health", { status, checkedAt: row.createdAt.toISOString() });
  return { id: row.id, status, createdAt: row.createdAt.toISOString() };
}

export async function lastHealthCheck() {
  return db.healthCheck.findFirst({ orderBy: { createdAt: "desc" }, select: { status: true, source: true, createdAt: true } });
}
