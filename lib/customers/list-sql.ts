// SQL for the customer list, its exports and the summary's top customers: the WHERE of the list's
// filters, its ORDER BY, the columns and the row -> JSON mapping. Raw (parameterised) SQL on the
// node-postgres read pool: one indexed statement per page, no ORM cost on the hot path.
import type pg from "pg";
import { pgPool } from "@/lib/db/pools";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerFilters, CustomerSort, CustomerSummaryRow } from "./api-types";
import { normalizeCui } from "./keys";
import { normalizePhone } from "./phone";
import { RFM_SEGMENT_LABELS, type RfmSegment } from "./rfm";

/** Runs a Prisma.Sql statement on the read pool (or on `client`, e.g. one holding a cursor). */
export async function customersQuery<R extends pg.QueryResultRow>(sql: Prisma.Sql, client: pg.Pool | pg.PoolClient = pgPool("read")): Promise<R[]> {
  return (await client.query<R>({ text: sql.text, values: sql.values as unknown[] })).rows;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Start of a Europe/Bucharest day (day + 1 for an inclusive end) as timestamptz. */
const dayStart = (day: string, plus = 0) => Prisma.sql`((${day}::date + ${plus}::int)::timestamp AT TIME ZONE 'Europe/Bucharest')`;

/** The search: name (trigram GIN), any phone spelling (phones GIN, @>), CUI (btree), or the customer id. */
function searchClause(search: string): Prisma.Sql {
  const or: Prisma.Sql[] = [Prisma.sql`c.name ILIKE ${`%${escapeLike(search)}%`}`];
  // A company customer's name is its company's name, so the name clause covers company names too.
  const phone = normalizePhone(search);
  if (phone) or.push(Prisma.sql`c.phones @> ARRAY[${phone}]::text[]`);
  const cui = normalizeCui(search);
  if (cui) or.push(Prisma.sql`c.company_cui = ${cui}`);
  if (/^c_[0-9a-z_]+$/.test(search)) or.push(Prisma.sql`c.id = ${search}`);
  return Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

export function customerWhere(f: CustomerFilters): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (f.tier) c.push(Prisma.sql`c.tier = ANY(${f.tier}::text[])`);
  // One segment is an equality, so the (rfm_segment, net_spend desc) index also gives the order.
  if (f.segment) c.push(f.segment.length === 1 ? Prisma.sql`c.rfm_segment = ${f.segment[0]}` : Prisma.sql`c.rfm_segment = ANY(${f.segment}::text[])`);
  if (f.risk) c.push(Prisma.sql`c.risk = ANY(${f.risk}::text[])`);
  if (f.account) c.push(Prisma.sql`coalesce((c.accounts->>${f.account})::int, 0) > 0`);
  if (f.city) c.push(Prisma.sql`EXISTS (SELECT 1 FROM unnest(c.cities) AS city WHERE lower(city) = lower(${f.city}))`);
  if (f.kind) c.push(Prisma.sql`c.kind = ${f.kind}`);
  if (f.first_order_from) c.push(Prisma.sql`c.first_order_at >= ${dayStart(f.first_order_from)}`);
  if (f.first_order_to) c.push(Prisma.sql`c.first_order_at < ${dayStart(f.first_order_to, 1)}`);
  if (f.last_order_from) c.push(Prisma.sql`c.last_order_at >= ${dayStart(f.last_order_from)}`);
  if (f.last_order_to) c.push(Prisma.sql`c.last_order_at < ${dayStart(f.last_order_to, 1)}`);
  if (f.min_spend !== undefined) c.push(Prisma.sql`c.net_spend >= ${f.min_spend}::numeric`);
  if (f.max_spend !== undefined) c.push(Prisma.sql`c.net_spend <= ${f.max_spend}::numeric`);
  if (f.search) c.push(searchClause(f.search));
  return c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
}

/** NOT NULL columns keep the default null order, so ORDER BY matches their indexes (net_spend DESC, id). */
const SORT_COLUMNS: Record<CustomerSort, { col: string; nullable: boolean }> = {
  net_spend: { col: "c.net_spend", nullable: false },
  orders_total: { col: "c.orders_total", nullable: false },
  purchases: { col: "c.purchases", nullable: false },
  orders_delivered: { col: "c.orders_delivered", nullable: false },
  orders_cancelled: { col: "c.orders_cancelled", nullable: false },
  orders_returned: { col: "c.orders_returned", nullable: false },
  refused_cod: { col: "c.refused_cod", nullable: false },
  avg_order_value: { col: "c.avg_order_value", nullable: false },
  loyalty: { col: "c.loyalty", nullable: false },
  first_order_at: { col: "c.first_order_at", nullable: true },
  last_order_at: { col: "c.last_order_at", nullable: true },
  name: { col: "c.name", nullable: true },
};

export function customerOrder(f: Pick<CustomerFilters, "sort" | "order">): Prisma.Sql {
  const { col, nullable } = SORT_COLUMNS[f.sort];
  return Prisma.raw(`ORDER BY ${col} ${f.order === "desc" ? "DESC" : "ASC"}${nullable ? " NULLS LAST" : ""}, c.id ASC`);
}

export const CUSTOMER_COLUMNS = Prisma.raw(`c.id, c.kind, c.name, c.phone, c.company_name, c.company_cui, c.tier, c.loyalty, c.risk,
  c.rfm_segment, c.rfm_r, c.rfm_f, c.rfm_m, c.orders_total, c.purchases, c.orders_delivered, c.orders_cancelled, c.orders_returned, c.refused_cod,
  c.net_spend::float8 AS net_spend, c.avg_order_value::float8 AS avg_order_value, c.currency, c.first_order_at, c.last_order_at,
  c.accounts, c.cities, c.preferred_payment_mode_id`);

export interface CustomerDbRow {
  id: string; kind: string; name: string | null; phone: string | null; company_name: string | null; company_cui: string | null;
  tier: string; loyalty: number; risk: string; rfm_segment: string | null; rfm_r: number | null; rfm_f: number | null; rfm_m: number | null;
  orders_total: number; purchases: number; orders_delivered: number; orders_cancelled: number; orders_returned: number; refused_cod: number;
  net_spend: number; avg_order_value: number; currency: string | null; first_order_at: Date | null; last_order_at: Date | null;
  accounts: Record<string, unknown> | null; cities: string[] | null; preferred_payment_mode_id: number | null;
}

const int = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0) || 0);

