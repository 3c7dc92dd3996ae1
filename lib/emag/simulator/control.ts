// Control API on the simulator's own listener (/__sim/...), for tests, the bench and demo tooling.
// It is unauthenticated: the simulator binds 127.0.0.1 by default and never shares the app's port.
import { isObj } from "./body";
import type { SimAccountKind, SimState } from "./state";
import { emptyStats } from "./state";

export type SimRuntimeConfig = {
  latencyMs: number | [number, number];
  faultRate: number;
  hangMs: number;
  newOrdersPerMinute: number;
  authFailureStatus: number;
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
  for (const k of ["faultRate", "hangMs", "newOrdersPerMinute", "authFailureStatus"] as const) {
    if (body[k] === undefined) continue;
    const n = Number(body[k]);
    if (!Number.isFinite(n) || n < 0 || (k === "faultRate" && n > 1)) return `${k} is out of range`;
    patch[k] = n;
  }
  return patch;
}

export function handleControl(deps: ControlDeps, method: string, path: string, body: unknown): Reply {
  const b = isObj(body) ? body : {};
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
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
