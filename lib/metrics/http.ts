import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { env } from "@/lib/env";
import { metric, metricsRegistry } from "@/lib/metrics/registry";

export const httpDuration = () =>
  metric(
    "http_request_duration_seconds",
    (registers) =>
      new client.Histogram({
        name: "http_request_duration_seconds",
        help: "HTTP request duration by method, route group and status",
        labelNames: ["method", "route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
  );

/** Collapses ids so label cardinality stays bounded: /api/v1/users/<uuid> -> /api/v1/users/:id. */
export function routeLabel(url: string): string {
  const p = url.split("?")[0] ?? "/";
  if (p.startsWith("/_next/")) return "/_next/*";
  if (p.startsWith("/socket.io")) return "/socket.io";
  return p
    .split("/")
    .map((seg) => (/^[0-9a-f-]{16,}$/i.test(seg) || /^\d+$/.test(seg) ? ":id" : seg))
    .join("/")
    .slice(0, 80);
}

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** null when allowed; otherwise the reason to answer 401. */
export function metricsAuthError(authorization: string | null): string | null {
  const token = env().METRICS_TOKEN;
  if (!token) return null;
  const given = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
  return safeEqual(given, token) ? null : "A valid METRICS_TOKEN bearer token is required";
}

export async function renderMetrics() {
  const registry = metricsRegistry();
  httpDuration(); // registered even before the first request is observed
  return { body: await registry.metrics(), contentType: registry.contentType };
}
