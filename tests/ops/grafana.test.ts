// The Grafana dashboard (ops/grafana/magflow.json) only queries metrics MagFlow really exports:
// after real eMAG calls (against the simulator, including 429s) and the sync metrics' own
// registration, every metric name in every panel's PromQL must be listed by the real GET /metrics
// (a histogram's _bucket/_sum/_count count as the histogram). And the reverse: every emag_* and
// http_* metric /metrics exports has a panel.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/metrics/route";
import { simClient, startTestSimulator } from "@/lib/emag/test-support";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { registerSyncMetrics } from "@/lib/sync/metrics";

const root = path.resolve(import.meta.dirname, "../..");
const FUNCTIONS_AND_KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan"]);

/** Every metric name a PromQL expression selects (functions, labels, strings, ranges and Grafana variables left out). */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings (label values, regexes)
    .replace(/\{[^}]*\}/g, " ") // label matchers
    .replace(/\[[^\]]*\]/g, " ") // range selectors [5m], [$__rate_interval]
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ") // label lists
    .replace(/\$\{?\w+\}?/g, " "); // Grafana variables
  const names = [...bare.matchAll(/(?<![\w:.])([a-zA-Z_:][\w:]*)\b(?!\s*\()/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !FUNCTIONS_AND_KEYWORDS.has(n.toLowerCase())))];
}

type Panel = { type: string; title: string; targets?: { expr: string }[]; panels?: Panel[]; datasource?: { uid?: string } };
type Variable = { name: string; type: string; definition?: string };
const dashboard = JSON.parse(readFileSync(path.join(root, "ops/grafana/magflow.json"), "utf8")) as { panels: Panel[]; templating: { list: Variable[] } };
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== "row");
const exprs = [
  ...panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr }))),
  // label_values(metric{…}, label): the metric is the selector, the label is not a metric
  ...dashboard.templating.list.filter((v) => v.type === "query").map((v) => ({ panel: `$${v.name}`, expr: /label_values\(([^,]+),/.exec(v.definition ?? "")?.[1] ?? "" })),
];

let sim: EmagSimulator;
let exported: Map<string, string>; // name -> type, from `# TYPE` lines

beforeAll(async () => {
  // Real eMAG traffic: two unshared budgets on one account overrun the simulator's gateway limit,
  // so requests, durations, budget waits and 429s are all recorded by the real transport.
  sim = await startTestSimulator({ products: { main: 5, fbe: 5 }, orders: 5 });
  const a = simClient(sim, "main", { maxRetries: 10 });
  const b = simClient(sim, "main", { maxRetries: 10 });
  await Promise.all([...Array.from({ length: 4 }, () => a.vat.read()), ...Array.from({ length: 4 }, () => b.vat.read())]);
  await Promise.all([a.close(), b.close()]);
  registerSyncMetrics(); // what the server does at boot
  const res = await metricsRoute(new Request("http://localhost/metrics"));
  expect(res.status).toBe(200);
  const text = await res.text();
  exported = new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
});
afterAll(() => sim?.close());

/** The exported metric a series name belongs to (histogram and summary series carry suffixes). */
function exportedAs(name: string): string | undefined {
  if (exported.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, "");
  const type = exported.get(base);
  return type === "histogram" || (type === "summary" && !name.endsWith("_bucket")) ? base : undefined;
}

describe("metric names in PromQL", () => {
  it("finds selected metrics, not functions, labels, strings or variables", () => {
    expect(metricNames('sum by (le, route) (rate(http_request_duration_seconds_bucket{job=~"$job",route!~"/_next/.*"}[$__rate_interval]))')).toEqual([
      "http_request_duration_seconds_bucket",
    ]);
    expect(metricNames("sum(rate(a_total[5m])) / on (x) group_left sum(b_total offset 1h) * 60 > bool 0.5")).toEqual(["a_total", "b_total"]);
    expect(metricNames("histogram_quantile(0.95, sum by (le) (rate(x_bucket[1h])))")).toEqual(["x_bucket"]);
  });
});

describe("ops/grafana/magflow.json", () => {
  it("has panels with PromQL on the dashboard's Prometheus variable", () => {
    expect(dashboard.templating.list).toEqual(expect.arrayContaining([expect.objectContaining({ name: "datasource", type: "datasource" })]));
    expect(panels.length).toBeGreaterThan(15);
    for (const p of panels) {
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      expect(p.datasource?.uid, p.title).toBe("${datasource}");
    }
  });

  it("every metric a panel queries is exported by GET /metrics", () => {
    const missing = exprs.flatMap(({ panel, expr }) => metricNames(expr).filter((n) => !exportedAs(n)).map((n) => `${panel}: ${n}`));
    const used = new Set(exprs.flatMap(({ expr }) => metricNames(expr)));
    expect(used.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it("every emag_* and http_* metric GET /metrics exports has a panel", () => {
    const used = new Set(exprs.flatMap(({ expr }) => metricNames(expr)).map((n) => exportedAs(n)));
    const ours = [...exported.keys()].filter((n) => n.startsWith("emag_") || n.startsWith("http_"));
    expect(ours).toEqual(expect.arrayContaining(["emag_api_requests_total", "emag_rate_limit_hits_total", "emag_sync_duration_seconds", "http_request_duration_seconds"]));
    expect(ours.filter((n) => !used.has(n))).toEqual([]);
  });
});

describe("ops/prometheus.yml", () => {
  it("scrapes /metrics with METRICS_TOKEN as a bearer token", () => {
    const yml = readFileSync(path.join(root, "ops/prometheus.yml"), "utf8");
    expect(yml).toMatch(/metrics_path: \/metrics/);
    expect(yml).toMatch(/type: Bearer/);
    expect(yml).toMatch(/credentials_file: /);
  });
});
