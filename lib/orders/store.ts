// Writes a batch of orders (one page of order/read) in one transaction: the orders in one upsert
// statement, then their lines. Keyed by (account, eMAG order id), so re-running any page - after a
// retry, a crash, or a second sync racing this one - never duplicates an order, and an order eMAG
// did not change (same content hash) is not rewritten. The statement reports which rows it
// inserted (xmax = 0) and each row's previous status, so "new order" alerts fire exactly once.
// The same transaction keeps the buyers' customer rows (lib/customers/upkeep.ts): the page is placed
// before the upsert (its orders locked, the key owners and customers read), the upsert writes each
// order's customer, keys and metric inputs with the order (one row write), and under the customer
// lock, taken after the lines (so pages write their orders side by side), the placement is checked
// and the customers are updated. A page whose orders are all unchanged never takes the lock.
import { createHash } from "node:crypto";
import type pg from "pg";
import { invalidateCache } from "@/lib/cache";
import {
  buyerSubset, emagTime, orderTupleSql, PAGE_BEGIN, PagePlanStaleError, planPageCustomers, RETURN_TUPLE, settlePageCustomers, type OrderCustomerColumns, type TxQuery, type WrittenCustomerInput,
} from "@/lib/customers/upkeep";
import { pgPool } from "@/lib/db/pools";
import { applyInventoryForOrders } from "@/lib/inventory/orders";
import type { AccountKind } from "@/lib/realtime/events";
import type { OrderRow } from "@/lib/orders/map";

export interface UpsertedOrder {
  id: string;
  account: AccountKind;
  emag_order_id: string;
  status: number;
  inserted: boolean;
  prev_status: number | null;
  customer_name: string | null;
  total: string;
  currency: string | null;
}

export interface UpsertResult {
  written: UpsertedOrder[];
  unchanged: number;
}

const ts = (col: string) => emagTime(`x.${col}`);

const ORDER_COLUMNS = `account "AccountKind", emag_order_id bigint, type int, status int, customer_emag_id bigint,
  customer_name text, customer_email text, customer_phone text, customer_company text, shipping_address jsonb,
  billing_address jsonb, payment_mode text, payment_mode_id int, payment_status int, delivery_mode text, locker_id text,
  locker_name text, total numeric, shipping_tax numeric, currency text, vouchers jsonb, line_count int, invoice_url text,
  cancellation_reason jsonb, observation text, emag_created text, emag_modified text, finalization_date text, raw jsonb,
  content_hash text, c_id uuid, c_customer_id text, c_keys text[], c_identity_at timestamptz`;

/**
 * The customer_input of a row the upsert inserts (`x` its input; `v` its buyer subset and times,
 * computed once: OFFSET 0 keeps the planner from copying their expressions into every use), typed
 * as the columns store them.
 */
const INSERTED_VALUES = `(SELECT ${buyerSubset("(x.raw->'customer')")} AS b, (${ts("emag_created")})::timestamptz(3) AS created,
  (${ts("finalization_date")})::timestamptz(3) AS finalized OFFSET 0) v`;
const INSERTED_INPUT = orderTupleSql({
  account: "x.account", emag_order_id: "x.emag_order_id", emag_created_at: "v.created",
  first_seen_at: "now()::timestamptz(3)", identity_created_at: "x.c_identity_at::timestamptz(3)", status: "x.status",
  total: "x.total::numeric(14,4)", currency: "x.currency", payment_mode_id: "x.payment_mode_id", shipping_address: "x.shipping_address",
  billing_address: "x.billing_address", awb_number: "NULL::text", finalized_at: "v.finalized",
  cancellation_reason: "x.cancellation_reason",
  refunded: "(CASE WHEN jsonb_typeof(x.raw->'refunded_amount') = 'number' THEN (x.raw->>'refunded_amount')::numeric END)::numeric(14,4)::text",
  buyer: "v.b",
});
/** The customer_input of a row the upsert updates: the values the SET list below gives it. */
const UPDATED_INPUT = orderTupleSql({
  account: "o.account", emag_order_id: "o.emag_order_id", emag_created_at: "excluded.emag_created_at", first_seen_at: "o.first_seen_at",
  identity_created_at: "COALESCE(o.identity_created_at, excluded.identity_created_at)", status: "excluded.status", total: "excluded.total",
  currency: "excluded.currency", payment_mode_id: "excluded.payment_mode_id", shipping_address: "excluded.shipping_address",
  billing_address: "excluded.billing_address", awb_number: "o.awb_number", finalized_at: "COALESCE(excluded.finalized_at, o.finalized_at)",
  cancellation_reason: "excluded.cancellation_reason", refunded: "excluded.refunded_amount::text", buyer: "excluded.buyer",
});

