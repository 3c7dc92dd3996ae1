// Reading stored orders: list (filters, search, sort, paging), detail, statistics, CSV export.
import type { CsvColumns, CsvExport } from "@/lib/api/csv-stream";
import { AppError } from "@/lib/api/errors";
import type { Page } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { allowedNextStatuses, ORDER_STATUS_LABELS } from "@/lib/emag/order-rules";
import type { EmagOrder, EmagOrderLine, Prisma } from "@/lib/generated/prisma/client";
import type { ListOrdersQuery, OrderFilters } from "@/lib/orders/schemas";
import { findOrderReturns } from "@/lib/returns/queries";

const num = (d: Prisma.Decimal | null | undefined) => (d === null || d === undefined ? null : Number(d));
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
/** Bucharest midnight of a YYYY-MM-DD day, as an instant. */
const bucharestDay = (day: string, endOfDay = false) => {
  const probe = new Date(`${day}T12:00:00Z`);
  const offset = new Date(probe.toLocaleString("en-US", { timeZone: "Europe/Bucharest" })).getTime() - new Date(probe.toLocaleString("en-US", { timeZone: "UTC" })).getTime();
  return new Date(Date.parse(`${day}T00:00:00Z`) - offset + (endOfDay ? 86_400_000 : 0));
};

type SummaryRow = Pick<EmagOrder,
  "id" | "account" | "emagOrderId" | "type" | "status" | "customerName" | "customerPhone" | "paymentMode" | "paymentModeId" |
  "paymentStatus" | "deliveryMode" | "total" | "currency" | "lineCount" | "awbNumber" | "invoiceUrl" | "emagCreatedAt" |
  "acknowledgedAt" | "emagModifiedAt">;

export function serializeOrderSummary(o: SummaryRow) {
  const inStatusMs = o.emagModifiedAt ? Date.now() - o.emagModifiedAt.getTime() : undefined;
  return {
    id: o.id,
    account: o.account,
    emag_order_id: o.emagOrderId.toString(),
    type: o.type,
    status: o.status,
    status_label: ORDER_STATUS_LABELS[o.status] ?? String(o.status),
    customer_name: o.customerName,
    customer_phone: o.customerPhone,
    payment_mode: o.paymentMode,
    payment_mode_id: o.paymentModeId,
    payment_status: o.paymentStatus,
    delivery_mode: o.deliveryMode,
    total: Number(o.total),
    currency: o.currency,
    line_count: o.lineCount,
    awb_number: o.awbNumber,
    invoice_url: o.invoiceUrl,
    emag_created_at: iso(o.emagCreatedAt),
    acknowledged_at: iso(o.acknowledgedAt),
    allowed_statuses: o.type === 3 && o.status === 1 ? [2] : allowedNextStatuses(o.type, o.status, inStatusMs),
    can_acknowledge: o.type === 3 && o.status === 1,
    can_generate_awb: o.type === 3 && [2, 3, 4].includes(o.status) && !o.awbNumber,
  };
}
export type OrderSummaryJson = ReturnType<typeof serializeOrderSummary>;

