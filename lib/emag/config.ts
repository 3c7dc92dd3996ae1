// Which eMAG endpoint and credentials each account uses, and the per-process client singletons.
// Per account, in this order: EMAG_<KIND>_USERNAME/PASSWORD (the environment wins), credentials
// stored from the accounts page (lib/accounts/snapshot.ts, read synchronously), else demo mode
// against the simulator. A cached client is rebuilt as soon as the account's endpoint or
// credentials differ from the ones it was built with, and its limiter with it (the budget key
// follows base URL and username, lib/emag/limiter.ts accountKeyFor).
// Singletons live on globalThis because Next bundles route handlers separately from server.ts.
import { createHash } from "node:crypto";
import { storedAccount } from "@/lib/accounts/snapshot";
import { emagCredentials, env } from "@/lib/env";
import { createEmagClient, type EmagClient } from "./client";
import type { EmagAccountKind } from "./types";

export type EmagAccountConfig = {
  kind: EmagAccountKind;
  mode: "live" | "demo";
  /** Where the credentials come from. */
  source: "env" | "stored" | "demo";
  baseUrl: string;
  username: string;
  password: string;
};

type EmagGlobal = {
  __magflowEmagSimUrl?: string;
  __magflowEmagClients?: Partial<Record<EmagAccountKind, { client: EmagClient; baseUrl: string; fingerprint: string }>>;
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
  g.__magflowEmagSimUrl = url.replace(/\/+$/, ""); // demo clients on the old URL are rebuilt on next use
}

const trimUrl = (url: string) => url.replace(/\/+$/, "");

export function emagAccountConfig(kind: EmagAccountKind, opts: { simulatorUrl?: string } = {}): EmagAccountConfig {
  const e = env();
  const live = emagCredentials(kind);
  if (live) return { kind, mode: "live", source: "env", baseUrl: trimUrl(e.EMAG_API_URL), ...live };
  const stored = storedAccount(kind);
  if (stored?.username && stored.password)
    return { kind, mode: "live", source: "stored", baseUrl: trimUrl(stored.baseUrl ?? e.EMAG_API_URL), username: stored.username, password: stored.password };
  const [username, password] =
    kind === "main" ? [e.EMAG_SIM_MAIN_USERNAME, e.EMAG_SIM_MAIN_PASSWORD] : [e.EMAG_SIM_FBE_USERNAME, e.EMAG_SIM_FBE_PASSWORD];
  return { kind, mode: "demo", source: "demo", baseUrl: opts.simulatorUrl ?? emagSimulatorUrl(), username, password };
}

/** Account facts that are safe to send to the browser (never the password). */
export function emagAccountSummary(kind: EmagAccountKind) {
  const { mode, source, baseUrl, username } = emagAccountConfig(kind);
  return { kind, mode, source, baseUrl, username };
}

/** Identifies the endpoint and credentials a client was built with (the password only as a hash). */
const fingerprintOf = (c: EmagAccountConfig) =>
  createHash("sha256").update([c.mode, c.baseUrl, c.username, c.password].join("\u0000")).digest("base64url");

/** A replaced client may still have requests in flight: it is closed a little later. */
const CLOSE_REPLACED_AFTER_MS = 60_000;

/** The process-wide client for an account; its budget is shared via Redis when REDIS_URL is set. */
export function getEmagClient(kind: EmagAccountKind): EmagClient {
  g.__magflowEmagClients ??= {};
  const cfg = emagAccountConfig(kind);
  const fingerprint = fingerprintOf(cfg);
  const existing = g.__magflowEmagClients[kind];
  if (existing?.fingerprint === fingerprint) return existing.client;
  if (existing) setTimeout(() => void existing.client.close().catch(() => {}), CLOSE_REPLACED_AFTER_MS).unref();
  const e = env();
  const client = createEmagClient({
    ...cfg,
    timeoutMs: e.EMAG_TIMEOUT_MS,
    maxRetries: e.EMAG_MAX_RETRIES,
    limiter: e.REDIS_URL ? { redis: e.REDIS_URL } : undefined,
  });
  g.__magflowEmagClients[kind] = { client, baseUrl: cfg.baseUrl, fingerprint };
  return client;
}

/** A throwaway client for credentials not saved yet (the test before save); the caller closes it. */
export function createUnsavedEmagClient(kind: EmagAccountKind, creds: { baseUrl: string; username: string; password: string }): EmagClient {
  const e = env();
  return createEmagClient({
    kind,
    baseUrl: trimUrl(creds.baseUrl),
    username: creds.username,
    password: creds.password,
    timeoutMs: Math.min(e.EMAG_TIMEOUT_MS, 20_000),
    maxRetries: 1,
    limiter: e.REDIS_URL ? { redis: e.REDIS_URL } : undefined,
  });
}

/** Tests and shutdown: close and forget cached clients. */
export async function resetEmagClients() {
  const clients = Object.values(g.__magflowEmagClients ?? {});
  g.__magflowEmagClients = {};
  await Promise.all(clients.map((c) => c.client.close()));
}
