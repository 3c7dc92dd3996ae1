// The transaction side of customer upkeep: the query type every DB function here takes, the one
// advisory lock that serialises customer maintenance, and a transaction on the sync pool.
import type pg from "pg";
import { pgPool } from "@/lib/db/pools";

/** A query bound to one transaction's connection (e.g. lib/sync/bulk-db.ts bulkTransaction's `query`). */
export type TxQuery = <R extends pg.QueryResultRow = any>(sql: string, params?: unknown[]) => Promise<R[]>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** pg_advisory_xact_lock key of customer maintenance (order pages, returns, RFM, the rebuild). */
export const CUSTOMER_UPKEEP_LOCK = 7_240_201;

/**
 * Marks a transaction as the customer upkeep: its writes of emag_orders.customer_input stand (the
 * database clears the inputs of an order any other transaction writes; migration
 * 20261201180000_customer_input_guard), so a stored value always equals ORDER_TUPLE of its row.
 */
export const MARK_UPKEEP = `set_config('magflow.customer_upkeep', 'on', true)`;

/**
 * Takes the customer lock until the transaction ends (re-entrant), marks the transaction as the
 * upkeep (MARK_UPKEEP) and bumps the upkeep version (BUMP_UPKEEP_VERSION). Take it before the first write of a transaction that later maintains
 * customers: a merge rewrites orders' and returns' rows, so a transaction that locked such rows
 * first and then waited for this lock could deadlock with it.
 */
export async function lockCustomerUpkeep(query: TxQuery): Promise<void> {
  await query(`SELECT pg_advisory_xact_lock($1::bigint), ${MARK_UPKEEP}`, [CUSTOMER_UPKEEP_LOCK]);
  await query(BUMP_UPKEEP_VERSION);
}

/**
 * Under the customer lock, by every transaction that changes customers or keys: the version an order
 * page read when it was placed, plus one, means nothing else changed them since (upkeep.ts settlePageCustomers).
 */
export const BUMP_UPKEEP_VERSION = `INSERT INTO customer_upkeep_version AS u (id, v) VALUES (1, 1)
ON CONFLICT (id) DO UPDATE SET v = u.v + 1 RETURNING u.v::text AS v`;

type StatementObserver = (sql: string, ms: number) => void;
let statementObserver: StatementObserver | undefined;
const OBSERVED = Symbol("observed");
/** Benchmarks: see how long each customer-upkeep statement took. */
export const observeCustomerStatements = (fn: StatementObserver | undefined) => void (statementObserver = fn);

/** `query`, timed for the statement observer when one is set. */
export function observed(query: TxQuery): TxQuery {
  if (!statementObserver || (query as { [OBSERVED]?: true })[OBSERVED]) return query;
  const timed = (async (sql: string, params?: unknown[]) => {
    const started = performance.now();
    try {
      return await query(sql, params);
    } finally {
      statementObserver?.(sql, performance.now() - started);
    }
  }) as TxQuery;
  return Object.assign(timed, { [OBSERVED]: true as const });
}

/**
 * Runs fn in one transaction on the "sync" pool (lib/db/pools.ts), holding the customer lock. fn's
 * statements run one after another in the order they were issued, also when it does not await each.
 */
export async function inCustomerTransaction<T>(fn: (query: TxQuery) => Promise<T>): Promise<T> {
  const client = await pgPool("sync").connect();
  // Statements queue on the connection, so fn may issue several and work while they run.
  let chain: Promise<unknown> = Promise.resolve();
  const query: TxQuery = (sql, params = []) => {
    const run = chain.then(() => client.query(sql, params)).then((r) => r.rows);
    chain = run.catch(() => {});
    return run;
  };
  try {
    await query("BEGIN");
    await lockCustomerUpkeep(query);
    const result = await fn(query);
    await query("COMMIT");
    return result;
  } catch (err) {
    await query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