export function serializeOrderDetail(o: EmagOrder & { lines: EmagOrderLine[] }) {
  return {
    ...serializeOrderSummary(o),
    customer: { emag_id: o.customerEmagId?.toString() ?? null, name: o.customerName, email: o.customerEmail, phone: o.customerPhone, company: o.customerCompany },
    customer_id: o.customerId,
    shipping_address: o.shippingAddress,
    billing_address: o.billingAddress,
    locker: o.lockerId ? { id: o.lockerId, name: o.lockerName } : null,
    shipping_tax: num(o.shippingTax),
    vouchers: o.vouchers,
    lines: o.lines
      .sort((a, b) => (a.lineId < b.lineId ? -1 : 1))
      .map((l) => ({
        line_id: l.lineId.toString(),
        product_id: l.productId,
        part_number: l.partNumber,
        part_number_key: l.partNumberKey,
        name: l.name,
        quantity: l.quantity,
        status: l.status,
        sale_price: Number(l.salePrice),
        vat_rate: num(l.vatRate),
        line_total: Math.round(Number(l.salePrice) * l.quantity * (1 + Number(l.vatRate ?? 0)) * 100) / 100,
      })),
    courier_name: o.courierName,
    awb: o.awb,
    invoice_attached_at: iso(o.invoiceAttachedAt),
    finalized_at: iso(o.finalizedAt),
    cancellation_reason: o.cancellationReason,
    observation: o.observation,
    emag_modified_at: iso(o.emagModifiedAt),
    first_seen_at: iso(o.firstSeenAt),
    last_synced_at: iso(o.lastSyncedAt),
    timeline: o.timeline,
  };
}
export type OrderDetailJson = ReturnType<typeof serializeOrderDetail>;

export function orderWhere(f: OrderFilters): Prisma.EmagOrderWhereInput {
  const and: Prisma.EmagOrderWhereInput[] = [];
  if (f.account) and.push({ account: f.account });
  if (f.status) and.push({ status: { in: f.status } });
  if (f.type) and.push({ type: f.type });
  if (f.payment_mode_id) and.push({ paymentModeId: f.payment_mode_id });
  if (f.date_from) and.push({ emagCreatedAt: { gte: bucharestDay(f.date_from) } });
  if (f.date_to) and.push({ emagCreatedAt: { lt: bucharestDay(f.date_to, true) } });
  if (f.search) {
    const s = f.search;
    const or: Prisma.EmagOrderWhereInput[] = [
      { customerName: { contains: s, mode: "insensitive" } },
      { customerEmail: { contains: s, mode: "insensitive" } },
    ];
    const digits = s.replace(/[\s+.-]/g, "");
    if (/^\d{1,19}$/.test(digits)) {
      if (BigInt(digits) <= 9_223_372_036_854_775_807n) or.push({ emagOrderId: BigInt(digits) });
      if (digits.length >= 4) or.push({ customerPhone: { contains: digits } });
    }
    and.push({ OR: or });
  }
  return and.length ? { AND: and } : {};
}

const orderBy = (f: OrderFilters): Prisma.EmagOrderOrderByWithRelationInput[] => {
  const key = { emag_created_at: "emagCreatedAt", total: "total", status: "status", emag_order_id: "emagOrderId" } as const;
  return [{ [key[f.sort]]: { sort: f.order, nulls: "last" } }, { id: "asc" }];
};

const SUMMARY_SELECT = {
  id: true, account: true, emagOrderId: true, type: true, status: true, customerName: true, customerPhone: true, paymentMode: true,
  paymentModeId: true, paymentStatus: true, deliveryMode: true, total: true, currency: true, lineCount: true, awbNumber: true,
  invoiceUrl: true, emagCreatedAt: true, acknowledgedAt: true, emagModifiedAt: true,
} as const;

