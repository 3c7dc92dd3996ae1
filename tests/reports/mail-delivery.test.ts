// The daily report function end to end on real parts: hand-made orders in PostgreSQL, the Inngest
// function run by @inngest/test (a new engine per run), nodemailer through lib/mail/send.ts to an
// in-process SMTP server. The attachment is read back from the raw message with exceljs, sends are
// recorded once per (kind, period, address), a re-run of the tick sends nothing twice, and a
// refused address fails alone and is sent on the next run.
import ExcelJS from "exceljs";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportsDaily, reportsWeekly } from "@/inngest/functions/reports";
import { functions, scheduledBodies } from "@/inngest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { schedules } from "@/lib/jobs/schedules";
import { closeMail } from "@/lib/mail/send";
import { buildReport } from "@/lib/reports/build";
import { DeliveryInProgressError, deliverReport } from "@/lib/reports/deliver";
import { dailyReportBody } from "@/lib/reports/jobs";
import { upsertSubscription } from "@/lib/reports/subscriptions";
import { useIsolatedDatabase } from "../sync/support";
import { headerOf, mimePart, startSmtp } from "./smtp";
import { seedNovemberDay } from "./support";

useIsolatedDatabase();

const NOW = new Date("2026-11-03T05:00:00.000Z"); // the 05:00 UTC tick on 3 Nov: reports 2 Nov
const tick = [{ name: "inngest/scheduled.timer", data: { cron: schedules.reportsDaily.cron }, ts: NOW.getTime() }] as [{ name: string; data: Record<string, unknown>; ts: number }];
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let refuse = new Set<string>();

beforeAll(async () => {
  smtp = await startSmtp({ reject: (a) => refuse.has(a) });
  resetEnvForTests({ SMTP_URL: smtp.url, MAIL_FROM: "MagFlow Reports <reports@magflow.test>" });
  await seedNovemberDay();
  const actor = { userId: null, requestId: null };
  await upsertSubscription({ email: "owner@shop.test", daily: true, weekly: true }, actor);
  await upsertSubscription({ email: "accountant@shop.test", daily: true, weekly: false }, actor);
  await upsertSubscription({ email: "weekly-only@shop.test", daily: false, weekly: true }, actor);
});
afterAll(async () => {
  closeMail();
  await smtp.close();
  resetEnvForTests({ SMTP_URL: undefined, MAIL_FROM: undefined });
});

const run = () => new InngestTestEngine({ function: reportsDaily, events: tick }).execute();

