// eMAG timestamps are "YYYY-MM-DD HH:MM:SS" in platform-local time (Europe/Bucharest for eMAG RO).
// The fixed-width format sorts lexically. Used by the client's callers (order filters) and the simulator.
const fmt = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Bucharest",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export const emagTimestamp = (ms: number) => fmt.format(new Date(ms)).replace("T", " ");
export const emagDate = (ms: number) => emagTimestamp(ms).slice(0, 10);
export const DAY_MS = 86_400_000;