export async function listOrders(q: ListOrdersQuery): Promise<Page<OrderSummaryJson>> {
  const where = orderWhere(q);
  const [rows, total] = await Promise.all([
    db.emagOrder.findMany({ where, orderBy: orderBy(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: SUMMARY_SELECT }),
    db.emagOrder.count({ where }),
  ]);
  return { data: rows.map(serializeOrderSummary), total, page: q.page, pageSize: q.pageSize };
}

export async function getOrderRecord(id: string) {
  const o = await db.emagOrder.findUnique({ where: { id }, include: { lines: true } });
  if (!o) throw new AppError("not_found", "Order not found");
  return o;
}

/** The order's detail with its returns (lib/returns). */
export async function getOrderDetail(id: string) {
  const o = await getOrderRecord(id);
  return { ...serializeOrderDetail(o), returns: await findOrderReturns(o) };
}

export async function orderStatistics(days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  const [byStatus, byAccount, byDay, today] = await Promise.all([
    db.emagOrder.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    db.$queryRaw<{ account: string; count: bigint; revenue: string }[]>`
      SELECT account::text, count(*) AS count, COALESCE(sum(total) FILTER (WHERE status NOT IN (0, 5)), 0)::text AS revenue
      FROM emag_orders GROUP BY account ORDER BY account`,
    db.$queryRaw<{ day: string; main: string; fbe: string; orders: bigint }[]>`
      SELECT to_char(emag_created_at AT TIME ZONE 'Europe/Bucharest', 'YYYY-MM-DD') AS day,
        COALESCE(sum(total) FILTER (WHERE account = 'main'), 0)::text AS main,
        COALESCE(sum(total) FILTER (WHERE account = 'fbe'), 0)::text AS fbe, count(*) AS orders
      FROM emag_orders WHERE emag_created_at >= ${since} AND status NOT IN (0, 5)
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ total: bigint; new_today: bigint; unacknowledged: bigint }[]>`
      SELECT count(*) FILTER (WHERE (emag_created_at AT TIME ZONE 'Europe/Bucharest')::date = (now() AT TIME ZONE 'Europe/Bucharest')::date) AS total,
        count(*) FILTER (WHERE (first_seen_at AT TIME ZONE 'Europe/Bucharest')::date = (now() AT TIME ZONE 'Europe/Bucharest')::date
          AND (emag_created_at AT TIME ZONE 'Europe/Bucharest')::date = (now() AT TIME ZONE 'Europe/Bucharest')::date) AS new_today,
        count(*) FILTER (WHERE status = 1) AS unacknowledged
      FROM emag_orders`,
  ]);
  const t = today[0]!;
  return {
    days,
    by_status: byStatus.map((s) => ({ status: s.status, label: ORDER_STATUS_LABELS[s.status] ?? String(s.status), count: s._count._all })),
    by_account: byAccount.map((a) => ({ account: a.account, count: Number(a.count), revenue: Math.round(Number(a.revenue) * 100) / 100 })),
    revenue_by_day: byDay.map((d) => ({ day: d.day, main: Math.round(Number(d.main) * 100) / 100, fbe: Math.round(Number(d.fbe) * 100) / 100, orders: Number(d.orders) })),
    today: { total: Number(t.total), new: Number(t.new_today), unacknowledged: Number(t.unacknowledged) },
  };
}

const CSV_COLUMNS: CsvColumns<SummaryRow> = [
  ["account", (o) => o.account],
  ["emag_order_id", (o) => o.emagOrderId.toString()],
  ["type", (o) => o.type],
  ["status", (o) => ORDER_STATUS_LABELS[o.status] ?? o.status],
  ["customer", (o) => o.customerName],
  ["phone", (o) => o.customerPhone],
  ["payment_mode", (o) => o.paymentMode],
  ["delivery_mode", (o) => o.deliveryMode],
  ["total", (o) => Number(o.total).toFixed(2)],
  ["currency", (o) => o.currency],
  ["lines", (o) => o.lineCount],
  ["awb", (o) => o.awbNumber],
  ["invoice_url", (o) => o.invoiceUrl],
  ["created_at", (o) => iso(o.emagCreatedAt)],
  ["acknowledged_at", (o) => iso(o.acknowledgedAt)],
];
const BATCH = 1000;

/** The list (same filters and sort) in batches, for csvResponse. */
export function ordersCsv(f: OrderFilters): CsvExport<SummaryRow> {
  return { columns: CSV_COLUMNS, batches: orderBatches(f) };
}

async function* orderBatches(f: OrderFilters): AsyncGenerator<SummaryRow[]> {
  const where = orderWhere(f);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.emagOrder.findMany({
      where, orderBy: orderBy(f), take: BATCH, select: SUMMARY_SELECT, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}
