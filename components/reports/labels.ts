// Display helpers shared by the report widgets.
import type { ReportKind } from "@/lib/reports/types";
import { formatMoney } from "@/lib/ui/format";

export const KIND_TITLES: Record<ReportKind, string> = { daily: "Daily report", weekly: "Weekly report" };
export const accountLabel = (a: string) => (a === "all" ? "Total" : a.toUpperCase());
export const ron = (n: number) => formatMoney(n, "RON");
export const rate = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
