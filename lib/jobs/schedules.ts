// Every scheduled job, declared once. Inngest functions take their cron triggers from here, and
// the in-process fallback (used when no Inngest server is reachable) fires the same table.
export const schedules = {
  healthCheck: { id: "system-health-check", name: "System health check", cron: "*/15 * * * *" },
  productsSync: { id: "emag-products-sync-hourly", name: "Hourly incremental product sync (MAIN + FBE)", cron: "0 * * * *" },
  productsSyncCleanup: { id: "emag-products-sync-cleanup", name: "Fail product syncs that stopped responding", cron: "*/10 * * * *" },
  ordersSync: { id: "emag-orders-sync-5min", name: "Incremental order sync (MAIN + FBE)", cron: "*/5 * * * *" },
  ordersAutoAcknowledge: { id: "emag-orders-auto-acknowledge", name: "Acknowledge new MAIN orders", cron: "*/10 * * * *" },
  syncLogCleanup: { id: "sync-log-cleanup", name: "Delete sync logs older than the retention", cron: "30 3 * * *" },
} as const;

export type ScheduleKey = keyof typeof schedules;
export type Schedule = (typeof schedules)[ScheduleKey];
