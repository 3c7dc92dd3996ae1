// The report as one XLSX workbook: a sheet per section, a bold frozen header row, RON and percent
// number formats. Built in memory (a report is a few dozen rows), for the mail attachment and the
// download alike, so both carry the same file.
import ExcelJS from "exceljs";
import type { Report } from "./types";

const MONEY = "#,##0.00";
const PCT = "0.0%";
const INT = "#,##0";

type Col = { header: string; width: number; fmt?: string };

function sheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  ws.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

const label = (a: string) => (a === "all" ? "Total" : a.toUpperCase());

export function reportWorkbook(r: Report): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MagFlow";
  wb.created = new Date(r.generated_at);
  sheet(
    wb,
    "Summary",
    [
      { header: "Account", width: 10 }, { header: "Orders", width: 10, fmt: INT }, { header: "Previous orders", width: 16, fmt: INT },
      { header: "Orders change", width: 15, fmt: INT }, { header: "Orders change %", width: 16, fmt: PCT }, { header: "Revenue (RON)", width: 16, fmt: MONEY },
      { header: "Previous revenue (RON)", width: 22, fmt: MONEY }, { header: "Revenue change (RON)", width: 21, fmt: MONEY }, { header: "Revenue change %", width: 17, fmt: PCT },
    ],
    r.accounts.map((a) => [label(a.account), a.current.orders, a.previous.orders, a.change.orders.abs, a.change.orders.pct, a.current.revenue, a.previous.revenue, a.change.revenue.abs, a.change.revenue.pct]),
  );
  const info = wb.getWorksheet("Summary")!;
  info.addRow([]);
  info.addRow(["Period", `${r.period.label} (${r.timezone})`]);
  info.addRow(["Previous period", r.previous.label]);
  info.addRow(["Generated at", r.generated_at]);
  sheet(
    wb,
    "Top products",
    [{ header: "Part number key", width: 18 }, { header: "Name", width: 40 }, { header: "Quantity", width: 10, fmt: INT }, { header: "Orders", width: 10, fmt: INT }, { header: "Revenue (RON)", width: 16, fmt: MONEY }],
    r.top_products.map((p) => [p.part_number_key ?? p.key, p.name, p.quantity, p.orders, p.revenue]),
  );
  sheet(
    wb,
    "Cancellations",
    [{ header: "Account", width: 10 }, { header: "Orders", width: 10, fmt: INT }, { header: "Cancelled", width: 11, fmt: INT }, { header: "Rate", width: 10, fmt: PCT }, { header: "Value (RON)", width: 14, fmt: MONEY }],
    r.cancellations.map((c) => [label(c.account), c.orders, c.cancelled, c.rate, c.value]),
  );
  sheet(
    wb,
    "Sync health",
    [{ header: "Type", width: 14 }, { header: "Status", width: 12 }, { header: "Runs", width: 8, fmt: INT }],
    r.sync.by_type_status.map((s) => [s.type, s.status, s.count]),
  );
  sheet(
    wb,
    "Sync failures",
    [{ header: "Started at (UTC)", width: 24 }, { header: "Type", width: 12 }, { header: "Accounts", width: 12 }, { header: "Status", width: 10 }, { header: "Errors", width: 8, fmt: INT }, { header: "Last error", width: 60 }],
    r.sync.failures.map((f) => [f.started_at, f.type, f.accounts.join("+"), f.status, f.errors, f.message]),
  );
  sheet(
    wb,
    "eMAG API usage",
    [{ header: "Account", width: 12 }, { header: "Syncs", width: 8, fmt: INT }, { header: "Requests", width: 10, fmt: INT }, { header: "Budget waits", width: 13, fmt: INT }, { header: "HTTP 429 errors", width: 15, fmt: INT }, { header: "Errors", width: 8, fmt: INT }],
    r.api_usage.map((u) => [u.account.toUpperCase(), u.syncs, u.requests, u.rate_limit_waits, u.rate_limited, u.errors]),
  );
  return wb;
}

export async function reportXlsx(r: Report): Promise<Buffer> {
  return Buffer.from(await reportWorkbook(r).xlsx.writeBuffer());
}

export const reportFilename = (r: Report) => `magflow-${r.kind}-report-${r.period.key}.xlsx`;
