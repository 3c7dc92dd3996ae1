// The end of every sync: customer ids settled to their oldest order's, then RFM over the whole
// customer base in one statement: the README's rank formula (rank() shares the
// lowest rank among ties, bigint division floors) and the segment grid built from RFM_GRID, so
// Postgres gives what rfmScores gives. Customers outside the base (no purchase) lose their RFM.
import { invalidateCache } from "@/lib/cache";
import { RFM_GRID } from "./rfm";
import { inCustomerTransaction, lockCustomerUpkeep, type TxQuery } from "./tx";

const GRID_VALUES = Object.entries(RFM_GRID)
  .flatMap(([r, row]) => row.map((segment, i) => `(${Number(r)}, ${i + 1}, '${segment}')`))
  .join(", ");

const score = (col: string) => `1 + (5 * (rank() OVER (ORDER BY ${col}) - 1)) / count(*) OVER ()`;

export const REFRESH_RFM = `
WITH base AS (
  SELECT id, ${score("last_purchase_at")} AS r, ${score("purchases")} AS f, ${score("net_spend")} AS m
  FROM customers WHERE purchases > 0 AND last_purchase_at IS NOT NULL
),
scored AS (
  SELECT b.id, b.r::int AS r, b.f::int AS f, b.m::int AS m, g.segment
  FROM base b JOIN (VALUES ${GRID_VALUES}) AS g(r, fm, segment) ON g.r = b.r AND g.fm = (b.f + b.m + 1) / 2
),
scored_rows AS (
  UPDATE customers c SET rfm_r = s.r, rfm_f = s.f, rfm_m = s.m, rfm_segment = s.segment
  FROM scored s WHERE c.id = s.id AND (c.rfm_r, c.rfm_f, c.rfm_m, c.rfm_segment) IS DISTINCT FROM (s.r, s.f, s.m, s.segment)
  RETURNING 1
),
cleared AS (
  UPDATE customers SET rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_segment = NULL
  WHERE NOT (purchases > 0 AND last_purchase_at IS NOT NULL)
    AND (rfm_r IS NOT NULL OR rfm_f IS NOT NULL OR rfm_m IS NOT NULL OR rfm_segment IS NOT NULL)
  RETURNING 1
)
SELECT (SELECT count(*) FROM base)::int AS customers, (SELECT count(*) FROM scored_rows)::int AS changed,
  (SELECT count(*) FROM cleared)::int AS cleared`;

/**
 * Renames every customer whose id is not its oldest order's yet (an order page merges into the
 * biggest stored customer and leaves the id to this step); keys, orders and returns follow by
 * ON UPDATE CASCADE. A target taken by another customer (only possible after orders were deleted
 * by hand) is left for a rebuild.
 */
export const SETTLE_IDS = `
UPDATE customers c SET id = c.canonical_id, updated_at = now()
WHERE c.canonical_id IS NOT NULL AND c.canonical_id <> c.id AND NOT EXISTS (SELECT 1 FROM customers t WHERE t.id = c.canonical_id)
RETURNING 1`;

/**
 * Settles customer ids (SETTLE_IDS), then recomputes rfm_r/f/m and rfm_segment of every customer. With `query`, inside the caller's
 * transaction (the caller invalidates the cache after its commit); without, in its own.
 */
export async function refreshRfm(query?: TxQuery): Promise<{ customers: number; ms: number }> {
  const started = performance.now();
  const run = async (q: TxQuery) => {
    await lockCustomerUpkeep(q);
    const renamed = (await q(SETTLE_IDS)).length;
    return { renamed, ...(await q<{ customers: number; changed: number; cleared: number }>(REFRESH_RFM))[0]! };
  };
  const result = query ? await run(query) : await inCustomerTransaction(run);
  if (!query && result.renamed) await invalidateCache("customers", "orders", "returns");
  else if (!query && result.changed + result.cleared > 0) await invalidateCache("customers");
  return { customers: result.customers, ms: Math.round(performance.now() - started) };
}
