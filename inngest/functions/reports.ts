import { inngest } from "@/inngest/client";
import { scheduledFunction } from "@/lib/jobs/schedules";
import { dailyReportBody, weeklyReportBody } from "@/lib/reports/jobs";

const tickOf = (ts: number | undefined) => (ts ? new Date(ts) : undefined);

/** Orchestration only (lib/reports/jobs.ts): build, then one send step per recipient. */
export const reportsDaily = inngest.createFunction(scheduledFunction("reportsDaily"), async ({ event, step }) => dailyReportBody(step, "inngest", tickOf(event.ts)));
export const reportsWeekly = inngest.createFunction(scheduledFunction("reportsWeekly"), async ({ event, step }) => weeklyReportBody(step, "inngest", tickOf(event.ts)));
