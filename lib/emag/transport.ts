// One eMAG call: wait for a budget slot, send with a timeout, classify the answer, retry what is
// transient. Every attempt (a 429 retry included) takes its own slot, because eMAG counts
// rejected and invalid calls against the budget too.
import pRetry, { AbortError } from "p-retry";
import type { z } from "zod";
import { parseEnvelope, messagesOf, type Envelope } from "./envelope";
import { EmagApiError, looksLikeAuthFailure, type EmagErrorCode } from "./errors";
import { bucketForPath, type EmagRateLimiter } from "./limiter";
import { emagRateLimitHits, emagRateLimitWait, recordAttempt } from "./metrics";
import { safeJsonParse } from "./wire";

export type TransportConfig = {
  account: string;
  baseUrl: string;
  authorization: string;
  timeoutMs: number;
  maxRetries: number;
  retryMinMs: number;
  retryMaxMs: number;
  limiter: EmagRateLimiter;
};

export type CallSpec<S extends z.ZodType> = {
  method?: "POST" | "PATCH" | "GET";
  /** Path below the base URL, e.g. "product_offer/read" or "order/acknowledge/3115229985". */
  path: string;
  resource: string;
  action: string;
  body?: unknown;
  /** Parses `results` of a successful envelope. */
  results: S;
  /** false for calls that must not be repeated after an ambiguous failure (awb/save creates AWBs). */
  idempotent?: boolean;
  /** PATCH offer_stock answers 204 with no envelope. */
  expectEmpty?: boolean;
  signal?: AbortSignal;
};

const fail = (cfg: TransportConfig, spec: CallSpec<z.ZodType>, code: EmagErrorCode, summary: string, extra: object = {}) =>
  new EmagApiError(code, summary, { account: cfg.account, resource: spec.resource, action: spec.action, ...extra });

async function attempt<S extends z.ZodType>(cfg: TransportConfig, spec: CallSpec<S>): Promise<z.output<S>> {
  const bucket = bucketForPath(spec.path);
  const waited = await cfg.limiter.acquire(bucket, spec.signal);
  emagRateLimitWait().observe({ account: cfg.account, bucket }, waited / 1000);

  const labels = { account: cfg.account, resource: spec.resource, action: spec.action };
  const started = performance.now();
  const done = (status: string) => recordAttempt({ ...labels, status }, (performance.now() - started) / 1000);
  const timeout = AbortSignal.timeout(cfg.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([timeout, spec.signal]) : timeout;

  let status: number;
  let text: string;
  let headers: Headers;
  try {
    const res = await fetch(`${cfg.baseUrl}/${spec.path}`, {
      method: spec.method ?? "POST",
      headers: { Authorization: cfg.authorization, "Content-Type": "application/json", Accept: "application/json" },
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
    status = res.status;
    headers = res.headers;
    text = await res.text();
  } catch (cause) {
    if (spec.signal?.aborted) throw new AbortError(spec.signal.reason instanceof Error ? spec.signal.reason : "aborted");
    const timedOut = timeout.aborted;
    done(timedOut ? "timeout" : "network");
    // The cause is kept for debugging; fetch errors never include request headers.
    throw fail(cfg, spec, timedOut ? "timeout" : "network", timedOut ? `timed out after ${cfg.timeoutMs} ms` : "network error", { cause });
  }
  cfg.limiter.observe(bucket, headers);

  let body: unknown;
  try {
    body = text.trim() ? safeJsonParse(text) : undefined;
  } catch {
    body = undefined; // gateway pages (502/504) are HTML
  }
  const messages = messagesOf(body);
  const extra = { status, messages };

  if (status === 429) {
    done("429");
    cfg.limiter.onRateLimited(bucket);
    emagRateLimitHits().inc({ account: cfg.account });
    throw fail(cfg, spec, "rate_limited", "rate limit exceeded (HTTP 429)", extra);
  }
  if (status >= 500) {
    done(String(status));
    throw fail(cfg, spec, "server", `server error (HTTP ${status})`, extra);
  }
  if (status === 401 || status === 403) {
    done(String(status));
    throw fail(cfg, spec, "auth", `authentication failed (HTTP ${status})`, extra);
  }
  if (status >= 300) {
    done(String(status));
    throw fail(cfg, spec, "http", `failed (HTTP ${status})`, extra);
  }
  if (spec.expectEmpty && body === undefined) {
    done(String(status));
    return spec.results.parse(undefined);
  }

  const envelope: Envelope | undefined = parseEnvelope(body);
  if (!envelope) {
    done(String(status));
    // A 200 that is not an envelope is gateway trouble more often than a contract change.
    throw fail(cfg, spec, "server", `answered HTTP ${status} without an eMAG envelope`, { status });
  }
  if (envelope.isError) {
    done("api_error");
    const code = looksLikeAuthFailure(envelope.messages) ? "auth" : "api_error";
    throw fail(cfg, spec, code, "returned isError", { ...extra, results: envelope.results });
  }
  done(String(status));
  const parsed = spec.results.safeParse(envelope.results);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "results"}: ${i.message}`);
    throw fail(cfg, spec, "invalid_response", "returned an unexpected shape", { status, messages: issues });
  }
  return parsed.data;
}

export function emagCall<S extends z.ZodType>(cfg: TransportConfig, spec: CallSpec<S>): Promise<z.output<S>> {
  return pRetry(() => attempt(cfg, spec), {
    retries: cfg.maxRetries,
    factor: 2,
    minTimeout: cfg.retryMinMs,
    maxTimeout: cfg.retryMaxMs,
    randomize: true,
    signal: spec.signal,
    shouldRetry: ({ error }) => {
      if (!(error instanceof EmagApiError) || !error.retryable) return false;
      // A 429 was refused before processing; anything else may have been applied already.
      return spec.idempotent !== false || error.code === "rate_limited";
    },
  });
}
