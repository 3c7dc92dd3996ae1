// Order filters and the status transition table of contract §6.2, with the 48 h and return-window
// limits measured from the moment the order entered its current status.
import { fInt, fIntList, fStr } from "../body";
import type { SimOrder } from "../data/orders";
import { DAY_MS, naiveMs, TIMESTAMP_RE } from "../time";

type Obj = Record<string, unknown>;
const H48 = 2 * DAY_MS;
const RETURN_WINDOW = 35 * DAY_MS; // 30-day return window + 5 days

/** Allowed "from -> to" moves; value = max age in the current status (Infinity = no limit). */
const TRANSITIONS: Record<number, Record<number, number>> = {
  1: {},
  2: { 2: Infinity, 3: Infinity, 4: Infinity, 0: Infinity },
  3: { 3: Infinity, 4: Infinity, 0: Infinity },
  4: { 3: H48, 4: Infinity, 0: H48, 5: RETURN_WINDOW },
  0: { 2: H48, 3: H48, 4: H48, 0: Infinity },
  5: {},
};

export function transitionError(order: SimOrder, to: number, now: number): string | undefined {
  const from = order.wire.status;
  if (from === 1 && to === 2) return `Order ${order.wire.id}: use order/acknowledge to move a new order to in progress`;
  const limit = TRANSITIONS[from]?.[to];
  if (limit === undefined) return `Order ${order.wire.id}: status cannot change from ${from} to ${to}`;
  if (now - order.statusAt > limit) return `Order ${order.wire.id}: status ${from} to ${to} is only allowed within ${Math.round(limit / 3_600_000)} hours`;
  return undefined;
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
