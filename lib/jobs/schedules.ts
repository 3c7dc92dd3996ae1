// Every scheduled job, declared once. Inngest functions take their cron triggers from here, and
// the in-process fallback (used when no Inngest server is reachable) fires the same table.
export const schedules = {
  healthCheck: { id: "system-health-check", name: "System health check", cron: "*/15 * * * *" },
} as const;

export type ScheduleKey = keyof typeof schedules;
export type Schedule = (typeof schedules)[ScheduleKey];
