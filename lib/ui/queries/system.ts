// System status and health: wire types, query keys and query options.
import { queryOptions } from "@tanstack/react-query";
import type { CacheStats } from "@/lib/cache";
import { api } from "@/lib/ui/api-client";

export type { CacheStats }; // defined once, by lib/cache (GET /api/v1/system/cache returns it as is)

export type HealthStatus = "healthy" | "degraded" | "down";
export type InngestMode = "dev" | "cloud" | "in-process";

export interface SystemAccount {
  kind: "main" | "fbe";
  displayName: string;
  mode: "live" | "demo";
}

export interface SystemStatus {
  status: HealthStatus;
  version: string;
  uptimeSeconds: number;
  demoMode: boolean;
  inngestMode: InngestMode;
  database: { status: HealthStatus };
  lastHealthCheck: { status: HealthStatus; createdAt: string } | null;
  accounts: SystemAccount[];
}

export interface DetailedHealth {
  status: HealthStatus;
  checkedAt: string;
  uptimeSeconds: number;
  version: string;
  checks: {
    database: { status: HealthStatus; latencyMs: number; message?: string };
    migrations: { status: HealthStatus; applied: number; pending: string[] };
    redis: { status: HealthStatus; configured: boolean; latencyMs?: number; message?: string };
    inngest: { status: HealthStatus; mode: InngestMode; message?: string; schedules?: { id: string; name: string; cron: string }[] };
    disk: { status: HealthStatus; freeBytes: number; totalBytes: number; usedPercent: number };
    memory: { status: HealthStatus; rssBytes: number; heapUsedBytes: number; systemFreeBytes: number; systemTotalBytes: number };
  };
}

export const systemKeys = {
  all: ["system"] as const,
  status: () => [...systemKeys.all, "status"] as const,
  health: () => [...systemKeys.all, "health-detailed"] as const,
  cache: () => [...systemKeys.all, "cache"] as const,
};

export const systemQueries = {
  status: () =>
    queryOptions({
      queryKey: systemKeys.status(),
      queryFn: ({ signal }) => api.get<SystemStatus>("/api/v1/system/status", { signal }),
      refetchInterval: 60_000,
    }),
  health: () =>
    queryOptions({
      queryKey: systemKeys.health(),
      queryFn: ({ signal }) => api.get<DetailedHealth>("/api/health/detailed", { signal }),
      refetchInterval: 30_000,
    }),
  /** Admin only (system.health). */
  cache: () =>
    queryOptions({
      queryKey: systemKeys.cache(),
      queryFn: ({ signal }) => api.get<CacheStats>("/api/v1/system/cache", { signal }),
      refetchInterval: 30_000,
    }),
};
