// Which eMAG endpoint and credentials each account uses, and the per-process client singletons.
// Live when env credentials exist for that account; otherwise demo mode against the simulator.
// Singletons live on globalThis because Next bundles route handlers separately from server.ts.
import { emagCredentials, env } from "@/lib/env";
import { createEmagClient, type EmagClient } from "./client";
import type { EmagAccountKind } from "./types";

export type EmagAccountConfig = {
  kind: EmagAccountKind;
  mode: "live" | "demo";
  baseUrl: string;
  username: string;
  password: string;
};

type EmagGlobal = {
  __magflowEmagSimUrl?: string;
  __magflowEmagClients?: Partial<Record<EmagAccountKind, { client: EmagClient; baseUrl: string }>>;
};
const g = globalThis as EmagGlobal;

/** Where the demo simulator listens: the URL published by the server, else EMAG_SIM_PORT. */
export function emagSimulatorUrl(): string {
  return g.__magflowEmagSimUrl ?? `http://127.0.0.1:${env().EMAG_SIM_PORT}/api-3`;
}

/**
 * Called by the server after it starts the in-process simulator (which may bind another port).
 * Demo clients created earlier point at the old URL, so they are dropped and rebuilt on next use.
 */
export function setEmagSimulatorUrl(url: string) {
  g.__magflowEmagSimUrl = url.replace(/\/+$/, "");
  for (const kind of ["main", "fbe"] as const) {
    const entry = g.__magflowEmagClients?.[kind];
    if (entry && entry.baseUrl !== g.__magflowEmagSimUrl && emagAccountConfig(kind).mode === "demo") {
      void entry.client.close();
      delete g.__magflowEmagClients![kind];
    }
  }
}

export function emagAccountConfig(kind: EmagAccountKind, opts: { simulatorUrl?: string } = {}): EmagAccountConfig {
  const e = env();
  const live = emagCredentials(kind);
  if (live) return { kind, mode: "live", baseUrl: e.EMAG_API_URL.replace(/\/+$/, ""), ...live };
  const [username, password] =
    kind === "main" ? [e.EMAG_SIM_MAIN_USERNAME, e.EMAG_SIM_MAIN_PASSWORD] : [e.EMAG_SIM_FBE_USERNAME, e.EMAG_SIM_FBE_PASSWORD];
  return { kind, mode: "demo", baseUrl: opts.simulatorUrl ?? emagSimulatorUrl(), username, password };
}

/** Account facts that are safe to send to the browser (never the password). */
export function emagAccountSummary(kind: EmagAccountKind) {
  const { mode, baseUrl, username } = emagAccountConfig(kind);
  return { kind, mode, baseUrl, username };
}

/** The process-wide client for an account; its budget is shared via Redis when REDIS_URL is set. */
export function getEmagClient(kind: EmagAccountKind): EmagClient {
  g.__magflowEmagClients ??= {};
  const existing = g.__magflowEmagClients[kind];
  if (existing) return existing.client;
  const e = env();
  const cfg = emagAccountConfig(kind);
  const client = createEmagClient({
    ...cfg,
    timeoutMs: e.EMAG_TIMEOUT_MS,
    maxRetries: e.EMAG_MAX_RETRIES,
    limiter: e.REDIS_URL ? { redis: e.REDIS_URL } : undefined,
  });
  g.__magflowEmagClients[kind] = { client, baseUrl: cfg.baseUrl };
  return client;
}

/** Tests and shutdown: close and forget cached clients. */
export async function resetEmagClients() {
  const clients = Object.values(g.__magflowEmagClients ?? {});
  g.__magflowEmagClients = {};
  await Promise.all(clients.map((c) => c.client.close()));
}
