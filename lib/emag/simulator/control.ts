// Control API on the simulator's own listener (/__sim/...), for tests, the bench and demo tooling.
// It is unauthenticated: the simulator binds 127.0.0.1 by default and never shares the app's port.
import { isObj } from "./body";
import { competitorPrices, marketBucket, smartDealsPrice } from "./data/market";
import { refreshMarket, type OfferRecord } from "./data/offers";
import type { SimAccountKind, SimState } from "./state";
import { emptyStats } from "./state";

export type SimRuntimeConfig = {
  latencyMs: number | [number, number];
  faultRate: number;
  hangMs: number;
  newOrdersPerMinute: number;
  authFailureStatus: number;
  /** Share of offer writes applied and then answered 504 (the response is "lost"). */
  lostWriteRate: number;
  /** Share of the injected faults (faultRate) on offer writes that are lost responses instead. */
  faultLostWriteShare: number;
  /** Length of a competition bucket: competitor prices may move once per bucket. 0 = ticks only. */
  competitorDriftMs: number;
};

export type ControlDeps = {
  state: SimState;
  config: SimRuntimeConfig;
  applyConfig: (patch: Partial<SimRuntimeConfig>) => void;
  injectOrders: (account: SimAccountKind, count: number) => string[];
  reset: () => void;
  resetLimits: () => void;
};

type Reply = { status: number; body: unknown };
const KINDS = ["main", "fbe"] as const;
const accountOf = (v: unknown): SimAccountKind | undefined => (KINDS as readonly unknown[]).includes(v) ? (v as SimAccountKind) : undefined;
const sum = (o: Record<string, Record<string, number>>) => Object.values(o).reduce((s, row) => s + Object.values(row).reduce((a, b) => a + b, 0), 0);

export function stats(deps: ControlDeps) {
  const { state, config } = deps;
  const s = state.stats;
  return {
    ...s,
    totals: { requests: sum(s.requests), rateLimited: Object.values(s.rateLimited).reduce((a, b) => a + b, 0), faults: sum(s.faults) },
    config,
    /** Buyers in the shared pool (both accounts); it grows as live orders bring new ones. */
    buyers: state.buyers.buyers.length,
    accounts: Object.fromEntries(
      KINDS.map((k) => {
        const a = state.accounts[k];
        const deleted = a.offers.filter((o) => o.deleted).length;
        return [k, { offers: a.offers.length - deleted, deletedOffers: deleted, orders: a.orders.length, awbs: a.awbs.length, rmas: a.rmas.length }];
      }),
    ),
  };
}

function parseConfig(body: Record<string, unknown>): Partial<SimRuntimeConfig> | string {
  const patch: Partial<SimRuntimeConfig> = {};
  if (body.latencyMs !== undefined) {
    const l = body.latencyMs;
    if (typeof l === "string" && /^\d+(-\d+)?$/.test(l)) {
      const [a, b] = l.split("-").map(Number);
      patch.latencyMs = b === undefined ? a! : [a!, b];
    } else if (typeof l === "number" && l >= 0) patch.latencyMs = l;
    else if (Array.isArray(l) && l.length === 2 && l.every((x) => typeof x === "number" && x >= 0)) patch.latencyMs = [l[0], l[1]];
    else return "latencyMs must be a number, [min, max] or \"min-max\"";
  }
  const shares = ["faultRate", "lostWriteRate", "faultLostWriteShare"] as const;
  for (const k of [...shares, "hangMs", "newOrdersPerMinute", "authFailureStatus", "competitorDriftMs"] as const) {
    if (body[k] === undefined) continue;
    const n = Number(body[k]);
    if (!Number.isFinite(n) || n < 0 || ((shares as readonly string[]).includes(k) && n > 1)) return `${k} is out of range`;
    patch[k] = n;
  }
  return patch;
}

const bucketNow = (deps: ControlDeps) => marketBucket(deps.state.market, deps.config.competitorDriftMs, Date.now());

function offerIn(deps: ControlDeps, account: SimAccountKind, id: unknown): OfferRecord | undefined {
  const o = deps.state.accounts[account].offerById.get(Number(id));
  return o && !o.deleted ? o : undefined;
}

/** The commercial fields as the simulator holds them (numbers, not eMAG's strings). */
function commercial(o: OfferRecord, bucket: number) {
  refreshMarket(o, bucket);
  return {
    id: o.id,
    sale_price: o.salePrice,
    min_sale_price: o.minPrice,
    max_sale_price: o.maxPrice,
    recommended_price: o.recommendedPrice,
    stock: o.stock,
    status: o.status,
    handling_time: o.handlingTime,
    vat_id: o.vatId,
    number_of_offers: o.numberOfOffers,
    buy_button_rank: o.buyButtonRank,
    best_offer_sale_price: o.bestOfferSalePrice,
    modified: o.modified,
  };
}

