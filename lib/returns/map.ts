// eMAG's RMA (as the client parsed it: ids are decimal strings, numbers are numbers) -> the row
// values of emag_returns. Pure, so it is unit-tested without a database.
import { createHash } from "node:crypto";
import type { AccountKind } from "@/lib/accounts/service";
import type { EmagRma } from "@/lib/emag/schemas/rma";
import type { ReturnProductJson } from "@/lib/returns/types";

export interface ReturnRow {
  account: AccountKind;
  emag_rma_id: string;
  emag_order_id: string | null;
  return_type: number | null;
  return_reason: number | null;
  request_status: number;
  is_full_fbe: boolean;
  products: ReturnProductJson[];
  /** Decimal string with 2 decimals (numeric(14,2)); summed exactly, not in floating point. */
  refund_value: string;
  customer_name: string | null;
  /** eMAG platform time ("YYYY-MM-DD HH:MM:SS", Europe/Bucharest); converted by Postgres. */
  emag_date: string | null;
  raw: EmagRma;
  content_hash: string;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** Sum of the lines' refund values in cents, from their 4-decimal wire values (no float drift). */
export function refundValueOf(products: Pick<EmagRma["products"][number], "refund_value">[]): string {
  const tenThousandths = products.reduce((s, p) => s + Math.round((p.refund_value ?? 0) * 10_000), 0);
  const cents = Math.round(tenThousandths / 100);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function mapReturn(account: AccountKind, r: EmagRma): ReturnRow {
  const row: Omit<ReturnRow, "content_hash"> = {
    account,
    emag_rma_id: r.emag_id,
    emag_order_id: r.order_id,
    return_type: r.return_type,
    return_reason: r.return_reason,
    request_status: r.request_status,
    is_full_fbe: r.is_full_fbe === 1,
    products: r.products.map((p) => ({
      id: p.id,
      product_id: p.product_id,
      product_emag_id: p.product_emag_id,
      name: str(p.product_name),
      quantity: p.quantity,
      reason: p.return_reason ?? r.return_reason,
      refund_value: p.refund_value === null ? null : Math.round(p.refund_value * 100) / 100,
    })),
    refund_value: refundValueOf(r.products),
    customer_name: str(r.customer_name),
    emag_date: str(r.date),
    raw: r,
  };
  // The hash covers what eMAG sent: a return eMAG did not change is not rewritten.
  return { ...row, content_hash: createHash("sha256").update(JSON.stringify(r)).digest("base64url") };
}
