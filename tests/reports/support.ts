// Hand-made rows for the report tests, written with SQL: orders (with lines) and sync logs.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export interface SeedLine { key: string; qty: number; price: number; vat?: number; status?: number; name?: string }
export interface SeedOrder {
  at: string | null;
  status: number;
  total: number;
  account?: "main" | "fbe";
  currency?: string;
  seen?: string;
  lines?: SeedLine[];
}

let emagId = 9_100_000 + Math.floor(Math.random() * 100_000) * 10;

export async function insertOrder(o: SeedOrder) {
  const id = randomUUID();
  const emagOrderId = emagId++;
  const account = o.account ?? "main";
  await db.$executeRawUnsafe(
    `INSERT INTO emag_orders (id, account, emag_order_id, type, status, total, currency, raw, content_hash, emag_created_at, first_seen_at)
     VALUES ($1::uuid, $2::"AccountKind", $3::bigint, 3, $4, $5, $6, '{}'::jsonb, 'seed', $7::timestamptz, $8::timestamptz)`,
    id, account, emagOrderId, o.status, o.total, o.currency ?? "RON", o.at, o.seen ?? o.at,
  );
  for (const [i, l] of (o.lines ?? []).entries()) {
    await db.$executeRawUnsafe(
      `INSERT INTO emag_order_lines (order_id, line_id, account, emag_order_id, part_number_key, name, quantity, sale_price, vat_rate, status)
       VALUES ($1::uuid, $2, $3::"AccountKind", $4::bigint, $5, $6, $7, $8, $9, $10)`,
      id, i + 1, account, emagOrderId, l.key, l.name ?? `Product ${l.key}`, l.qty, l.price, l.vat ?? 0.19, l.status ?? 1,
    );
  }
  return id;
}

export interface SeedSync { type: string; accounts: string[]; status: string; at: string; requests?: number; waits?: number; errors?: { account: string | null; message: string }[] }

export async function insertSyncLog(s: SeedSync) {
  await db.$executeRawUnsafe(
    `INSERT INTO sync_logs (id, type, accounts, mode, status, triggered_by, started_at, api_requests, rate_limit_waits, errors)
     VALUES (gen_random_uuid(), $1, $2::text[], 'incremental', $3::"SyncStatus", 'schedule', ($4::timestamptz AT TIME ZONE 'UTC'), $5, $6, $7::jsonb)`,
    s.type, s.accounts, s.status, s.at, s.requests ?? 0, s.waits ?? 0, JSON.stringify(s.errors ?? []),
  );
}

/** A day's orders: 2 Nov 2026 in Bucharest (UTC+2) is 2026-11-01T22:00Z to 2026-11-02T22:00Z; 1 Nov before it. */
export async function seedNovemberDay() {
  const orders: SeedOrder[] = [
    // 2 Nov (the daily period at NOW).
    { at: "2026-11-01T22:00:00Z", status: 4, total: 100, lines: [{ key: "P1", qty: 2, price: 40 }, { key: "P2", qty: 1, price: 10 }] }, // local midnight: in
    { at: "2026-11-02T10:00:00Z", status: 0, total: 50, lines: [{ key: "P3", qty: 1, price: 200 }] }, // cancelled
    { at: "2026-11-02T11:00:00Z", status: 1, total: 30.5, currency: "EUR" }, // counted, not in RON revenue
    { at: "2026-11-02T21:59:59Z", status: 2, total: 200, account: "fbe", lines: [{ key: "P1", qty: 1, price: 100 }] },
    { at: null, seen: "2026-11-02T12:00:00Z", status: 3, total: 20, account: "fbe" }, // no eMAG date: placed when first seen
    { at: "2026-11-02T22:00:00Z", status: 4, total: 999, lines: [{ key: "P9", qty: 9, price: 99 }] }, // 3 Nov: out
    // 1 Nov (the previous period).
    { at: "2026-11-01T10:00:00Z", status: 4, total: 50 },
    { at: "2026-11-01T11:00:00Z", status: 5, total: 70 }, // fully returned: an order, no revenue
  ];
  for (const o of orders) await insertOrder(o);
  const syncs: SeedSync[] = [
    { type: "products", accounts: ["main"], status: "completed", at: "2026-11-02T03:00:00Z", requests: 10, waits: 2 },
    {
      type: "orders", accounts: ["main", "fbe"], status: "failed", at: "2026-11-02T05:00:00Z", requests: 5,
      errors: [{ account: "main", message: "eMAG main order/read rate limit exceeded (HTTP 429)" }, { account: null, message: "worker stopped" }],
    },
    { type: "products", accounts: ["fbe"], status: "partial", at: "2026-11-02T07:00:00Z", requests: 7, errors: [{ account: "fbe", message: "page 3 failed" }] },
    { type: "products", accounts: ["main"], status: "completed", at: "2026-11-01T21:59:00Z", requests: 100 }, // 1 Nov: out
  ];
  for (const s of syncs) await insertSyncLog(s);
}
