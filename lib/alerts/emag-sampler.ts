// eMAG request outcomes for the error-rate rule. The counters (lib/emag/metrics.ts) live in each
// process, so each instance adds what it counted since its last flush to alert_emag_samples
// (per instance, account and minute); the alerts check sums every instance's rows. Each instance
// flushes every minute on a timer, and the check flushes its own instance first.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { emagRequests } from "@/lib/emag/metrics";
import { logger } from "@/lib/logger";

type Totals = { requests: number; errors: number; rate_limited: number };
type SamplerState = { instanceId: string; last: Map<string, Totals>; timer?: ReturnType<typeof setInterval> };
type G = { __magflowAlertSampler?: SamplerState };
const g = globalThis as G;
const state = (): SamplerState => (g.__magflowAlertSampler ??= { instanceId: randomUUID(), last: new Map() });

/** Is this outcome label a failure? Anything but a 2xx (429, 5xx, auth, api_error, timeout, network). */
export const isErrorStatus = (status: string) => !/^2\d\d$/.test(status);

/** Per-account totals of this process's counter values. */
export function totalsOf(values: { labels: Record<string, string | number | undefined>; value: number }[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const v of values) {
    const account = String(v.labels.account ?? "unknown");
    const status = String(v.labels.status ?? "");
    const t = out.get(account) ?? { requests: 0, errors: 0, rate_limited: 0 };
    t.requests += v.value;
    if (isErrorStatus(status)) t.errors += v.value;
    if (status === "429") t.rate_limited += v.value;
    out.set(account, t);
  }
  return out;
}

/** Adds this process's outcomes since the last flush to the current minute's row. */
export async function flushEmagSample(now = new Date()) {
  const s = state();
  const totals = totalsOf((await emagRequests().get()).values);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  for (const [account, t] of totals) {
    const prev = s.last.get(account) ?? { requests: 0, errors: 0, rate_limited: 0 };
    const d = { requests: t.requests - prev.requests, errors: t.errors - prev.errors, rate_limited: t.rate_limited - prev.rate_limited };
    if (d.requests <= 0) continue;
    await db.$executeRaw`
      INSERT INTO alert_emag_samples (instance_id, account, minute, requests, errors, rate_limited)
      VALUES (${s.instanceId}, ${account}, ${minute}, ${d.requests}, ${d.errors}, ${d.rate_limited})
      ON CONFLICT (instance_id, account, minute) DO UPDATE SET requests = alert_emag_samples.requests + EXCLUDED.requests,
        errors = alert_emag_samples.errors + EXCLUDED.errors, rate_limited = alert_emag_samples.rate_limited + EXCLUDED.rate_limited`;
    s.last.set(account, t); // after the write: a failed write is retried with the next flush
  }
}

/** Starts this process's once-a-minute flush (idempotent; the timer never keeps the process alive). */
export function startEmagSampler() {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => {
    flushEmagSample().catch((err: unknown) => logger.debug({ err: err instanceof Error ? err.message : String(err) }, "eMAG sample flush failed"));
  }, 60_000);
  s.timer.unref();
}

/** Samples older than a day are no longer read. */
export async function pruneEmagSamples() {
  return db.$executeRaw`DELETE FROM alert_emag_samples WHERE minute < now() - interval '1 day'`;
}