function competitors(deps: ControlDeps, account: SimAccountKind, o: OfferRecord) {
  const bucket = bucketNow(deps);
  return {
    account,
    bucket,
    forced: o.market.forced !== undefined,
    prices: [...competitorPrices(o.market, bucket)],
    smart_deals_price: smartDealsPrice(o.market, bucket),
    ...commercial(o, bucket),
  };
}

export function handleControl(deps: ControlDeps, method: string, path: string, body: unknown, query = new URLSearchParams()): Reply {
  const b = isObj(body) ? body : {};
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /__sim/competitors": {
      const account = accountOf(query.get("account") ?? "main");
      const o = account && offerIn(deps, account, query.get("id"));
      if (!account || !o) return { status: 404, body: { error: "expected ?account=main|fbe&id=<existing offer id>" } };
      return { status: 200, body: competitors(deps, account, o) };
    }
    case "POST /__sim/competitors": {
      // prices: the other sellers' sale prices (ex VAT), fixed until cleared with prices: null.
      const account = accountOf(b.account ?? "main");
      const o = account && offerIn(deps, account, b.id);
      const prices = b.prices;
      const valid = prices === null || (Array.isArray(prices) && prices.length <= 100 && prices.every((p) => typeof p === "number" && Number.isFinite(p) && p > 0));
      if (!account || !o || !valid) return { status: 400, body: { error: "expected {account: 'main'|'fbe', id: <existing offer id>, prices: number[] (each > 0, at most 100) | null}" } };
      if (prices === null) delete o.market.forced;
      else o.market.forced = (prices as number[]).map((p) => Math.round(p * 10000) / 10000);
      return { status: 200, body: competitors(deps, account, o) };
    }
    case "POST /__sim/competitors/tick": {
      const steps = Number(b.steps ?? 1);
      if (!Number.isInteger(steps) || steps < 1 || steps > 1_000_000) return { status: 400, body: { error: "expected {steps?: 1..1000000}" } };
      deps.state.market.ticks += steps;
      return { status: 200, body: { bucket: bucketNow(deps) } };
    }
    case "GET /__sim/offers": {
      const account = accountOf(query.get("account") ?? "main");
      const ids = (query.get("ids") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      if (!account || ids.length > 1000) return { status: 400, body: { error: "expected ?account=main|fbe&ids=1,2,3 (at most 1000 ids)" } };
      const bucket = bucketNow(deps);
      const offers = [];
      const missing: string[] = [];
      for (const id of ids) {
        const o = offerIn(deps, account, id);
        if (o) offers.push(commercial(o, bucket));
        else missing.push(id);
      }
      return { status: 200, body: { account, offers, missing } };
    }
    case "GET /__sim/stats":
      return { status: 200, body: stats(deps) };
    case "POST /__sim/stats/reset":
      deps.state.stats = emptyStats();
      deps.resetLimits();
      return { status: 200, body: stats(deps) };
    case "GET /__sim/config":
      return { status: 200, body: deps.config };
    case "POST /__sim/config": {
      const patch = parseConfig(b);
      if (typeof patch === "string") return { status: 400, body: { error: patch } };
      deps.applyConfig(patch);
      return { status: 200, body: deps.config };
    }
    case "POST /__sim/orders": {
      const account = accountOf(b.account);
      const count = Number(b.count ?? 1);
      if (!account || !Number.isInteger(count) || count < 1 || count > 10_000) return { status: 400, body: { error: "expected {account: 'main'|'fbe', count: 1..10000}" } };
      return { status: 200, body: { account, ids: deps.injectOrders(account, count) } };
    }
    case "POST /__sim/offers/delete": {
      const account = accountOf(b.account);
      if (!account) return { status: 400, body: { error: "expected {account: 'main'|'fbe', ids?: number[], count?: number}" } };
      const acct = deps.state.accounts[account];
      const live = acct.offers.filter((o) => !o.deleted);
      const targets = Array.isArray(b.ids)
        ? b.ids.map((id) => acct.offerById.get(Number(id))).filter((o) => o && !o.deleted)
        : live.slice(Math.max(0, live.length - Number(b.count ?? 1)));
      for (const o of targets) o!.deleted = true;
      return { status: 200, body: { account, ids: targets.map((o) => o!.id) } };
    }
    case "POST /__sim/reset":
      deps.reset();
      return { status: 200, body: stats(deps) };
    default:
      return { status: 404, body: { error: `unknown control route ${route}` } };
  }
}
