// Display labels of the repricer's enums.
import type { PlanRowStatus, RepricerStrategy } from "@/lib/ui/queries/repricer";

export const STRATEGY_LABELS: Record<RepricerStrategy, string> = { buy_button: "Buy button", smart_deals: "Smart Deals" };
export const STRATEGY_HELP: Record<RepricerStrategy, string> = {
  buy_button: "Price one step below the best offer when we do not hold the buy button",
  smart_deals: "Price at eMAG's Smart Deals target",
};
export const ROW_STATUS: Record<PlanRowStatus, { label: string; color: string }> = {
  change: { label: "Changes", color: "processing" },
  unchanged: { label: "Unchanged", color: "default" },
  skipped: { label: "Skipped", color: "warning" },
  invalid: { label: "Invalid", color: "error" },
};

/** "brand Sony · category 12 · 3 offers", or "All live offers". */
export function scopeSummary(s: { offer_ids?: string[]; brand?: string; category_id?: number; search?: string }): string {
  const parts = [
    s.offer_ids?.length ? `${s.offer_ids.length} offer${s.offer_ids.length === 1 ? "" : "s"}` : null,
    s.brand ? `brand ${s.brand}` : null,
    s.category_id !== undefined ? `category ${s.category_id}` : null,
    s.search ? `“${s.search}”` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "All live offers";
}
