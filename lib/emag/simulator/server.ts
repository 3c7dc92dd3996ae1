// In-process eMAG Marketplace API simulator (node:http). Order of checks per request mirrors the
// real stack: auth, then the gateway rate limit (invalid calls count too), then latency and
// injected faults, and only then the handler, so a faulted request never changes state. The one
// exception is a "lost response" on offer writes: applied, then answered 504 (lostWriteRate, and
// a share of faultRate's faults on writes).
import { setMaxListeners } from "node:events";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BodyError, countInputVars, entitiesOf, parseBody } from "./body";
import { createSimLimiter, type SimLimit } from "./buckets";
import { apiError, BULK_LIMIT, INPUT_VARS_LIMIT, type SimResponse } from "./context";
import { handleControl, type SimRuntimeConfig } from "./control";
import { faultResponse, latencyFor, parseLatency, pickFault } from "./faults";
import { createRng } from "./prng";
import { resolveRoute, simBucketFor } from "./routes";
import type { SimOrder } from "./data/orders";
import { bump, createNewOrders, createSimState, resetSimState, type SimAccountKind } from "./state";
import { startOrderTimer } from "./order-feed";
import { marketBucket, rebaseClock } from "./data/market";
import { WRITE_ROUTES, writeCounters } from "./writes";

type Credentials = { username: string; password: string };

export type EmagSimulatorOptions = {
  /** 0 picks a free port. Default 3101. */
  port?: number;
  host?: string;
  seed?: number;
  products?: Partial<Record<SimAccountKind, number>>;
  orders?: number | Partial<Record<SimAccountKind, number>>;
  /** New orders per minute per account; 0 disables the timer. Default 2. */
  newOrdersPerMinute?: number;
  /** Fixed ms, [min, max], or "min-max" as in EMAG_SIM_LATENCY_MS. */
  latencyMs?: number | [number, number] | string;
  /** Share of requests answered with a 5xx or a hang. */
  faultRate?: number;
  /** How long an injected hang lasts before a 504. Default 35 s (beyond a 30 s client timeout). */
  hangMs?: number;
  /** Share of offer writes (offer/save, product_offer/save, offer_stock) applied, then answered 504. Default 0. */
  lostWriteRate?: number;
  /** Share of faultRate's injected faults on offer writes that become lost responses. Default 0.25. */
  faultLostWriteShare?: number;
  /** Competition bucket length: competitor prices may move once per bucket. Default 10 min; 0 = only POST /__sim/competitors/tick. */
  competitorDriftMs?: number;
  credentials?: Partial<Record<SimAccountKind, Credentials>>;
  /** Status for bad credentials; the envelope is the same either way. Default 403. */
  authFailureStatus?: number;
  /** eMAG-style new-order callback: GET <url>?order_id=N for each order the simulator creates. */
  callbackUrl?: Partial<Record<SimAccountKind, string>>;
  /** How often a new order's callback repeats until it is acknowledged (at most 10 calls). Default 60 s. */
  callbackRepeatMs?: number;
  /** Gateway limits on (default) or off, e.g. for wire-format tests that should not wait. */
  rateLimit?: boolean;
  /** Other budgets than eMAG's, per bucket (tests that are about something else than limits). */
  limits?: Partial<Record<"orders" | "default", SimLimit>>;
};

const DEFAULT_CREDS: Record<SimAccountKind, Credentials> = {
  main: { username: "demo-main", password: "demo-main-pass" },
  fbe: { username: "demo-fbe", password: "demo-fbe-pass" },
};

function readRaw(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: SimResponse, extraHeaders: Record<string, string> = {}) {
  if (res.destroyed) return;
  const headers = { ...extraHeaders, ...r.headers };
  if (r.status === 204 || r.body === undefined) return res.writeHead(r.status ?? 204, headers).end();
  res.writeHead(r.status ?? 200, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(r.body));
}

