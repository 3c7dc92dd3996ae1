// The scheduled report bodies (Inngest and the in-process fallback run the same code): build the
// report and read the recipients in one step, then one send step per recipient, so a failing
// address retries alone and a finished one is not sent again.
import type { StepRunner } from "@/lib/jobs/step";
import { buildReport } from "./build";
import type { DeliveryResult } from "./deliver";
import { deliverReport } from "./deliver";
import { subscribersOf } from "./subscriptions";
import type { Report, ReportKind } from "./types";

export type ReportRunResult = { kind: ReportKind; period: string; source: string; deliveries: DeliveryResult[] };

/** `now`: the tick (Inngest's cron event time), so a late or repeated run reports the tick's period. */
export const reportJobBody = (kind: ReportKind) => async (step: StepRunner, source: string, now?: Date): Promise<ReportRunResult> => {
  const built = (await step.run("build-report", async () => ({ report: await buildReport(kind, now ?? new Date()), recipients: await subscribersOf(kind) }))) as {
    report: Report;
    recipients: string[];
  };
  const deliveries: DeliveryResult[] = [];
  for (const email of built.recipients) {
    deliveries.push((await step.run(`send-${email}`, () => deliverReport(built.report, email))) as DeliveryResult);
  }
  return { kind, period: built.report.period.key, source, deliveries };
};

export const dailyReportBody = reportJobBody("daily");
export const weeklyReportBody = reportJobBody("weekly");
