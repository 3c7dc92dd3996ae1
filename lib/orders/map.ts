// eMAG's order (as the client parsed it: ids are decimal strings, numbers are numbers) -> the row
// values of emag_orders / emag_order_lines. Pure, so it is unit-tested without a database.
import { createHash } from "node:crypto";
import type { EmagOrder } from "@/lib/emag/schemas/orders";
import type { AccountKind } from "@/lib/realtime/events";

export interface OrderLineRow {
  line_id: string;
  product_id: string | null;
  part_number: string | null;
  part_number_key: string | null;
  name: string | null;
  quantity: number;
  sale_price: number;
  vat_rate: number | null;
  status: number;
}

export interface OrderRow {
  account: AccountKind;
  emag_order_id: string;
  type: number;
  status: number;
  customer_emag_id: string | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  customer_company: string | null;
  shipping_address: Record<string, unknown> | null;
  billing_address: Record<string, unknown> | null;
  payment_mode: string | null;
  payment_mode_id: number | null;
  payment_status: number | null;
  delivery_mode: string | null;
  locker_id: string | null;
  locker_name: string | null;
  total: number;
  shipping_tax: number | null;
  currency: string | null;
  vouchers: unknown[];
  line_count: number;
  invoice_url: string | null;
  cancellation_reason: { id: number | null; name: string | null } | null;
  observation: string | null;
  /** eMAG platform time ("YYYY-MM-DD HH:MM:SS", Europe/Bucharest); converted by Postgres. */
  emag_created: string | null;
  emag_modified: string | null;
  finalization_date: string | null;
  raw: EmagOrder;
  content_hash: string;
  lines: OrderLineRow[];
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** An order's total as the customer pays it (to the ban): lines with VAT, shipping and vouchers (negative). */
export function orderTotal(o: Pick<EmagOrder, "products" | "shipping_tax" | "vouchers">): number {
  const lines = o.products.filter((p) => p.status !== 0).reduce((s, p) => s + p.sale_price * p.quantity * (1 + (p.vat ?? 0)), 0);
  const vouchers = o.vouchers.reduce((s, v) => s + (v.sale_price_vat ?? v.sale_price ?? 0), 0);
  return Math.round((lines + (o.shipping_tax ?? 0) + vouchers) * 100) / 100;
}

export function mapOrder(account: AccountKind, o: EmagOrder): OrderRow {
  const c = o.customer ?? null;
  const details = o.details as Record<string, unknown>;
  const invoices = o.attachments.filter((a) => (a.type ?? 1) === 1);
  const lines: OrderLineRow[] = o.products
    .filter((p) => p.id !== null)
    .map((p) => ({
      line_id: p.id!,
      product_id: p.product_id,
      part_number: p.ext_part_number ?? p.part_number,
      part_number_key: p.part_number_key,
      name: p.name,
      quantity: p.quantity,
      sale_price: round4(p.sale_price),
      vat_rate: p.vat,
      status: p.status,
    }));
  const row: Omit<OrderRow, "content_hash"> = {
    account,
    emag_order_id: o.id,
    type: o.type,
    status: o.status,
    customer_emag_id: c?.id ?? null,
    customer_name: str(c?.name) ?? str(c?.shipping_contact),
    customer_email: str(c?.email),
    customer_phone: str(c?.phone_1) ?? str(c?.shipping_phone) ?? str(c?.billing_phone),
    customer_company: c?.legal_entity ? str(c?.company) : null,
    shipping_address: c
      ? {
          contact: c.shipping_contact,
          phone: c.shipping_phone,
          country: c.shipping_country,
          county: c.shipping_suburb,
          city: c.shipping_city,
          street: c.shipping_street,
          postal_code: c.shipping_postal_code,
          locality_id: c.shipping_locality_id,
        }
      : null,
    billing_address: c
      ? {
          name: c.billing_name,
          phone: c.billing_phone,
          country: c.billing_country,
          county: c.billing_suburb,
          city: c.billing_city,
          street: c.billing_street,
          postal_code: c.billing_postal_code,
          locality_id: c.billing_locality_id,
        }
      : null,
    payment_mode: o.payment_mode,
    payment_mode_id: o.payment_mode_id,
    payment_status: o.payment_status,
    delivery_mode: o.delivery_mode,
    locker_id: str(details.locker_id),
    locker_name: str(details.locker_name),
    total: orderTotal(o),
    shipping_tax: o.shipping_tax,
    currency: o.products[0]?.currency ?? "RON",
    vouchers: o.vouchers,
    line_count: lines.filter((l) => l.status !== 0).length,
    invoice_url: invoices.at(-1)?.url ?? null,
    cancellation_reason: o.reason_cancellation ? { id: o.reason_cancellation.id ?? null, name: o.reason_cancellation.name ?? null } : null,
    observation: o.observation,
    emag_created: o.created ?? o.date,
    emag_modified: o.modified,
    finalization_date: o.finalization_date,
    raw: o,
    lines,
  };
  // The hash covers what eMAG sent: an order eMAG did not change is not rewritten.
  return { ...row, content_hash: createHash("sha256").update(JSON.stringify(o)).digest("base64url") };
}
