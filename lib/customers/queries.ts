// Reading customers: the list (filters, search, sort, paging) and one customer's profile with its
// orders, returns and timeline. Rows are the upkeep's (lib/customers/upkeep.ts); nothing here writes.
import { AppError } from "@/lib/api/errors";
import { ORDER_STATUS_LABELS } from "@/lib/emag/order-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerCompany, CustomerDetail, CustomerDetailQuery, CustomerList, CustomerOrder, CustomerReturn, CustomerTimelineEvent, ListCustomersQuery } from "./api-types";
import { CUSTOMER_COLUMNS, customerOrder, customersQuery, customerWhere, summaryRowOf, type CustomerDbRow } from "./list-sql";
import { maskDetail, maskSummaryRow } from "./mask";
import { scoreInputsOfAgg } from "./customer-row";
import type { CustomerAgg } from "./metrics";

/**
 * Counting stops here: past it, `total` is the planner's estimate (`total_estimated: true`). An
 * exact count of 50,000 rows costs a few ms; of millions it would cost more than the page itself.
 */
export const COUNT_CAP = 100_000;

async function countCustomers(where: Prisma.Sql): Promise<{ total: number; estimated: boolean }> {
  const [row] = await customersQuery<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM customers c ${where} LIMIT ${COUNT_CAP + 1}) t`);
  const n = row?.n ?? 0;
  if (n <= COUNT_CAP) return { total: n, estimated: false };
  const [plan] = await customersQuery<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c ${where}`);
  return { total: Math.max(n, Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? n)), estimated: true };
}

/** GET /api/v1/customers: one page and the count, run together; phones and CUIs masked unless `pii`. */
export async function findCustomers(q: ListCustomersQuery, { pii }: { pii: boolean }): Promise<CustomerList> {
  const where = customerWhere(q);
  const [rows, count] = await Promise.all([
    customersQuery<CustomerDbRow>(Prisma.sql`SELECT ${CUSTOMER_COLUMNS} FROM customers c ${where} ${customerOrder(q)}
      LIMIT ${q.pageSize}::int OFFSET ${(q.page - 1) * q.pageSize}::int`),
    countCustomers(where),
  ]);
  return { data: rows.map((r) => maskSummaryRow(summaryRowOf(r), pii)), total: count.total, page: q.page, pageSize: q.pageSize, total_estimated: count.estimated };
}

type Json = Record<string, unknown> | null;
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null);
const bool = (v: unknown) => (typeof v === "boolean" ? v : v === 1 || v === 0 ? v === 1 : null);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "string" ? new Date(v).toISOString() : null);

/** The company jsonb as the core writes it (camelCase), tolerating snake_case and eMAG's bank/iban. */
function companyOf(c: Json, cui: string | null): CustomerCompany | null {
  if (!c && !cui) return null;
  return {
    cui: str(c?.cui) ?? cui,
    name: str(c?.name),
    registration_number: str(c?.registrationNumber ?? c?.registration_number),
    vat_payer: bool(c?.vatPayer ?? c?.vat_payer ?? c?.is_vat_payer),
    bank: str(c?.bank),
    iban: str(c?.iban),
  };
}

const contactsOf = (v: unknown) =>
  (Array.isArray(v) ? (v as Record<string, unknown>[]) : []).map((c) => ({
    name: str(c.name),
    phone: str(c.phone),
    email_hash: str(c.emailHash ?? c.email_hash),
    orders: Number(c.orders ?? 0) || 0,
    last_order_at: iso(c.lastOrderAt ?? c.last_order_at),
  }));

type DetailRow = CustomerDbRow & { phones: string[] | null; email_hash: string | null; company: Json; contacts: unknown; score_inputs: Json; agg: CustomerAgg | null; created_at: Date; updated_at: Date };
type OrderRow = Omit<CustomerOrder, "created_at" | "status_label"> & { created_at: Date };
type ReturnRow = Omit<CustomerReturn, "date"> & { date: Date | null };
type EventRow = Omit<CustomerTimelineEvent, "at" | "label"> & { at: Date; status: number | null };

const TIMELINE_LIMIT = 500;
const orderAt = Prisma.raw("coalesce(o.emag_created_at, o.first_seen_at)");

