// One typed client per eMAG seller account (MAIN or FBE): typed calls, paging helpers, the
// account's rate limiter and its usage snapshot. Credentials live only in a closure.
import type { Redis } from "ioredis";
import { buildEndpoints, DEFAULT_SAVE_SHAPES, type SaveRoute, type SaveShape } from "./endpoints";
import { accountKeyFor, createEmagRateLimiter, type EmagLimiterOptions, type EmagRateLimiter, type EmagUsage } from "./limiter";
import { fetchPagesConcurrently, readAll, readPages } from "./paging";
import type { EmagAccountKind } from "./types";

export type CreateEmagClientOptions = {
  kind: EmagAccountKind;
  baseUrl: string;
  username: string;
  password: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx, timeouts and network errors. Default 5. */
  maxRetries?: number;
  /** Backoff bounds (exponential with jitter). Defaults 500 ms .. 15 s. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /**
   * A limiter to share, or options for this client's own. Memory by default; pass `redis` (URL or
   * client) so every process using this account draws from one budget.
   */
  limiter?: EmagRateLimiter | (Partial<Omit<EmagLimiterOptions, "account">> & { redis?: string | Redis });
  saveShapes?: Partial<Record<SaveRoute, SaveShape>>;
};

const isLimiter = (l: CreateEmagClientOptions["limiter"]): l is EmagRateLimiter =>
  !!l && typeof (l as EmagRateLimiter).acquire === "function";

export function createEmagClient(opts: CreateEmagClientOptions) {
  const baseUrl = opts.baseUrl.replace(/\/+$/, "");
  const ownsLimiter = !isLimiter(opts.limiter);
  const limiter = isLimiter(opts.limiter)
    ? opts.limiter
    : createEmagRateLimiter({
        account: opts.kind,
        accountKey: accountKeyFor(opts.kind, baseUrl, opts.username),
        ...opts.limiter,
      });
  const cfg = {
    account: opts.kind,
    baseUrl,
    authorization: `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`,
    timeoutMs: opts.timeoutMs ?? 30_000,
    maxRetries: opts.maxRetries ?? 5,
    retryMinMs: opts.retryMinMs ?? 500,
    retryMaxMs: opts.retryMaxMs ?? 15_000,
    limiter,
  };
  Object.defineProperty(cfg, "authorization", { enumerable: false }); // keep it out of accidental dumps
  const endpoints = buildEndpoints(cfg, opts.kind, { ...DEFAULT_SAVE_SHAPES, ...opts.saveShapes });

  return {
    ...endpoints,
    /** Safe to show: no password. */
    info: { kind: opts.kind, baseUrl, username: opts.username },
    limiter,
    readPages,
    readAll,
    fetchPagesConcurrently,
    usage: (): EmagUsage => limiter.usage(),
    /** Waits until a shared (Redis) budget store is connected. */
    ready: () => limiter.ready(),
    async close() {
      if (ownsLimiter) await limiter.close();
    },
  };
}

export type EmagClient = ReturnType<typeof createEmagClient>;