// Each input row carries its customer columns (c_*, planPageCustomers); the previous status is the plan's.
const UPSERT_ORDERS = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${ORDER_COLUMNS})),
up AS (
  INSERT INTO emag_orders AS o (id, account, emag_order_id, type, status, customer_emag_id, customer_name, customer_email,
    customer_phone, customer_company, shipping_address, billing_address, payment_mode, payment_mode_id, payment_status,
    delivery_mode, locker_id, locker_name, total, shipping_tax, currency, vouchers, line_count, invoice_url,
    invoice_attached_at, cancellation_reason, observation, emag_created_at, emag_modified_at, finalized_at, raw,
    content_hash, timeline, identity_created_at, buyer, refunded_amount, customer_id, identity_keys, customer_input)
  SELECT x.c_id, x.account, x.emag_order_id, x.type, x.status, x.customer_emag_id, x.customer_name, x.customer_email,
    x.customer_phone, x.customer_company, x.shipping_address, x.billing_address, x.payment_mode, x.payment_mode_id,
    x.payment_status, x.delivery_mode, x.locker_id, x.locker_name, x.total, x.shipping_tax, x.currency,
    COALESCE(x.vouchers, '[]'), x.line_count, x.invoice_url, CASE WHEN x.invoice_url IS NOT NULL THEN now() END,
    x.cancellation_reason, x.observation, ${ts("emag_created")}, ${ts("emag_modified")}, ${ts("finalization_date")},
    x.raw, x.content_hash,
    jsonb_build_array(jsonb_build_object('at', to_jsonb(COALESCE(${ts("emag_created")}, now())), 'event', 'placed',
      'detail', 'Order placed on eMAG', 'by', 'customer')),
    x.c_identity_at, v.b,
    CASE WHEN jsonb_typeof(x.raw->'refunded_amount') = 'number' THEN (x.raw->>'refunded_amount')::numeric END,
    x.c_customer_id, x.c_keys, ${INSERTED_INPUT}
  FROM input x CROSS JOIN LATERAL ${INSERTED_VALUES}
  ON CONFLICT (account, emag_order_id) DO UPDATE SET
    type = excluded.type,
    status = excluded.status,
    customer_emag_id = excluded.customer_emag_id,
    customer_name = excluded.customer_name,
    customer_email = excluded.customer_email,
    customer_phone = excluded.customer_phone,
    customer_company = excluded.customer_company,
    shipping_address = excluded.shipping_address,
    billing_address = excluded.billing_address,
    payment_mode = excluded.payment_mode,
    payment_mode_id = excluded.payment_mode_id,
    payment_status = excluded.payment_status,
    delivery_mode = excluded.delivery_mode,
    locker_id = excluded.locker_id,
    locker_name = excluded.locker_name,
    total = excluded.total,
    shipping_tax = excluded.shipping_tax,
    currency = excluded.currency,
    vouchers = excluded.vouchers,
    line_count = excluded.line_count,
    invoice_url = COALESCE(excluded.invoice_url, o.invoice_url),
    invoice_attached_at = CASE WHEN excluded.invoice_url IS DISTINCT FROM o.invoice_url AND excluded.invoice_url IS NOT NULL
      THEN COALESCE(o.invoice_attached_at, now()) ELSE o.invoice_attached_at END,
    cancellation_reason = excluded.cancellation_reason,
    observation = excluded.observation,
    emag_created_at = excluded.emag_created_at,
    emag_modified_at = excluded.emag_modified_at,
    finalized_at = COALESCE(excluded.finalized_at, o.finalized_at),
    acknowledged_at = CASE WHEN o.status = 1 AND excluded.status IN (2, 3, 4) THEN COALESCE(o.acknowledged_at, now())
      ELSE o.acknowledged_at END,
    raw = excluded.raw,
    buyer = excluded.buyer,
    refunded_amount = excluded.refunded_amount,
    content_hash = excluded.content_hash,
    customer_id = excluded.customer_id,
    identity_keys = excluded.identity_keys,
    identity_created_at = COALESCE(o.identity_created_at, excluded.identity_created_at),
    customer_input = ${UPDATED_INPUT},
    last_synced_at = now(),
    timeline = CASE WHEN o.status IS DISTINCT FROM excluded.status
      THEN o.timeline || jsonb_build_array(jsonb_build_object('at', to_jsonb(now()), 'event', 'status',
        'detail', format('Status %s → %s (seen on eMAG)', o.status, excluded.status), 'by', 'eMAG',
        'from', o.status, 'to', excluded.status))
      ELSE o.timeline END
  WHERE o.content_hash IS DISTINCT FROM excluded.content_hash
  RETURNING o.id, o.account, o.emag_order_id, o.status, (o.xmax = 0) AS inserted, o.customer_name, o.total, o.currency, o.customer_input
)
SELECT up.id, up.account, up.emag_order_id::text AS emag_order_id, up.status, up.inserted,
  up.customer_name, up.total::text AS total, up.currency, up.customer_input,
  (SELECT json_agg(${RETURN_TUPLE}) FROM emag_returns r WHERE r.account = up.account AND r.emag_order_id = up.emag_order_id) AS returns
