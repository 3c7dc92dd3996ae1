import { timingSafeEqual } from "node:crypto";
import path from "node:path";
import client from "prom-client";
import { env } from "@/lib/env";
import { metric, metricsRegistry } from "@/lib/metrics/registry";
import { matchRoute, scanRouteTemplates, type RouteTemplate } from "@/lib/metrics/routes";

export const httpDuration = () =>
  metric(
    "http_request_duration_seconds",
    (registers) =>
      new client.Histogram({
        name: "http_request_duration_seconds",
        help: "HTTP request duration by method, route template and status",
        labelNames: ["method", "route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
  );

let templates: RouteTemplate[] | undefined; // read at first use
const appDir = () => path.resolve(process.cwd(), "app"); // the server runs from the repo root

/**
 * The route label of a request URL: the template of the app route it belongs to
 * (/api/v1/users/:id, /api/v1/files/invoices/:file), or one of a fixed few (/_next/*, /socket.io,
 * other). Never a raw path, so ids and secret tokens stay out of /metrics and label sets stay
 * bounded by the route table.
 */
export function routeLabel(url: string): string {
  const p = url.split(/[?#]/)[0] || "/";
  if (p.startsWith("/_next/") || p.startsWith("/__nextjs")) return "/_next/*";
  if (p === "/socket.io" || p.startsWith("/socket.io/")) return "/socket.io";
  templates ??= scanRouteTemplates(appDir());
  return matchRoute(templates, p) ?? "other";
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
