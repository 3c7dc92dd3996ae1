// Order filters, and the status rules of contract §6.2 (lib/emag/order-rules.ts) with the 48 h and
// return-window limits measured from the moment the order entered its current status.
import { fInt, fIntList, fStr } from "../body";
import type { SimOrder } from "../data/orders";
import { orderTransitionError } from "@/lib/emag/order-rules";
import { DAY_MS, naiveMs, TIMESTAMP_RE } from "../time";

type Obj = Record<string, unknown>;
export function transitionError(order: SimOrder, to: number, now: number): string | undefined {
  const w = order.wire;
  return orderTransitionError(w.id, 3, w.status, to, now - order.statusAt);
}

const normTs = (s: string) => (s.length === 10 ? `${s} 00:00:00` : s.length === 16 ? `${s}:00` : s);

/** Builds the order/read|count predicate, or the isError message for invalid filters. */
export function orderFilter(f: Obj, defaultType: number): { error: string } | { match: (o: SimOrder) => boolean } {
  const ids = fIntList(f.id);
  const statuses = fIntList(f.status);
  const payment = fIntList(f.payment_mode_id);
  const type = fInt(f.type) ?? defaultType;
  const complete = fInt(f.is_complete);
  const windows: { field: "created" | "modified"; after?: string; before?: string }[] = [];
  for (const field of ["created", "modified"] as const) {
    const after = fStr(f[`${field}After`]);
    const before = fStr(f[`${field}Before`]);
    for (const [name, v] of [[`${field}After`, after], [`${field}Before`, before]] as const)
      if (v !== undefined && !TIMESTAMP_RE.test(v)) return { error: `Invalid ${name} value. Expected format: YYYY-MM-DD HH:MM:SS` };
    if (before && !after) return { error: `${field}Before must be used together with ${field}After` };
    if (after && before && naiveMs(before) - naiveMs(after) > 31 * DAY_MS)
      return { error: `The interval between ${field}After and ${field}Before must not exceed one month` };
    windows.push({ field, after: after && normTs(after), before: before && normTs(before) });
  }
  return {
    match: (o) => {
      const w = o.wire;
      return (
        w.type === type &&
        (!ids || ids.includes(w.id)) &&
        (!statuses || statuses.includes(w.status)) &&
        (!payment || payment.includes(w.payment_mode_id as number)) &&
        (complete === undefined || w.is_complete === complete) &&
        windows.every(({ field, after, before }) => {
          const ts = String(w[field]);
          return (!after || ts >= after) && (!before || ts <= before);
        })
      );
    },
  };
}
