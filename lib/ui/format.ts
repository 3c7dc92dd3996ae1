// Display formatting shared by widgets: sizes, durations, dates.
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";

dayjs.extend(relativeTime);

const units = ["B", "KB", "MB", "GB", "TB"] as const;

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatRelative(iso: string | null | undefined): string {
  return iso ? dayjs(iso).fromNow() : "—";
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : `${value.toFixed(value < 10 ? 1 : 0)}%`;
}

/** The API sends decimals as numbers or as decimal strings; anything else is "no value". */
export function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(value: number | string | null | undefined): string {
  const n = toNumber(value);
  return n === null ? "—" : integerFormat.format(n);
}

/** "1,234.50 RON": a fixed locale, so server and browser render the same text. */
export function formatMoney(value: number | string | null | undefined, currency?: string | null): string {
  const n = toNumber(value);
  if (n === null) return "—";
  return currency ? `${decimalFormat.format(n)} ${currency}` : decimalFormat.format(n);
}

export function formatDurationMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000);
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format("HH:mm:ss") : "—";
}
