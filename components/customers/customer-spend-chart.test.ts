import { describe, expect, it } from "vitest";
import { spendByMonth } from "@/components/customers/customer-spend-chart";
import type { CustomerTimelineEvent } from "@/lib/ui/queries/customers";

const ev = (at: string, kind: CustomerTimelineEvent["kind"], order: string, amount: number | null): CustomerTimelineEvent => ({
  at, kind, account: "main", emag_order_id: order, order_id: `id-${order}`, emag_rma_id: null, amount, label: `${kind} ${order}`,
});

describe("spendByMonth", () => {
  it("sums kept orders per month, fills the months between and runs a total", () => {
    const months = spendByMonth([
      ev("2026-04-10T10:00:00Z", "order_placed", "4", 50),
      ev("2026-03-20T10:00:00Z", "order_cancelled", "3", 999),
      ev("2026-03-15T10:00:00Z", "order_placed", "3", 999), // cancelled: not spend
      ev("2026-01-20T10:00:00Z", "order_placed", "2", 20.1),
      ev("2026-01-05T10:00:00Z", "order_placed", "1", 10.2),
    ]);
    expect(months).toEqual([
      { month: "2026-01", spend: 30.3, total: 30.3 },
      { month: "2026-02", spend: 0, total: 30.3 },
      { month: "2026-03", spend: 0, total: 30.3 },
      { month: "2026-04", spend: 50, total: 80.3 },
    ]);
  });

  it("is empty without kept orders", () => {
    expect(spendByMonth([ev("2026-01-05T10:00:00Z", "order_placed", "1", 10), ev("2026-01-09T10:00:00Z", "order_returned", "1", 10)])).toEqual([]);
  });
});
