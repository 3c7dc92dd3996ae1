// Sync clients for the suite: tests/sync/support.ts's fast clients, but kept, so a test can read
// their usage (429s seen, waits) after a run.
import { createEmagClient, type EmagClient } from "@/lib/emag/client";
import type { EmagSimulator } from "@/lib/emag/simulator";
import { FAST_LIMITS, SIM_CREDENTIALS } from "@/lib/emag/test-support";
import { setSyncClientFactory } from "@/lib/sync/runtime";
import type { AccountKind } from "@/lib/sync/options";

/** budgets: "fast" (FAST_LIMITS, the default) or "emag" (eMAG's real budget). */
export function useSyncClients(sim: EmagSimulator, opts: { timeoutMs?: number; budgets?: "fast" | "emag" } = {}) {
  const clients: Partial<Record<AccountKind, EmagClient>> = {};
  setSyncClientFactory((kind) =>
    (clients[kind] ??= createEmagClient({
      kind,
      baseUrl: sim.url,
      ...SIM_CREDENTIALS[kind],
      retryMinMs: 20,
      retryMaxMs: 200,
      timeoutMs: opts.timeoutMs ?? 10_000,
      limiter: opts.budgets === "emag" ? undefined : { budgets: FAST_LIMITS },
    })),
  );
  return {
    clients,
    rateLimitHits: () =>
      Object.values(clients).reduce((s, c) => s + c.usage().buckets.default.rateLimitHits + c.usage().buckets.orders.rateLimitHits, 0),
    async stop() {
      setSyncClientFactory(undefined);
      await Promise.all(Object.values(clients).map((c) => c.close()));
    },
  };
}

/** Counts rows sharing a natural key (0 = no duplicates). */
export const duplicatesSql = {
  products: `SELECT count(*)::int AS n FROM (SELECT 1 FROM emag_products GROUP BY account, emag_offer_id HAVING count(*) > 1) d`,
  orders: `SELECT count(*)::int AS n FROM (SELECT 1 FROM emag_orders GROUP BY account, emag_order_id HAVING count(*) > 1) d`,
  orderLines: `SELECT count(*)::int AS n FROM (SELECT 1 FROM emag_order_lines GROUP BY account, emag_order_id, line_id HAVING count(*) > 1) d`,
};

export const fmt = (n: number) => n.toLocaleString("en-US");
