// Report periods in Europe/Bucharest: a day (daily) or 7 days (weekly) from local midnight to local
// midnight, and the period of the same length just before. The instants come from PostgreSQL's
// time zone rules (DST-safe); keys and labels are plain calendar arithmetic on YYYY-MM-DD.
import { db } from "@/lib/db";
import { REPORT_TZ, type ReportKind } from "./types";

export const PERIOD_DAYS: Record<ReportKind, number> = { daily: 1, weekly: 7 };

export type ReportWindow = { key: string; from: Date; to: Date; label: string };
export type ReportPeriods = { current: ReportWindow; previous: ReportWindow };

const DAY = 86_400_000;
const dayMs = (key: string) => Date.parse(`${key}T00:00:00Z`);
const keyOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fmt = (ms: number, withYear: boolean) =>
  new Date(ms).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) });

export function periodLabel(kind: ReportKind, key: string): string {
  const start = dayMs(key);
  if (kind === "daily") return new Date(start).toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
  return `${fmt(start, false)} – ${fmt(start + 6 * DAY, true)}`;
}

/** The first day of the latest complete period at `now`: yesterday (daily), the 7 days before today (weekly). */
export function latestPeriodKey(kind: ReportKind, now: Date): string {
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone: REPORT_TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return keyOf(dayMs(local) - PERIOD_DAYS[kind] * DAY);
}

/** The period starting on `key` (default: the latest complete one) and the one before it. */
export async function reportPeriods(kind: ReportKind, now: Date, key = latestPeriodKey(kind, now)): Promise<ReportPeriods> {
  const days = PERIOD_DAYS[kind];
  const prevKey = keyOf(dayMs(key) - days * DAY);
  const [row] = await db.$queryRaw<{ c_from: Date; c_to: Date; p_from: Date }[]>`
    SELECT (${key}::date::timestamp AT TIME ZONE ${REPORT_TZ}) AS c_from,
      ((${key}::date + ${days}::int)::timestamp AT TIME ZONE ${REPORT_TZ}) AS c_to,
      (${prevKey}::date::timestamp AT TIME ZONE ${REPORT_TZ}) AS p_from`;
  if (!row) throw new Error("reportPeriods: no row");
  return {
    current: { key, from: row.c_from, to: row.c_to, label: periodLabel(kind, key) },
    previous: { key: prevKey, from: row.p_from, to: row.c_from, label: periodLabel(kind, prevKey) },
  };
}
