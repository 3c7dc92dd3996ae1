// What a written page of returns tells people: return:new for a return seen for the first time
// (once: only the statement that inserted the row reports it) and return:updated for a status
// change (once: only the statement that changed it sees the old status). History (a first sync,
// a backfill) is stored silently.
import { emit } from "@/lib/realtime/emit";
import type { UpsertedReturn } from "@/lib/returns/store";

export function announceReturns(written: UpsertedReturn[], opts: { silent: boolean }) {
  if (opts.silent) return;
  for (const r of written) {
    const base = { id: r.id, account: r.account, emagRmaId: r.emag_rma_id, emagOrderId: r.emag_order_id, orderId: r.order_id, requestStatus: r.request_status };
    if (r.inserted) emit("return:new", base);
    else if (r.prev_status !== null && r.prev_status !== r.request_status) emit("return:updated", { ...base, previousStatus: r.prev_status });
  }
}
