// Customer, order and return rows written straight with SQL, in the shape the upkeep produces, so
// the API tests do not depend on the upkeep (lib/customers/upkeep.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export interface SeedCustomer {
  id: string;
  kind?: "person" | "company";
  name?: string | null;
  phone?: string | null;
  phones?: string[];
  company_name?: string | null;
  company_cui?: string | null;
  company?: Record<string, unknown> | null;
  contacts?: unknown[];
  orders_total?: number;
  purchases?: number;
  orders_delivered?: number;
  orders_cancelled?: number;
  orders_returned?: number;
  refused_cod?: number;
  net_spend?: number;
  avg_order_value?: number;
  first_order_at?: Date | null;
  last_order_at?: Date | null;
  accounts?: { main?: number; fbe?: number };
  cities?: string[];
  preferred_payment_mode_id?: number | null;
  tier?: string;
  loyalty?: number;
  risk?: string;
  score_inputs?: Record<string, unknown>;
  rfm?: [number, number, number] | null;
  rfm_segment?: string | null;
}

export async function insertCustomers(rows: SeedCustomer[]) {
  const json = rows.map((c) => ({
    id: c.id,
    kind: c.kind ?? "person",
    name: c.name ?? null,
    phone: c.phone ?? c.phones?.[0] ?? null,
    phones: c.phones ?? (c.phone ? [c.phone] : []),
    company_name: c.company_name ?? null,
    company_cui: c.company_cui ?? null,
    company: c.company ?? null,
    contacts: c.contacts ?? [],
    orders_total: c.orders_total ?? 1,
    purchases: c.purchases ?? (c.orders_total ?? 1) - (c.orders_cancelled ?? 0),
    orders_delivered: c.orders_delivered ?? 1,
    orders_cancelled: c.orders_cancelled ?? 0,
    orders_returned: c.orders_returned ?? 0,
    refused_cod: c.refused_cod ?? 0,
    net_spend: c.net_spend ?? 100,
    avg_order_value: c.avg_order_value ?? c.net_spend ?? 100,
    first_order_at: c.first_order_at?.toISOString() ?? null,
    last_order_at: c.last_order_at?.toISOString() ?? null,
    accounts: { main: c.accounts?.main ?? 1, fbe: c.accounts?.fbe ?? 0 },
    cities: c.cities ?? [],
    preferred_payment_mode_id: c.preferred_payment_mode_id ?? 1,
    tier: c.tier ?? "bronze",
    loyalty: c.loyalty ?? 10,
    risk: c.risk ?? "low",
    score_inputs: c.score_inputs ?? {},
    rfm_r: c.rfm === null ? null : (c.rfm?.[0] ?? 1),
    rfm_f: c.rfm === null ? null : (c.rfm?.[1] ?? 1),
    rfm_m: c.rfm === null ? null : (c.rfm?.[2] ?? 1),
    rfm_segment: c.rfm_segment === undefined ? "lost" : c.rfm_segment,
  }));
  await db.$executeRawUnsafe(
    `INSERT INTO customers (id, kind, name, phone, phones, company_name, company_cui, company, contacts, orders_total, purchases, orders_delivered,
       orders_cancelled, orders_returned, refused_cod, net_spend, avg_order_value, currency, first_order_at, last_order_at, accounts, cities,
       preferred_payment_mode_id, tier, loyalty, risk, score_inputs, rfm_r, rfm_f, rfm_m, rfm_segment)
     SELECT id, kind, name, phone, phones, company_name, company_cui, company, contacts, orders_total, purchases, orders_delivered, orders_cancelled,
       orders_returned, refused_cod, net_spend, avg_order_value, 'RON', first_order_at, last_order_at, accounts, cities,
       preferred_payment_mode_id, tier, loyalty, risk, score_inputs, rfm_r, rfm_f, rfm_m, rfm_segment
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, kind text, name text, phone text, phones text[], company_name text, company_cui text,
       company jsonb, contacts jsonb, orders_total int, purchases int, orders_delivered int, orders_cancelled int, orders_returned int, refused_cod int,
       net_spend numeric, avg_order_value numeric, first_order_at timestamptz, last_order_at timestamptz, accounts jsonb, cities text[],
       preferred_payment_mode_id int, tier text, loyalty int, risk text, score_inputs jsonb, rfm_r int, rfm_f int, rfm_m int, rfm_segment text)`,
    JSON.stringify(json),
  );
}

let nextOrderId = 5_000_000;

export interface SeedOrder {
  customerId: string | null;
  at: Date;
  account?: "main" | "fbe";
  status?: number;
  total?: number;
  city?: string;
}

/** Inserts orders; returns their ids and eMAG ids in the same order. */
export async function insertOrders(rows: SeedOrder[]): Promise<{ id: string; emagOrderId: string }[]> {
  const out: { id: string; emagOrderId: string }[] = [];
  for (const o of rows) {
    const id = randomUUID();
    const emagOrderId = String(nextOrderId++);
    await db.$executeRawUnsafe(
      `INSERT INTO emag_orders (id, account, emag_order_id, type, status, total, currency, payment_mode_id, shipping_address, raw, content_hash,
         emag_created_at, emag_modified_at, customer_id)
       VALUES ($1::uuid, $2::"AccountKind", $3::bigint, 3, $4, $5, 'RON', 1, $6::jsonb, '{}'::jsonb, 'seed', $7::timestamptz, $7::timestamptz + interval '1 day', $8)`,
      id, o.account ?? "main", emagOrderId, o.status ?? 4, o.total ?? 100, JSON.stringify({ city: o.city ?? "Cluj-Napoca" }), o.at.toISOString(), o.customerId,
    );
    out.push({ id, emagOrderId });
  }
  return out;
}

let nextRma = 900_000;

export async function insertReturn(r: { customerId: string; orderId: string; emagOrderId: string; at: Date; requestStatus?: number; refund?: number }) {
  await db.$executeRawUnsafe(
    `INSERT INTO emag_returns (account, emag_rma_id, emag_order_id, order_id, customer_id, return_type, return_reason, request_status, refund_value,
       emag_date, raw, content_hash)
     VALUES ('main', $1::bigint, $2::bigint, $3::uuid, $4, 3, 1, $5, $6, $7::timestamptz, '{}'::jsonb, 'seed')`,
    nextRma++, r.emagOrderId, r.orderId, r.customerId, r.requestStatus ?? 3, r.refund ?? 50, r.at.toISOString(),
  );
}

/** The current Europe/Bucharest month as [year, month 1-12]. */
export function bucharestMonth(now = new Date()): [number, number] {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Bucharest", year: "numeric", month: "2-digit" }).formatToParts(now);
  return [Number(parts.find((p) => p.type === "year")!.value), Number(parts.find((p) => p.type === "month")!.value)];
}

/** Noon UTC on the `day` of the month `k` months before the current one (k = 0: this month). */
export function monthsAgo(k: number, day = 1): Date {
  const [y, m] = bucharestMonth();
  return new Date(Date.UTC(y, m - 1 - k, day, 12));
}

/** "YYYY-MM" of the month k months ago. */
export function monthKey(k: number): string {
  const d = monthsAgo(k);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
