// Reading stored returns: the returns of one order, for its detail.
import type { AccountKind } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import type { EmagReturn } from "@/lib/generated/prisma/client";
import { requestStatusLabel, returnTypeLabel } from "@/lib/returns/labels";
import type { OrderReturnJson, ReturnProductJson } from "@/lib/returns/types";

const SELECT = {
  id: true, emagRmaId: true, returnType: true, returnReason: true, requestStatus: true, products: true, refundValue: true, emagDate: true,
} as const;
type ReturnSummaryRow = Pick<EmagReturn, keyof typeof SELECT>;

export function serializeOrderReturn(r: ReturnSummaryRow): OrderReturnJson {
  return {
    id: r.id,
    emag_rma_id: r.emagRmaId.toString(),
    return_type: r.returnType,
    return_type_label: returnTypeLabel(r.returnType),
    return_reason: r.returnReason,
    request_status: r.requestStatus,
    request_status_label: requestStatusLabel(r.requestStatus),
    products: (Array.isArray(r.products) ? r.products : []) as unknown as ReturnProductJson[],
    refund_value: Number(r.refundValue),
    emag_date: r.emagDate?.toISOString() ?? null,
  };
}

/**
 * The returns of a stored order, newest first: those linked to it and those naming its eMAG id
 * that are not linked yet (a return stored before its order).
 */
export async function findOrderReturns(order: { id: string; account: AccountKind; emagOrderId: bigint }): Promise<OrderReturnJson[]> {
  const rows = await db.emagReturn.findMany({
    where: { OR: [{ orderId: order.id }, { account: order.account, emagOrderId: order.emagOrderId }] },
    orderBy: [{ emagDate: { sort: "desc", nulls: "last" } }, { emagRmaId: "desc" }],
    select: SELECT,
  });
  return rows.map(serializeOrderReturn);
}