/** GET /api/v1/customers/{id}: the profile and scores, a page of orders, every return, the timeline; masked unless `pii`. */
export async function getCustomerDetail(id: string, q: CustomerDetailQuery, { pii }: { pii: boolean }): Promise<CustomerDetail> {
  const [[c], orders, [orderCount], returns, events] = await Promise.all([
    customersQuery<DetailRow>(Prisma.sql`SELECT ${CUSTOMER_COLUMNS}, c.phones, c.email_hash, c.company, c.contacts, c.score_inputs, c.agg, c.created_at, c.updated_at
      FROM customers c WHERE c.id = ${id}`),
    customersQuery<OrderRow>(Prisma.sql`SELECT o.id::text, o.account::text, o.emag_order_id::text, o.status, o.total::float8 AS total, o.currency,
        o.payment_mode_id, ${orderAt} AS created_at, coalesce(o.shipping_address->>'city', o.billing_address->>'city') AS city, o.awb_number
      FROM emag_orders o WHERE o.customer_id = ${id} ORDER BY ${orderAt} DESC, o.id
      LIMIT ${q.orders_page_size}::int OFFSET ${(q.orders_page - 1) * q.orders_page_size}::int`),
    customersQuery<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM emag_orders WHERE customer_id = ${id}`),
    customersQuery<ReturnRow>(Prisma.sql`SELECT r.id::text, r.account::text, r.emag_rma_id::text, r.emag_order_id::text, r.order_id::text, r.request_status,
        r.return_type, r.return_reason, r.refund_value::float8 AS refund_value, coalesce(r.emag_date, r.first_seen_at) AS date
      FROM emag_returns r WHERE r.customer_id = ${id} ORDER BY coalesce(r.emag_date, r.first_seen_at) DESC, r.id`),
    timelineRows(id),
  ]);
  if (!c) throw new AppError("not_found", "Customer not found");
  return maskDetail({
    ...summaryRowOf(c),
    phones: c.phones ?? [],
    email_hash: c.email_hash,
    company: companyOf(c.company, c.company_cui),
    contacts: contactsOf(c.contacts),
    // Computed from the state the row was computed from, as of then; a row without one (written by hand) keeps its own.
    score_inputs: c.agg ? (scoreInputsOfAgg(c.agg, c.updated_at) as unknown as Record<string, unknown>) : (c.score_inputs ?? {}),
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
    orders: {
      data: orders.map((o) => ({ ...o, status_label: ORDER_STATUS_LABELS[o.status] ?? String(o.status), created_at: o.created_at.toISOString() })),
      total: orderCount?.n ?? 0,
      page: q.orders_page,
      pageSize: q.orders_page_size,
    },
    returns: returns.map((r) => ({ ...r, date: r.date?.toISOString() ?? null })),
    timeline: events.map(timelineEvent),
  }, pii);
}

/**
 * Orders placed (at creation), cancellations and full returns (status 0 / 5, dated by eMAG's last
 * change to the order: the moment of the change itself is not stored), and RMAs (their date).
 */
function timelineRows(id: string) {
  return customersQuery<EventRow>(Prisma.sql`
    SELECT * FROM (
      SELECT ${orderAt} AS at, 'order_placed' AS kind, o.account::text AS account, o.emag_order_id::text, o.id::text AS order_id,
        NULL::text AS emag_rma_id, o.total::float8 AS amount, o.status
      FROM emag_orders o WHERE o.customer_id = ${id}
      UNION ALL
      SELECT coalesce(o.emag_modified_at, o.last_synced_at), CASE o.status WHEN 0 THEN 'order_cancelled' ELSE 'order_returned' END,
        o.account::text, o.emag_order_id::text, o.id::text, NULL, o.total::float8, o.status
      FROM emag_orders o WHERE o.customer_id = ${id} AND o.status IN (0, 5)
      UNION ALL
      SELECT coalesce(r.emag_date, r.first_seen_at), 'return_requested', r.account::text, r.emag_order_id::text, r.order_id::text,
        r.emag_rma_id::text, r.refund_value::float8, r.request_status
      FROM emag_returns r WHERE r.customer_id = ${id}
    ) e ORDER BY at DESC, kind LIMIT ${TIMELINE_LIMIT}::int`);
}

const RMA_STATUS: Record<number, string> = { 1: "incomplete", 2: "new", 3: "approved", 4: "refused", 5: "canceled", 6: "received", 7: "finalized" };

function timelineEvent(e: EventRow): CustomerTimelineEvent {
  const order = `${e.account.toUpperCase()} #${e.emag_order_id ?? "?"}`;
  const label = {
    order_placed: `Order ${order} placed`,
    order_cancelled: `Order ${order} cancelled`,
    order_returned: `Order ${order} returned`,
    return_requested: `Return RMA ${e.emag_rma_id} for order ${order} (${RMA_STATUS[e.status ?? 0] ?? "unknown status"})`,
  }[e.kind];
  return { at: e.at.toISOString(), kind: e.kind, account: e.account, emag_order_id: e.emag_order_id, order_id: e.order_id, emag_rma_id: e.emag_rma_id, amount: e.amount, label };
}
