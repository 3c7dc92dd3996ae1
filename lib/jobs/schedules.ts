// Every scheduled job, declared once. Inngest functions take their id, name, cron trigger and
// retries from here, and the in-process fallback (used when no Inngest server is reachable) fires
// the same table with the same retries per step (retries = attempts after the first).
export const schedules = {
  healthCheck: { id: "system-health-check", name: "System health check", cron: "*/15 * * * *", retries: 3 },
  productsSync: { id: "emag-products-sync-hourly", name: "Hourly incremental product sync (MAIN + FBE)", cron: "0 * * * *", retries: 3 },
  productsSyncCleanup: { id: "emag-products-sync-cleanup", name: "Fail product syncs that stopped responding", cron: "*/10 * * * *", retries: 3 },
  ordersSync: { id: "emag-orders-sync-5min", name: "Incremental order sync (MAIN + FBE)", cron: "*/5 * * * *", retries: 2 },
  ordersAutoAcknowledge: { id: "emag-orders-auto-acknowledge", name: "Acknowledge new MAIN orders", cron: "*/10 * * * *", retries: 2 },
  syncLogCleanup: { id: "sync-log-cleanup", name: "Delete sync logs older than the retention", cron: "30 3 * * *", retries: 2 },
  inventoryPush: { id: "inventory-push-1min", name: "Push MAIN inventory stock to eMAG", cron: "* * * * *", retries: 2 },
  // Half past, away from the hourly product sync (whose completion triggers a run of its own).
  repricer: { id: "emag-repricer-hourly", name: "Hourly repricer: every enabled rule (MAIN + FBE)", cron: "30 * * * *", retries: 2 },
  alertsCheck: { id: "alerts-check-5min", name: "Alerts: periodic rules, lost deliveries, pruning", cron: "*/5 * * * *", retries: 2 },
  // UTC: croner (the in-process fallback) refuses Inngest's "TZ=Europe/Bucharest" prefix. 05:00 UTC is
  // 07:00 in Bucharest in winter, 08:00 in summer; the period is Bucharest's calendar day either way.
  reportsDaily: { id: "reports-daily", name: "Daily report mail (yesterday, Europe/Bucharest)", cron: "0 5 * * *", retries: 3 },
  reportsWeekly: { id: "reports-weekly", name: "Weekly report mail (the last 7 days, Monday)", cron: "15 5 * * 1", retries: 3 },
} as const;

export type ScheduleKey = keyof typeof schedules;
export type Schedule = (typeof schedules)[ScheduleKey];

/** The Inngest function options of a scheduled job. */
export const scheduledFunction = (key: ScheduleKey) => {
  const s = schedules[key];
  return { id: s.id, name: s.name, triggers: [{ cron: s.cron }], retries: s.retries };
};
