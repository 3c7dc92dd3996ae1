// The periodic rules' queries: what the alerts check reads from PostgreSQL, on every instance's data.
import { db } from "@/lib/db";

/** eMAG request outcomes of every instance since `since`, per account (lib/alerts/emag-sampler.ts writes them). */
export async function emagOutcomesSince(since: Date) {
  return db.$queryRaw<{ account: string; requests: number; errors: number; rate_limited: number }[]>`
    SELECT account, sum(requests)::int AS requests, sum(errors)::int AS errors, sum(rate_limited)::int AS rate_limited
    FROM alert_emag_samples WHERE minute >= ${since} GROUP BY account ORDER BY account`;
}

/** Seller-fulfilled (type 3) orders still new (status 1) placed before `before`, per account: how many, and the oldest few. */
export async function unacknowledgedOrders(before: Date) {
  return db.$queryRaw<{ account: string; n: number; oldest: Date; sample: string[] }[]>`
    SELECT account::text AS account, count(*)::int AS n, min(emag_created_at) AS oldest,
      (array_agg(emag_order_id::text ORDER BY emag_created_at))[1:5] AS sample
    FROM emag_orders WHERE type = 3 AND status = 1 AND emag_created_at < ${before}
    GROUP BY account ORDER BY account`;
}
