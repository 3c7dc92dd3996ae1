// eMAG client metrics on the shared registry. Labels never carry ids (order/acknowledge/123 is
// recorded as resource "order", action "acknowledge") so cardinality stays bounded.
import client from "prom-client";
import { metric } from "@/lib/metrics/registry";

export const emagRequests = () =>
  metric(
    "emag_api_requests_total",
    (registers) =>
      new client.Counter({
        name: "emag_api_requests_total",
        help: "eMAG API attempts by account, route and outcome (HTTP status, api_error for isError:true, timeout, network)",
        labelNames: ["account", "resource", "action", "status"],
        registers,
      }),
  );

export const emagRequestDuration = () =>
  metric(
    "emag_api_request_duration_seconds",
    (registers) =>
      new client.Histogram({
        name: "emag_api_request_duration_seconds",
        help: "eMAG API attempt duration (excluding rate-limit waits) by account, route and outcome",
        labelNames: ["account", "resource", "action", "status"],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 8, 13, 21, 34, 60],
        registers,
      }),
  );

export const emagRateLimitHits = () =>
  metric(
    "emag_rate_limit_hits_total",
    (registers) =>
      new client.Counter({
        name: "emag_rate_limit_hits_total",
        help: "HTTP 429 answers received from eMAG",
        labelNames: ["account"],
        registers,
      }),
  );

export const emagRateLimitWait = () =>
  metric(
    "emag_rate_limit_wait_seconds",
    (registers) =>
      new client.Histogram({
        name: "emag_rate_limit_wait_seconds",
        help: "Time a request waited for a slot in the client-side eMAG budget",
        labelNames: ["account", "bucket"],
        buckets: [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
        registers,
      }),
  );

export function recordAttempt(
  labels: { account: string; resource: string; action: string; status: string },
  seconds: number,
) {
  emagRequests().inc(labels);
  emagRequestDuration().observe(labels, seconds);
}
