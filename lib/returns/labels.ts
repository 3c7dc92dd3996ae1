// eMAG's return enums (contract §8), declared once for the API (labels in the order detail) and
// the UI. Pure: the browser imports it too.

export const RETURN_REQUEST_STATUS_LABELS: Record<number, string> = {
  1: "Incomplete",
  2: "New",
  3: "Acknowledged",
  4: "Refused",
  5: "Canceled",
  6: "Received",
  7: "Finalized",
};

export const RETURN_TYPE_LABELS: Record<number, string> = {
  1: "Replacement (same product)",
  2: "Replacement (other product)",
  3: "Refund",
  4: "Payment contract canceled",
  5: "Voucher",
};

/** eMAG never moves a return out of these (refused, canceled, finalized). */
export const TERMINAL_REQUEST_STATUSES = [4, 5, 7] as const;

export const requestStatusLabel = (s: number) => RETURN_REQUEST_STATUS_LABELS[s] ?? `Status ${s}`;
export const returnTypeLabel = (t: number | null) => (t === null ? null : (RETURN_TYPE_LABELS[t] ?? `Type ${t}`));