export async function startEmagSimulator(options: EmagSimulatorOptions = {}) {
  const orders = typeof options.orders === "number" ? { main: options.orders, fbe: options.orders } : options.orders;
  const state = createSimState({
    seed: options.seed ?? 42,
    products: { main: options.products?.main ?? 1275, fbe: options.products?.fbe ?? 1271 },
    orders: { main: orders?.main ?? 3000, fbe: orders?.fbe ?? 3000 },
  });
  const config: SimRuntimeConfig = {
    latencyMs: parseLatency(options.latencyMs),
    faultRate: options.faultRate ?? 0,
    hangMs: options.hangMs ?? 35_000,
    lostWriteRate: options.lostWriteRate ?? 0,
    faultLostWriteShare: options.faultLostWriteShare ?? 0.25,
    competitorDriftMs: options.competitorDriftMs ?? 600_000,
    newOrdersPerMinute: options.newOrdersPerMinute ?? 2,
    authFailureStatus: options.authFailureStatus ?? 403,
  };
  const creds = { ...DEFAULT_CREDS, ...options.credentials };
  const limiter = createSimLimiter(options.limits);
  const rateLimit = options.rateLimit ?? true;
  const faultRng = createRng(state.data.seed, 99);
  const closing = new AbortController();
  setMaxListeners(0, closing.signal); // one listener per request waiting out latency or a hang
  // Latency and hangs end early (rejecting) when the simulator closes.
  const wait = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const onClose = () => (clearTimeout(t), reject(new Error("closed")));
          const t = setTimeout(() => (closing.signal.removeEventListener("abort", onClose), resolve()), ms);
          closing.signal.addEventListener("abort", onClose, { once: true });
        });

  const callbackUrls: Partial<Record<SimAccountKind, string>> = { ...options.callbackUrl };
  const callbackTimers = new Set<NodeJS.Timeout>();
  const repeatMs = options.callbackRepeatMs ?? 60_000;
  // Like eMAG: GET <url>?order_id=N for a new order, repeated until the order is acknowledged
  // (a bounded number of times here). Fire-and-forget: the answer is not awaited by anything.
  // FBE orders are never acknowledged by the seller: their callback goes once.
  const callBack = (kind: SimAccountKind, order: SimOrder, attempt: number) => {
    const url = callbackUrls[kind];
    if (!url || closing.signal.aborted) return;
    const target = new URL(url);
    target.searchParams.set("order_id", String(order.wire.id));
    fetch(target, { signal: AbortSignal.timeout(5000) }).catch(() => {});
    if (order.wire.type !== 3 || attempt >= 10) return;
    const t = setTimeout(() => {
      callbackTimers.delete(t);
      if (order.wire.status === 1) callBack(kind, order, attempt + 1);
    }, repeatMs);
    t.unref();
    callbackTimers.add(t);
  };
  const injectOrders = (kind: SimAccountKind, count: number) => {
    const created = createNewOrders(state, kind, count);
    for (const o of created) callBack(kind, o, 1);
    return created.map((o) => String(o.wire.id));
  };
  const timer = startOrderTimer(() => config.newOrdersPerMinute, (k) => injectOrders(k, 1));

  const controlDeps = {
    state,
    config,
    applyConfig: (patch: Partial<SimRuntimeConfig>) => {
      if (patch.competitorDriftMs !== undefined) rebaseClock(state.market, config.competitorDriftMs, Date.now());
      Object.assign(config, patch);
      if (patch.newOrdersPerMinute !== undefined) timer.restart();
    },
    injectOrders,
    reset: () => (resetSimState(state), limiter.reset()),
    resetLimits: () => limiter.reset(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const raw = await readRaw(req);
    if (url.pathname.startsWith("/__sim")) {
      let body: unknown = {};
      try { body = raw.trim() ? JSON.parse(raw) : {}; } catch { return send(res, { status: 400, body: { error: "invalid JSON" } }); }
      return send(res, handleControl(controlDeps, req.method ?? "GET", url.pathname, body, url.searchParams));
    }
    if (!url.pathname.startsWith("/api-3/")) return send(res, { status: 404, body: { message: "Invalid URL" } });

    const auth = req.headers.authorization ?? "";
    if (!/^Basic\s+/i.test(auth)) {
      bump(state.stats.requests, "unauthenticated", "all");
      return send(res, { status: 401, body: { isError: true, messages: ["Authentication required"], results: [] } }, { "WWW-Authenticate": 'Basic realm="eMAG Marketplace API"' });
    }
    const [user, ...rest] = Buffer.from(auth.replace(/^Basic\s+/i, ""), "base64").toString("utf8").split(":");
    const kind = (["main", "fbe"] as const).find((k) => creds[k].username === user && creds[k].password === rest.join(":"));
    if (!kind) {
      bump(state.stats.requests, "rejected", "bad_credentials");
      return send(res, { status: config.authFailureStatus, ...apiError("You are not allowed to use this API.") });
    }

    const route = resolveRoute(req.method ?? "GET", url.pathname.slice("/api-3/".length));
    bump(state.stats.requests, kind, route.key);
    const rl = rateLimit ? limiter.take(kind, simBucketFor(route.key)) : { allowed: true, limit: 0, remaining: 0 };
    const rlHeaders: Record<string, string> = rateLimit ? { "X-RateLimit-Limit-3second": String(rl.limit), "X-RateLimit-Remaining-3second": String(rl.remaining) } : {};
    if (!rl.allowed) {
      state.stats.rateLimited[kind] = (state.stats.rateLimited[kind] ?? 0) + 1;
      return send(res, { status: 429, body: { message: "API rate limit exceeded" } }, rlHeaders);
    }

    await wait(latencyFor(faultRng, config.latencyMs));
    const isWrite = WRITE_ROUTES.has(route.key) && !!route.handler;
    const writes = isWrite ? writeCounters(state, kind) : undefined;
    if (writes) writes.requests++;
    let fault = pickFault(faultRng, config.faultRate);
    // Lost responses: a share of the faults on writes, plus lostWriteRate on the others. The
    // extra draws happen only for writes, so reads see the same fault sequence as before.
    let lostResponse = false;
    if (isWrite && fault && config.faultLostWriteShare > 0 && faultRng.next() < config.faultLostWriteShare) {
      fault = undefined;
      lostResponse = true;
    } else if (isWrite && !fault && config.lostWriteRate > 0 && faultRng.next() < config.lostWriteRate) lostResponse = true;
    if (fault) {
      bump(state.stats.faults, kind, fault);
      if (writes) writes.faulted++;
      if (fault === "hang") {
        await wait(config.hangMs);
        const r = faultResponse("504");
        return res.writeHead(r.status, { "Content-Type": r.contentType }).end(r.body);
      }
      const r = faultResponse(fault);
      return res.writeHead(r.status, { "Content-Type": r.contentType, ...rlHeaders }).end(r.body);
    }
    if (!route.handler) return send(res, { status: 404, body: { message: "Invalid URL" } }, rlHeaders);

    const now = Date.now();
    const reply = (r: SimResponse) => {
      if (!lostResponse) return send(res, r, rlHeaders);
      // Whatever happened was applied; the client only sees a gateway timeout.
      bump(state.stats.faults, kind, "lost_write");
      if (writes) writes.lost++;
      const f = faultResponse("504");
      res.writeHead(f.status, { "Content-Type": f.contentType, ...rlHeaders }).end(f.body);
    };
    const refused = (r: SimResponse, items: number) => {
      if (writes) writes.rejected += Math.max(1, items);
      return reply(r);
    };
    let body: unknown;
    try {
      body = parseBody(raw, req.headers["content-type"]);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      return refused(route.key === "offer_stock" ? { status: 400, body: { message: "Invalid content" } } : apiError(e.message), 1);
    }
    if (countInputVars(body) > INPUT_VARS_LIMIT) return refused(apiError(`Maximum input vars of ${INPUT_VARS_LIMIT} exceeded`), entitiesOf(body).length);
    if (route.key.endsWith("/save") && entitiesOf(body).length > BULK_LIMIT)
      return refused(apiError(`Maximum ${BULK_LIMIT} entities per request exceeded`), entitiesOf(body).length);
    const acct = state.accounts[kind];
    const bucket = marketBucket(state.market, config.competitorDriftMs, now);
    reply(route.handler({ state, acct, body, params: route.params, query: url.searchParams, now, bucket }));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return res.destroy();
      send(res, { status: 500, body: { message: "Simulator error", detail: err instanceof Error ? err.message : String(err) } });
    });
  });
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 3101, host, () => resolve());
    });
  } catch (err) {
    timer.stop(); // e.g. EADDRINUSE: leave nothing running behind
    closing.abort();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/api-3`,
    port,
    controlUrl: `${origin}/__sim`,
    state,
    config,
    injectOrders,
    /** Where new-order callbacks go (the app sets it once it knows its URL and secrets). */
    setCallbackUrl(kind: SimAccountKind, url: string | undefined) {
      callbackUrls[kind] = url;
    },
    async close() {
      timer.stop();
      for (const t of callbackTimers) clearTimeout(t);
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type EmagSimulator = Awaited<ReturnType<typeof startEmagSimulator>>;