describe("scheduled report functions", () => {
  it("take their cron from the shared schedule table and are served and scheduled in-process too", () => {
    expect(reportsDaily.opts.triggers).toEqual([{ cron: "0 5 * * *" }]);
    expect(reportsWeekly.opts.triggers).toEqual([{ cron: "15 5 * * 1" }]);
    expect(functions).toContain(reportsDaily);
    expect(functions).toContain(reportsWeekly);
    expect(scheduledBodies.reportsDaily).toBe(dailyReportBody);
  });

  it("mails the daily report with the workbook to every daily recipient, once each", async () => {
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ kind: "daily", period: "2026-11-02", source: "inngest" });
    expect((result as { deliveries: { email: string; status: string }[] }).deliveries.map((d) => [d.email, d.status])).toEqual([
      ["accountant@shop.test", "sent"],
      ["owner@shop.test", "sent"],
    ]);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([["accountant@shop.test"], ["owner@shop.test"]]);

    const rows = await db.reportDelivery.findMany({ orderBy: { email: "asc" } });
    expect(rows.map((r) => [r.kind, r.period, r.email, r.status, r.attempts])).toEqual([
      ["daily", "2026-11-02", "accountant@shop.test", "sent", 1],
      ["daily", "2026-11-02", "owner@shop.test", "sent", 1],
    ]);
    expect(rows.every((r) => r.messageId && r.sentAt)).toBe(true);
  });

  it("the mail carries the summary and an XLSX whose sheets hold the expected rows", async () => {
    const raw = smtp.messages.find((m) => m.to.includes("owner@shop.test"))!.raw;
    expect(headerOf(raw, "Subject")).toBe("MagFlow daily report: Mon, 2 Nov 2026");
    const text = mimePart(raw, /content-type:\s*text\/plain/i)!.body.toString("utf8");
    expect(text).toContain("MAIN: 3 orders (+50.0%), 100.00 RON (+100.0%)");
    expect(text).toContain("FBE: 2 orders (n/a), 220.00 RON (n/a)");
    expect(text).toContain("1 of 5 orders (20.0%), 50.00 RON");

    const part = mimePart(raw, /content-disposition:\s*attachment/i)!;
    expect(part.headers).toMatch(/filename="?magflow-daily-report-2026-11-02\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(part.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Top products", "Cancellations", "Sync health", "Sync failures", "eMAG API usage"]);
    const values = (sheet: string, row: number) => (wb.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values("Summary", 1)).toEqual(["Account", "Orders", "Previous orders", "Orders change", "Orders change %", "Revenue (RON)", "Previous revenue (RON)", "Revenue change (RON)", "Revenue change %"]);
    expect(values("Summary", 2)).toEqual(["MAIN", 3, 2, 1, 0.5, 100, 50, 50, 1]);
    expect(values("Summary", 3)).toEqual(["FBE", 2, 0, 2, undefined, 220, 0, 220]);
    expect(values("Summary", 4)).toEqual(["Total", 5, 2, 3, 1.5, 320, 50, 270, 5.4]);
    expect(wb.getWorksheet("Summary")!.getCell("F2").numFmt).toBe("#,##0.00");
    expect(wb.getWorksheet("Summary")!.getCell("E2").numFmt).toBe("0.0%");
    expect(values("Top products", 2)).toEqual(["P1", "Product P1", 3, 2, 214.2]);
    expect(values("Top products", 3)).toEqual(["P2", "Product P2", 1, 1, 11.9]);
    expect(wb.getWorksheet("Top products")!.rowCount).toBe(3);
    expect(values("Cancellations", 4)).toEqual(["Total", 5, 1, 0.2, 50]);
    expect(values("eMAG API usage", 2)).toEqual(["MAIN+FBE", 1, 5, 0, 1, 2]);
  });

  it("a re-run of the same tick sends nothing twice", async () => {
    const before = smtp.messages.length;
    const { result } = await run();
    expect((result as { deliveries: { status: string }[] }).deliveries.map((d) => d.status)).toEqual(["already-sent", "already-sent"]);
    expect(smtp.messages.length).toBe(before);
    expect(await db.reportDelivery.count()).toBe(2);
  });

  it("a refused address fails alone, is recorded as failed, and is sent by the next run", async () => {
    await upsertSubscription({ email: "late@shop.test", daily: true, weekly: false }, { userId: null });
    refuse = new Set(["late@shop.test"]);
    const before = smtp.messages.length;
    const failed = await run();
    expect(failed.error).toBeDefined();
    expect(smtp.messages.length).toBe(before);
    const row = await db.reportDelivery.findUniqueOrThrow({ where: { kind_period_email: { kind: "daily", period: "2026-11-02", email: "late@shop.test" } } });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toMatch(/550|mailbox/i);

    refuse = new Set();
    const { result, error } = await run();
    expect(error).toBeUndefined();
    expect((result as { deliveries: { email: string; status: string }[] }).deliveries.map((d) => [d.email, d.status])).toEqual([
      ["accountant@shop.test", "already-sent"],
      ["late@shop.test", "sent"],
      ["owner@shop.test", "already-sent"],
    ]);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([["late@shop.test"]]);
    expect(await db.reportDelivery.findUniqueOrThrow({ where: { kind_period_email: { kind: "daily", period: "2026-11-02", email: "late@shop.test" } } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("two instances sending the same report to the same address at once send one mail", async () => {
    const report = await buildReport("daily", NOW);
    const before = smtp.messages.length;
    const outcomes = await Promise.allSettled([deliverReport(report, "race@shop.test"), deliverReport(report, "race@shop.test")]);
    const sent = outcomes.filter((o) => o.status === "fulfilled" && o.value.status === "sent");
    const others = outcomes.filter((o) => !(o.status === "fulfilled" && o.value.status === "sent"));
    expect(sent).toHaveLength(1);
    expect(others).toHaveLength(1);
    const other = others[0]!;
    // The loser either saw the finished send, or the claim still in progress (its step retries later).
    if (other.status === "fulfilled") expect(other.value.status).toBe("already-sent");
    else expect(other.reason).toBeInstanceOf(DeliveryInProgressError);
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([["race@shop.test"]]);
  });

  it("the weekly run mails the weekly recipients", async () => {
    const before = smtp.messages.length;
    const monday = new Date("2026-11-02T05:15:00.000Z");
    const { result, error } = await new InngestTestEngine({ function: reportsWeekly, events: [{ name: "inngest/scheduled.timer", data: {}, ts: monday.getTime() }] }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ kind: "weekly", period: "2026-10-26" });
    expect(smtp.messages.slice(before).map((m) => m.to).sort()).toEqual([["owner@shop.test"], ["weekly-only@shop.test"]]);
  });
});
