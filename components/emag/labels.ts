// Display names for eMAG values shared by the accounts, sync and products pages.
import type { AccountKind } from "@/lib/ui/queries/emag-accounts";

export const accountLabels: Record<AccountKind, string> = { main: "MAIN", fbe: "FBE" };
export const accountHints: Record<AccountKind, string> = { main: "seller-fulfilled", fbe: "fulfilled by eMAG" };
export const accountOptions = (["main", "fbe"] as const).map((value) => ({ value, label: accountLabels[value] }));

/** eMAG's documentation validation_status (value 7 was retired in API 4.4.7). */
export const validationStatusLabels: Record<number, string> = {
  0: "Draft",
  1: "Awaiting marketplace validation",
  2: "Awaiting brand validation",
  3: "Awaiting EAN validation",
  4: "Awaiting documentation validation",
  5: "Brand rejected",
  6: "EAN rejected",
  8: "Documentation rejected",
  9: "Documentation approved",
  10: "Blocked",
  11: "Update awaiting approval",
  12: "Update rejected",
  13: "Waiting for a saleable offer",
  14: "Translation failed",
  15: "Translation in progress",
  16: "Translation pending",
  17: "Partially translated",
};
/** Statuses under which eMAG lets the offer sell. */
export const saleableValidationStatuses = new Set([3, 9, 11, 12, 17]);

export const validationStatusOptions = Object.entries(validationStatusLabels).map(([value, label]) => ({
  value: Number(value),
  label: `${value} · ${label}`,
}));

export const offerValidationLabels: Record<number, string> = { 1: "Valid price", 2: "Invalid price" };