/** A stored row as the API's list item (unmasked; mask.ts masks per role). */
export function summaryRowOf(r: CustomerDbRow): CustomerSummaryRow {
  const segment = r.rfm_segment as RfmSegment | null;
  return {
    id: r.id,
    kind: r.kind === "company" ? "company" : "person",
    name: r.name,
    phone: r.phone,
    company_name: r.company_name,
    company_cui: r.company_cui,
    tier: r.tier as CustomerSummaryRow["tier"],
    loyalty: r.loyalty,
    risk: r.risk as CustomerSummaryRow["risk"],
    rfm_segment: segment,
    rfm_segment_label: segment ? (RFM_SEGMENT_LABELS[segment] ?? segment) : null,
    rfm: r.rfm_r !== null && r.rfm_f !== null && r.rfm_m !== null ? { r: r.rfm_r, f: r.rfm_f, m: r.rfm_m } : null,
    orders_total: r.orders_total,
    purchases: r.purchases,
    orders_delivered: r.orders_delivered,
    orders_cancelled: r.orders_cancelled,
    orders_returned: r.orders_returned,
    refused_cod: r.refused_cod,
    net_spend: r.net_spend,
    avg_order_value: r.avg_order_value,
    currency: r.currency,
    first_order_at: r.first_order_at?.toISOString() ?? null,
    last_order_at: r.last_order_at?.toISOString() ?? null,
    accounts: { main: int(r.accounts?.main), fbe: int(r.accounts?.fbe) },
    cities: r.cities ?? [],
    preferred_payment_mode_id: r.preferred_payment_mode_id,
    pii_masked: false,
  };
}
