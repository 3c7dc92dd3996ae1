// Prometheus metrics of the product sync, on the shared registry. The two gauges read the
// database when scraped, so they are right whichever process (server, Inngest worker) ran a sync.
import client from "prom-client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { metric } from "@/lib/metrics/registry";

export const syncDuration = () =>
  metric("emag_sync_duration_seconds", (registers) =>
    new client.Histogram({
      name: "emag_sync_duration_seconds",
      help: "Wall time of finished product syncs by mode and final status",
      labelNames: ["mode", "status"],
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600],
      registers,
    }),
  );

export const syncProducts = () =>
  metric("emag_sync_products_total", (registers) =>
    new client.Counter({
      name: "emag_sync_products_total",
      help: "Offers processed by product syncs, by account and action (created, updated, unchanged, removed, failed, conflict)",
      labelNames: ["account", "action"],
      registers,
    }),
  );

export const syncErrors = () =>
  metric("emag_sync_errors_total", (registers) =>
    new client.Counter({
      name: "emag_sync_errors_total",
      help: "Product sync errors by account and type (eMAG error code, timeout, stuck, internal)",
      labelNames: ["account", "type"],
      registers,
    }),
  );

export const syncTimeouts = () =>
  metric("emag_sync_timeouts_total", (registers) =>
    new client.Counter({ name: "emag_sync_timeouts_total", help: "Product syncs stopped by their timeout", registers }),
  );

async function safely(what: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    logger.warn({ err, metric: what }, "metric collection failed"); // a scrape must not fail on it
  }
}

export const syncInProgress = () =>
  metric("emag_sync_in_progress", (registers) =>
    new client.Gauge({
      name: "emag_sync_in_progress",
      help: "Product syncs currently running",
      registers,
      async collect() {
        await safely("emag_sync_in_progress", async () => {
          this.set(await db.syncLog.count({ where: { type: "products", status: "running" } }));
        });
      },
    }),
  );

export const productsCount = () =>
  metric("emag_products_count", (registers) =>
    new client.Gauge({
      name: "emag_products_count",
      help: "Offers stored per account (not removed)",
      labelNames: ["account"],
      registers,
      async collect() {
        await safely("emag_products_count", async () => {
          const rows = await db.emagProduct.groupBy({ by: ["account"], where: { removedAt: null }, _count: { _all: true } });
          this.reset();
          for (const account of ["main", "fbe"]) this.set({ account }, rows.find((r) => r.account === account)?._count._all ?? 0);
        });
      },
    }),
  );

/** Registers every sync metric so /metrics lists them from the start. */
export function registerSyncMetrics() {
  syncDuration();
  syncProducts();
  syncErrors();
  syncTimeouts();
  syncInProgress();
  productsCount();
}
