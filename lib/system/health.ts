// Health checks: each reports healthy | degraded | down, and the worst decides the overall status.
import { statfs } from "node:fs/promises";
import os from "node:os";
import { Redis } from "ioredis";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { migrationState } from "@/lib/db/migrate";
import { jobMode } from "@/lib/jobs/mode";
import { schedules } from "@/lib/jobs/schedules";

export type HealthStatus = "healthy" | "degraded" | "down";
const rank: Record<HealthStatus, number> = { healthy: 0, degraded: 1, down: 2 };
export const worst = (list: HealthStatus[]): HealthStatus => list.reduce((a, b) => (rank[b] > rank[a] ? b : a), "healthy");

export const version = "0.1.0";

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: Math.round((performance.now() - t) * 10) / 10 };
}

export async function checkDatabase() {
  try {
    const { ms } = await timed(() => db.$queryRaw`SELECT 1`);
    return { status: (ms > 500 ? "degraded" : "healthy") as HealthStatus, latencyMs: ms };
  } catch (e) {
    return { status: "down" as HealthStatus, latencyMs: null, message: (e as Error).message.split("\n")[0] };
  }
}

export async function checkMigrations() {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  try {
    await client.connect();
    const s = await migrationState(client);
    const status: HealthStatus = s.failed.length ? "down" : s.pending.length ? "degraded" : "healthy";
    return { status, applied: s.applied.length, pending: s.pending, failed: s.failed };
  } catch (e) {
    return { status: "down" as HealthStatus, applied: 0, pending: [], failed: [], message: (e as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function checkRedis() {
  const url = env().REDIS_URL;
  if (!url) return { status: "healthy" as HealthStatus, configured: false, message: "not configured (in-memory limits)" };
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  try {
    await redis.connect();
    const { ms } = await timed(() => redis.ping());
    return { status: "healthy" as HealthStatus, configured: true, latencyMs: ms };
  } catch (e) {
    return { status: "down" as HealthStatus, configured: true, message: (e as Error).message };
  } finally {
    redis.disconnect();
  }
}

/** Which engine runs the jobs, and the schedules it fires (one table for Inngest and the in-process fallback). */
export function checkInngest() {
  const { mode, reason } = jobMode();
  const list = Object.values(schedules).map((s) => ({ id: s.id, name: s.name, cron: s.cron }));
  return { status: "healthy" as HealthStatus, mode, message: reason, schedules: list };
}

export async function checkDisk() {
  const s = await statfs(process.cwd());
  const totalBytes = s.blocks * s.bsize;
  const freeBytes = s.bavail * s.bsize;
  const usedPercent = totalBytes ? Math.round((1 - freeBytes / totalBytes) * 1000) / 10 : 0;
  const status: HealthStatus = usedPercent > 95 ? "down" : usedPercent > 85 ? "degraded" : "healthy";
  return { status, freeBytes, totalBytes, usedPercent };
}

export function checkMemory() {
  const m = process.memoryUsage();
  const systemTotalBytes = os.totalmem();
  const systemFreeBytes = os.freemem();
  const freeShare = systemFreeBytes / systemTotalBytes;
  const status: HealthStatus = freeShare < 0.03 ? "down" : freeShare < 0.1 ? "degraded" : "healthy";
  return { status, rssBytes: m.rss, heapUsedBytes: m.heapUsed, systemFreeBytes, systemTotalBytes };
}

export async function detailedHealth() {
  const [database, migrations, redis, disk] = await Promise.all([checkDatabase(), checkMigrations(), checkRedis(), checkDisk()]);
  const checks = { database, migrations, redis, inngest: checkInngest(), disk, memory: checkMemory() };
  return {
    status: worst(Object.values(checks).map((c) => c.status)),
    checkedAt: new Date().toISOString(),
    uptimeSeconds: Math.round(process.uptime()),
    version,
    checks,
  };
}