FROM up`;

const DELETE_LINES = `DELETE FROM emag_order_lines WHERE order_id = ANY($1::uuid[])`;

const INSERT_LINES = `
INSERT INTO emag_order_lines (order_id, line_id, account, emag_order_id, product_id, part_number, part_number_key, name,
  quantity, sale_price, vat_rate, status)
SELECT o.id, l.line_id, o.account, o.emag_order_id, l.product_id, l.part_number, l.part_number_key, l.name, l.quantity,
  l.sale_price, l.vat_rate, l.status
FROM jsonb_to_recordset($1::jsonb) AS l(account "AccountKind", emag_order_id bigint, line_id bigint, product_id text,
  part_number text, part_number_key text, name text, quantity int, sale_price numeric, vat_rate numeric, status int)
JOIN emag_orders o ON o.account = l.account AND o.emag_order_id = l.emag_order_id
WHERE o.id = ANY($2::uuid[])`;

type PageObserver = (page: { ms: number; connectMs: number; upkeepMs: number; orders: number; written: number }) => void;
let observer: PageObserver | undefined;
/** Benchmarks: how long each page transaction took (waiting for a connection to COMMIT), the wait, and its customer upkeep. */
export const observeOrderPages = (fn: PageObserver | undefined) => void (observer = fn);

const statementNames = new Map<string, string>();
/** The customer upkeep's statements on this connection, prepared per connection (planned once). */
const preparedQuery = (client: pg.PoolClient): TxQuery => async (sql, params = []) => {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `customers-${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`));
  return (await client.query({ name, text: sql, values: params })).rows;
};

const refOf = (r: { account: string; emag_order_id: string }) => `${r.account}:${r.emag_order_id}`;
type WrittenRow = Omit<UpsertedOrder, "prev_status"> & Omit<WrittenCustomerInput, "id">;

/**
 * Runs again: PostgreSQL's deadlock_detected (a writer outside the customer lock, e.g. an order
 * action, and a merge waited on each other's rows), or a page placed for other rows than the upsert wrote.
 */
const RETRIED = new Set(["40P01", new PagePlanStaleError("").code]);
const ATTEMPTS = 3;

/** Upserts one batch of orders and their lines atomically, with their customers. */
export async function upsertOrders(rows: OrderRow[]): Promise<UpsertResult> {
  if (!rows.length) return { written: [], unchanged: 0 };
  // One row per order even if eMAG repeated an order across pages (ON CONFLICT cannot touch a row twice).
  const unique = [...new Map(rows.map((r) => [refOf(r), r])).values()];
  const orderJson = unique.map(({ lines: _lines, ...r }) => JSON.stringify(r));
  for (let attempt = 1; ; attempt++) {
    try {
      const written = await writePage(unique, orderJson);
      if (written.length) await invalidateCache("orders", "customers");
      return { written, unchanged: unique.length - written.length };
    } catch (err) {
      if (!RETRIED.has((err as { code?: string }).code ?? "") || attempt >= ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
  }
}

/** The page's input: each order the plan writes (its JSON, `orderJson[i]`), with its customer columns. */
function pageInput(unique: readonly OrderRow[], orderJson: readonly string[], columns: readonly OrderCustomerColumns[]): string {
  const byRef = new Map(columns.map((c) => [refOf(c), c]));
  const rows = unique.flatMap((r, i) => {
    const c = byRef.get(refOf(r));
    if (!c) return [];
    const extra = JSON.stringify({ c_id: c.id, c_customer_id: c.customer_id, c_keys: c.keys, c_identity_at: c.identity_at });
    return [`${orderJson[i]!.slice(0, -1)},${extra.slice(1)}`];
  });
  return `[${rows.join(",")}]`;
}

async function writePage(unique: OrderRow[], orderJson: readonly string[]): Promise<UpsertedOrder[]> {
  const started = performance.now();
  let upkeepMs = 0;
  const client = await pgPool("orders").connect();
  const connectMs = performance.now() - started;
  const query = preparedQuery(client);
  try {
    await client.query(PAGE_BEGIN);
    let t = performance.now();
    const plan = await planPageCustomers(query, unique.map((r) => ({
      account: r.account, emag_order_id: r.emag_order_id, emag_created: r.emag_created, content_hash: r.content_hash,
      customer: (r.raw as { customer?: unknown } | null)?.customer ?? null,
    })));
    upkeepMs = performance.now() - t;
    const rows = plan.columns.length
      ? (await client.query<WrittenRow>({ name: "orders-upsert", text: UPSERT_ORDERS, values: [pageInput(unique, orderJson, plan.columns)] })).rows
      : [];
    const written: UpsertedOrder[] = rows.map(({ customer_input: _i, returns: _r, ...w }) => ({ ...w, prev_status: plan.storedStatus.get(w.id) ?? null }));
    if (written.length) {
      const ids = written.map((w) => w.id);
      const changed = new Set(written.map(refOf));
      const lines = unique
        .filter((r) => changed.has(refOf(r)))
        .flatMap((r) => r.lines.map((l) => ({ ...l, account: r.account, emag_order_id: r.emag_order_id })));
      // A rewritten order's lines are replaced (eMAG may add, drop or change lines).
      await client.query({ name: "orders-lines-delete", text: DELETE_LINES, values: [ids] });
      if (lines.length) await client.query({ name: "orders-lines-insert", text: INSERT_LINES, values: [JSON.stringify(lines), ids] });
    }
    t = performance.now();
    await settlePageCustomers(query, plan, rows.map((r) => ({ id: r.id, customer_input: r.customer_input, returns: r.returns })));
    upkeepMs += performance.now() - t;
    if (written.length) {
      // Stock: new orders reserve their lines once, cancelled/returned ones release them (lib/inventory/orders.ts).
      await applyInventoryForOrders(query, written);
    }
    await client.query("COMMIT");
    observer?.({ ms: performance.now() - started, connectMs, upkeepMs, orders: unique.length, written: written.length });
    return written;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
