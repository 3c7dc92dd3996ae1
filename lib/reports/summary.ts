// The mail body: the key figures of a report as plain text and as simple HTML (values escaped).
import type { Report } from "./types";

const money = (n: number) => `${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} RON`;
const pct = (p: number | null) => (p === null ? "n/a" : `${p >= 0 ? "+" : ""}${(p * 100).toFixed(1)}%`);
const label = (a: string) => (a === "all" ? "Total" : a.toUpperCase());
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reportSubject(r: Report): string {
  return `MagFlow ${r.kind} report: ${r.period.label}`;
}

function lines(r: Report): { title: string; rows: string[] }[] {
  const all = r.cancellations.find((c) => c.account === "all");
  const failed = r.sync.failures.length;
  const usage = r.api_usage.reduce((t, u) => ({ requests: t.requests + u.requests, r429: t.r429 + u.rate_limited, errors: t.errors + u.errors }), { requests: 0, r429: 0, errors: 0 });
  return [
    {
      title: `Orders and revenue (vs ${r.previous.label})`,
      rows: r.accounts.map((a) => `${label(a.account)}: ${a.current.orders} orders (${pct(a.change.orders.pct)}), ${money(a.current.revenue)} (${pct(a.change.revenue.pct)})`),
    },
    {
      title: "Top products",
      rows: r.top_products.length ? r.top_products.slice(0, 5).map((p, i) => `${i + 1}. ${p.name ?? p.key}: ${p.quantity} pcs, ${money(p.revenue)}`) : ["No sales in the period."],
    },
    { title: "Cancellations", rows: [all ? `${all.cancelled} of ${all.orders} orders (${all.rate === null ? "n/a" : `${(all.rate * 100).toFixed(1)}%`}), ${money(all.value)}` : "None"] },
    {
      title: "Sync health and eMAG API",
      rows: [`${r.sync.by_type_status.reduce((n, s) => n + s.count, 0)} syncs, ${failed} failed or partial`, `${usage.requests} eMAG requests, ${usage.r429} HTTP 429 errors, ${usage.errors} errors`],
    },
  ];
}

export function reportText(r: Report): string {
  const body = lines(r).map((s) => `${s.title}\n${s.rows.map((l) => `  ${l}`).join("\n")}`).join("\n\n");
  return `MagFlow ${r.kind} report for ${r.period.label} (${r.timezone})\n\n${body}\n\nThe attached workbook has every figure.\n`;
}

export function reportHtml(r: Report): string {
  const sections = lines(r).map((s) => `<h3>${esc(s.title)}</h3><ul>${s.rows.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`).join("");
  return `<div style="font-family:sans-serif"><h2>MagFlow ${esc(r.kind)} report for ${esc(r.period.label)}</h2>${sections}<p>The attached workbook has every figure.</p></div>`;
}
