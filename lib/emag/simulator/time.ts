// eMAG timestamps are "YYYY-MM-DD HH:MM:SS" in platform-local time (Europe/Bucharest for eMAG RO).
// The fixed-width format sorts lexically, so the simulator compares timestamps as strings.
export { emagDate, emagTimestamp, DAY_MS } from "@/lib/emag/time";

export const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** Naive (zone-less) ms for differences between two eMAG timestamps. */
export function naiveMs(ts: string): number {
  const [d, t = "00:00:00"] = ts.split(" ");
  return Date.parse(`${d}T${t.length === 5 ? `${t}:00` : t}Z`);
}

