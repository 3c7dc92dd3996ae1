// Window arithmetic of alert deduplication. Windows are fixed slots aligned to the epoch, so every
// instance computes the same slot for the same moment and the unique key (rule, subject, window)
// merges their events into one row.
export const windowStart = (at: Date, windowMinutes: number): Date => {
  const ms = Math.max(1, windowMinutes) * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
};

export const windowEnd = (at: Date, windowMinutes: number): Date => new Date(windowStart(at, windowMinutes).getTime() + Math.max(1, windowMinutes) * 60_000);

/** When a freshly opened alert is sent: after the gather delay, so its message carries the burst's count. */
export const deliverAfter = (openedAt: Date, gatherSeconds: number): Date => new Date(openedAt.getTime() + gatherSeconds * 1000);
