// Display names and colours for eMAG order values, shared by the orders page, drawer and dashboard.
import type { OrderStatus, OrderType } from "@/lib/ui/queries/orders";

/** antd preset colours (not hex), so the theme stays the single source of colour. */
export const orderStatusLooks: Record<OrderStatus, { label: string; color: string }> = {
  0: { label: "Canceled", color: "red" },
  1: { label: "New", color: "blue" },
  2: { label: "In progress", color: "gold" },
  3: { label: "Prepared", color: "cyan" },
  4: { label: "Finalized", color: "green" },
  5: { label: "Returned", color: "purple" },
};

export const orderStatusLabel = (status: number) => orderStatusLooks[status as OrderStatus]?.label ?? `Status ${status}`;

export const orderStatusOptions = Object.entries(orderStatusLooks).map(([value, look]) => ({ value: Number(value) as OrderStatus, label: look.label }));

export const orderTypeLooks: Record<OrderType, { label: string; hint: string }> = {
  3: { label: "MAIN", hint: "Fulfilled by the seller" },
  2: { label: "FBE", hint: "Fulfilled by eMAG" },
};
export const orderTypeOptions = ([3, 2] as const).map((value) => ({ value, label: orderTypeLooks[value].label }));

export const paymentModeLabels: Record<number, string> = { 1: "Cash on delivery", 2: "Bank transfer", 3: "Card online" };
export const paymentModeOptions = Object.entries(paymentModeLabels).map(([value, label]) => ({ value: Number(value), label }));
export const paymentLabel = (id: number | null, fallback: string | null) => (id !== null && paymentModeLabels[id]) || fallback || "—";

/**
 * eMAG's cancellation reasons (reason_cancellation). The contract has no endpoint for them, so
 * the common ones from eMAG's documentation are listed here.
 */
export const cancellationReasons: { value: number; label: string }[] = [
  { value: 1, label: "Out of stock" },
  { value: 2, label: "Canceled by the customer" },
  { value: 3, label: "Customer cannot be reached" },
  { value: 15, label: "Courier delivery time too long" },
  { value: 16, label: "Shipping cost too high" },
  { value: 17, label: "Waiting too long for stock" },
  { value: 18, label: "Customer found a better offer elsewhere" },
  { value: 19, label: "Payment not made" },
  { value: 20, label: "Undeliverable order (courier)" },
  { value: 21, label: "Other reasons" },
  { value: 24, label: "At the customer's request" },
  { value: 25, label: "Wrong delivery address" },
  { value: 29, label: "Duplicate order" },
];

/** Tag colours for eMAG's return request statuses; the label text comes from the API (lib/returns/labels.ts). */
export const returnStatusColors: Record<number, string> = {
  1: "default",
  2: "blue",
  3: "gold",
  4: "red",
  5: "default",
  6: "cyan",
  7: "green",
};

/** eMAG's top-level return reasons (contract §8); deeper ids show as "Reason N". */
export const returnReasonLabels: Record<number, string> = {
  30: "Sealed product",
  31: "Working product",
  32: "Not working",
  34: "Size mismatch",
  35: "Not as expected",
  36: "Not as described",
  37: "Defective or incomplete",
  38: "Ordered several sizes",
  39: "Received a different product",
  40: "Parcel damaged",
  134: "Gift",
  135: "Unspecified",
  175: "Unhappy with how it works",
};
export const returnReasonLabel = (id: number | null) => (id === null ? null : (returnReasonLabels[id] ?? `Reason ${id}`));
