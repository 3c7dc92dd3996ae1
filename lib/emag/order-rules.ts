// eMAG's order status rules (contract §6.2), declared once: the simulator enforces them like eMAG
// does, and the app checks them before calling eMAG so a user gets a clear 409 instead of a round trip.
export const ORDER_STATUS = { canceled: 0, new: 1, inProgress: 2, prepared: 3, finalized: 4, returned: 5 } as const;
export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

export const ORDER_STATUS_LABELS: Record<number, string> = {
  0: "Canceled",
  1: "New",
  2: "In progress",
  3: "Prepared",
  4: "Finalized",
  5: "Returned",
};

const H48 = 48 * 3_600_000;
/** Returns are accepted for 30 days after delivery, plus 5 days. */
export const RETURN_WINDOW_MS = 35 * 24 * 3_600_000;

/** Allowed "from -> to" moves through order/save; value = max time spent in the current status. */
export const ORDER_TRANSITIONS: Record<number, Record<number, number>> = {
  1: {},
  2: { 2: Infinity, 3: Infinity, 4: Infinity, 0: Infinity },
  3: { 3: Infinity, 4: Infinity, 0: Infinity },
  4: { 3: H48, 4: Infinity, 0: H48, 5: RETURN_WINDOW_MS },
  0: { 2: H48, 3: H48, 4: H48, 0: Infinity },
  5: {},
};

const label = (s: number) => `${s} (${ORDER_STATUS_LABELS[s] ?? "unknown"})`;

/**
 * Why moving an order of this type from `from` to `to` is not allowed, or undefined when it is.
 * `msInStatus`: how long the order has been in `from` (unknown = the time limits are left to eMAG).
 */
export function orderTransitionError(id: string | number, type: number, from: number, to: number, msInStatus?: number): string | undefined {
  if (type !== 3) return `Order ${id} is fulfilled by eMAG (type ${type}); only attachments can be added to it`;
  if (from === 1 && to === 2) return `Order ${id}: use order/acknowledge to move a new order to in progress`;
  const limit = ORDER_TRANSITIONS[from]?.[to];
  if (limit === undefined) return `Order ${id}: status cannot change from ${label(from)} to ${label(to)}`;
  if (msInStatus !== undefined && msInStatus > limit) return `Order ${id}: status ${from} to ${to} is only allowed within ${Math.round(limit / 3_600_000)} hours`;
  return undefined;
}

/** Statuses an order can be moved to through order/save (its own status excluded). */
export function allowedNextStatuses(type: number, from: number, msInStatus?: number): number[] {
  if (type !== 3) return [];
  return Object.keys(ORDER_TRANSITIONS[from] ?? {})
    .map(Number)
    .filter((to) => to !== from && !orderTransitionError("", type, from, to, msInStatus));
}
