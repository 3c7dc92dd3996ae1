// Shared by the eMAG tests and the bench: an in-process simulator on a free port plus one client
// per account. Not imported by app code.
import { createEmagClient, type CreateEmagClientOptions, type EmagClient } from "./client";
import { startEmagSimulator, type EmagSimulator, type EmagSimulatorOptions } from "./simulator";
import type { EmagAccountKind } from "./types";
import type { WriteCounters } from "./simulator/writes";

export const SIM_CREDENTIALS = {
  main: { username: "demo-main", password: "demo-main-pass" },
  fbe: { username: "demo-fbe", password: "demo-fbe-pass" },
} as const;

/**
 * A 10x budget for tests about the API contract rather than the budget: the simulator and the
 * client agree on it, so the limiter still paces and no 429 should occur. limiter.test.ts and the
 * simulator's own tests use eMAG's real limits.
 */
export const FAST_LIMITS = {
  default: { perSecond: 30, perMinute: 1800 },
  orders: { perSecond: 120, perMinute: 7200 },
};

export async function startTestSimulator(opts: EmagSimulatorOptions = {}): Promise<EmagSimulator> {
  return startEmagSimulator({ port: 0, latencyMs: 0, newOrdersPerMinute: 0, ...opts });
}

export function simClient(sim: EmagSimulator, kind: EmagAccountKind, opts: Partial<CreateEmagClientOptions> = {}): EmagClient {
  return createEmagClient({ kind, baseUrl: sim.url, ...SIM_CREDENTIALS[kind], retryMinMs: 50, retryMaxMs: 500, ...opts });
}

export type SimStatsBody = {
  requests: Record<string, Record<string, number>>;
  rateLimited: Record<string, number>;
  faults: Record<string, Record<string, number>>;
  totals: { requests: number; rateLimited: number; faults: number };
  accounts: Record<EmagAccountKind, { offers: number; deletedOffers: number; orders: number }>;
  writes: Record<EmagAccountKind, WriteCounters>;
};

export async function simStats(sim: EmagSimulator): Promise<SimStatsBody> {
  const res = await fetch(`${sim.controlUrl}/stats`);
  return (await res.json()) as SimStatsBody;
}

export async function simControl<T = unknown>(sim: EmagSimulator, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${sim.controlUrl}/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** GET on the control API, e.g. simQuery(sim, "offers", { account: "main", ids: "100,101" }). */
export async function simQuery<T = unknown>(sim: EmagSimulator, path: string, query: Record<string, string | number> = {}): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${sim.controlUrl}/${path}?${qs}`);
  if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Raw call with the demo credentials, for checks on the exact wire format. */
export async function rawCall(sim: EmagSimulator, kind: EmagAccountKind, path: string, body: unknown, init: RequestInit = {}) {
  const { username, password } = SIM_CREDENTIALS[kind];
  const isString = typeof body === "string";
  const res = await fetch(`${sim.url}/${path}`, {
    method: "POST",
    ...init,
    headers: {
      Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
      "Content-Type": isString ? "application/x-www-form-urlencoded" : "application/json",
      ...init.headers,
    },
    body: isString ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
