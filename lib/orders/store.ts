// Writes a batch of orders (one page of order/read) in one transaction: the orders in one upsert
// statement, then their lines. Keyed by (account, eMAG order id), so re-running any page - after a
// retry, a crash, or a second sync racing this one - never duplicates an order, and an order eMAG
// did not change (same content hash) is not rewritten. The statement reports which rows it
// inserted (xmax = 0) and each row's previous status, so "new order" alerts fire exactly once.
// The same transaction then keeps the buyers' customer rows (lib/customers/upkeep.ts) for the
// orders it wrote, under the customer lock (so only that part of MAIN's and FBE's pages queues).
import { createHash } from "node:crypto";
import type pg from "pg";
import { invalidateCache } from "@/lib/cache";
import { buyerSubset, upkeepCustomersForOrders, type TxQuery } from "@/lib/customers/upkeep";
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

const ts = (col: string) => `CASE WHEN x.${col} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN (x.${col})::timestamp AT TIME ZONE 'Europe/Bucharest' END`;

const ORDER_COLUMNS = `account "AccountKind", emag_order_id bigint, type int, status int, customer_emag_id bigint,
  customer_name text, customer_email text, customer_phone text, customer_company text, shipping_address jsonb,
  billing_address jsonb, payment_mode text, payment_mode_id int, payment_status int, delivery_mode text, locker_id text,
  locker_name text, total numeric, shipping_tax numeric, currency text, vouchers jsonb, line_count int, invoice_url text,
  cancellation_reason jsonb, observation text, emag_created text, emag_modified text, finalization_date text, raw jsonb,
  content_hash text`;

const UPSERT_ORDERS = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${ORDER_COLUMNS})),
prev AS (
  SELECT o.account, o.emag_order_id, o.status FROM emag_orders o JOIN input i USING (account, emag_order_id)
),
up AS (
  INSERT INTO emag_orders AS o (account, emag_order_id, type, status, customer_emag_id, customer_name, customer_email,
    customer_phone, customer_company, shipping_address, billing_address, payment_mode, payment_mode_id, payment_status,
    delivery_mode, locker_id, locker_name, total, shipping_tax, currency, vouchers, line_count, invoice_url,
    invoice_attached_at, cancellation_reason, observation, emag_created_at, emag_modified_at, finalized_at, raw,
    content_hash, timeline, identity_created_at, buyer, refunded_amount)
  SELECT x.account, x.emag_order_id, x.type, x.status, x.customer_emag_id, x.customer_name, x.customer_email,
    x.customer_phone, x.customer_company, x.shipping_address, x.billing_address, x.payment_mode, x.payment_mode_id,
    x.payment_status, x.delivery_mode, x.locker_id, x.locker_name, x.total, x.shipping_tax, x.currency,
    COALESCE(x.vouchers, '[]'), x.line_count, x.invoice_url, CASE WHEN x.invoice_url IS NOT NULL THEN now() END,
    x.cancellation_reason, x.observation, ${ts("emag_created")}, ${ts("emag_modified")}, ${ts("finalization_date")},
    x.raw, x.content_hash,
    jsonb_build_array(jsonb_build_object('at', to_jsonb(COALESCE(${ts("emag_created")}, now())), 'event', 'placed',
      'detail', 'Order placed on eMAG', 'by', 'customer')),
    COALESCE(${ts("emag_created")}, now()), ${buyerSubset("(x.raw->'customer')")},
    CASE WHEN jsonb_typeof(x.raw->'refunded_amount') = 'number' THEN (x.raw->>'refunded_amount')::numeric END
  FROM input x
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
    last_synced_at = now(),
    timeline = CASE WHEN o.status IS DISTINCT FROM excluded.status
      THEN o.timeline || jsonb_build_array(jsonb_build_object('at', to_jsonb(now()), 'event', 'status',
        'detail', format('Status %s → %s (seen on eMAG)', o.status, excluded.status), 'by', 'eMAG',
        'from', o.status, 'to', excluded.status))
      ELSE o.timeline END
  WHERE o.content_hash IS DISTINCT FROM excluded.content_hash
  RETURNING o.id, o.account, o.emag_order_id, o.status, (o.xmax = 0) AS inserted, o.customer_name, o.total, o.currency,
    o.customer_id, o.identity_keys, COALESCE(o.identity_created_at, o.emag_created_at, o.first_seen_at) AS identity_at, o.buyer,
    o.customer_input
)
SELECT up.id, up.account, up.emag_order_id::text AS emag_order_id, up.status, up.inserted, prev.status AS prev_status,
  up.customer_id, up.identity_keys, up.identity_at, up.buyer, up.customer_input,
  up.customer_name, up.total::text AS total, up.currency
FROM up LEFT JOIN prev USING (account, emag_order_id)`;

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
type WrittenRow = UpsertedOrder & { customer_id: string | null; identity_keys: string[] | null; identity_at: Date; buyer: Record<string, unknown> | null; customer_input: unknown[] | null };

/** PostgreSQL's deadlock_detected: a customer merge waited on a row this page had locked (README). */
const DEADLOCK = "40P01";
const ATTEMPTS = 3;

/** Upserts one batch of orders and their lines atomically, with their customers. */
export async function upsertOrders(rows: OrderRow[]): Promise<UpsertResult> {
  if (!rows.length) return { written: [], unchanged: 0 };
  // One row per order even if eMAG repeated an order across pages (ON CONFLICT cannot touch a row twice).
  const unique = [...new Map(rows.map((r) => [refOf(r), r])).values()];
  const orderJson = JSON.stringify(unique.map(({ lines: _lines, ...r }) => r));
  for (let attempt = 1; ; attempt++) {
    try {
      const written = await writePage(unique, orderJson);
      if (written.length) await invalidateCache("orders", "customers");
      return { written, unchanged: unique.length - written.length };
    } catch (err) {
      // A merge moving another page's rows can deadlock with it; PostgreSQL aborts one, and it runs again.
      if ((err as { code?: string }).code !== DEADLOCK || attempt >= ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
  }
}

async function writePage(unique: OrderRow[], orderJson: string): Promise<UpsertedOrder[]> {
  const started = performance.now();
  let upkeepMs = 0;
  const client = await pgPool("sync").connect();
  const connectMs = performance.now() - started;
  const query = preparedQuery(client);
  try {
    await client.query("BEGIN");
    const rows = (await client.query<WrittenRow>({ name: "orders-upsert", text: UPSERT_ORDERS, values: [orderJson] })).rows;
    const written = rows.map(({ customer_id: _c, identity_keys: _k, identity_at: _t, buyer: _b, customer_input: _i, ...w }) => w);
    if (written.length) {
      const ids = written.map((w) => w.id);
      const changed = new Set(written.map(refOf));
      const lines = unique
        .filter((r) => changed.has(refOf(r)))
        .flatMap((r) => r.lines.map((l) => ({ ...l, account: r.account, emag_order_id: r.emag_order_id })));
      // A rewritten order's lines are replaced (eMAG may add, drop or change lines).
      await client.query({ name: "orders-lines-delete", text: DELETE_LINES, values: [ids] });
      if (lines.length) await client.query({ name: "orders-lines-insert", text: INSERT_LINES, values: [JSON.stringify(lines), ids] });
      const t = performance.now();
      const identities = rows.map((r) => ({ id: r.id, account: r.account, emag_order_id: r.emag_order_id, created_at: r.identity_at, identity_keys: r.identity_keys, customer_id: r.customer_id, buyer: r.buyer, customer_input: r.customer_input }));
      await upkeepCustomersForOrders(query, ids, identities);
      upkeepMs = performance.now() - t;
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
