// One prom-client registry per process. It is kept on globalThis because Next bundles route
// handlers separately from server.ts, and both must write to the same registry.
import client from "prom-client";

type MetricsGlobal = { __magflowMetrics?: client.Registry };
const g = globalThis as MetricsGlobal;

export function metricsRegistry(): client.Registry {
  if (!g.__magflowMetrics) {
    const registry = new client.Registry();
    client.collectDefaultMetrics({ register: registry });
    g.__magflowMetrics = registry;
  }
  return g.__magflowMetrics;
}

/** Get-or-create a metric by name, so every bundle shares one instance. */
export function metric<T extends client.Metric<string>>(name: string, create: (registers: client.Registry[]) => T): T {
  const registry = metricsRegistry();
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as unknown as T;
  return create([registry]);
}
