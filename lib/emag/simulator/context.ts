// Shared types and envelope helpers for simulator route handlers.
import type { SimAccount, SimState } from "./state";

export type SimResponse = { status?: number; body?: unknown; headers?: Record<string, string> };

export type RouteCtx = {
  state: SimState;
  acct: SimAccount;
  body: unknown;
  /** Path segments after the route, e.g. the id in order/acknowledge/{id}. */
  params: string[];
  query: URLSearchParams;
  now: number;
  /** Competition bucket now (data/market.ts); 0 when a caller builds a context by hand. */
  bucket?: number;
};

export type RouteHandler = (ctx: RouteCtx) => SimResponse;

export const ok = (results: unknown, extra: Record<string, unknown> = {}): SimResponse => ({
  body: { isError: false, messages: [], results, ...extra },
});

export const apiError = (messages: string | string[], results: unknown = []): SimResponse => ({
  body: { isError: true, messages: Array.isArray(messages) ? messages : [messages], results },
});

export const BULK_LIMIT = 50;
export const INPUT_VARS_LIMIT = 4000;
