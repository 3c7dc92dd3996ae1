// Every alert rule, declared once: adding a rule is one entry here (its hook, for an event rule, is
// one raiseAlert call where the fact happens). Thresholds and on/off are defaults; an admin's edit
// is stored in alert_rule_settings and wins.
import { checkRule, eventRule, type AlertSubject } from "./types";
import { emagOutcomesSince, unacknowledgedOrders } from "./checks";

const upper = (accounts: readonly string[]) => accounts.map((a) => a.toUpperCase()).join(" + ");
const money = (n: number, currency: string | null) => `${n.toFixed(2)} ${currency ?? "RON"}`;
/** Lookback of the eMAG error-rate check; below MIN_REQUESTS requests in it, a rate says nothing. */
export const EMAG_LOOKBACK_MINUTES = 15;
export const EMAG_MIN_REQUESTS = 20;

export interface SyncEndedEvent {
  kind: "products" | "orders";
  syncId: string;
  status: string;
  accounts: readonly string[];
  error?: string | null;
}
export interface StuckSyncsEvent {
  kind: "products" | "orders";
  ids: readonly string[];
}
export interface NewOrdersEvent {
  orders: readonly { account: string; emagOrderId: string; total: number; currency: string | null; customer?: string | null }[];
}
export interface LowStockEvent {
  account: string;
  items: readonly { emag_offer_id: string; name: string | null; available: number; threshold: number }[];
}

export const alertRules = {
  "sync.failed": eventRule<SyncEndedEvent>({
    title: "Sync failed or partial",
    description: "A product or order sync ended failed, or partial (some pages or an account failed).",
    severity: "critical",
    defaultEnabled: true,
    windowMinutes: 30,
    threshold: null,
    aggregate: "sum",
    match: (e) =>
      e.status === "failed" || e.status === "partial"
        ? [{
            key: `${e.kind}:${[...e.accounts].sort().join("+")}`,
            title: `${e.kind === "products" ? "Product" : "Order"} sync ${e.status === "failed" ? "failed" : "finished with errors"} (${upper(e.accounts)})`,
            lines: [`Status: ${e.status}`, `Sync: ${e.syncId}`, ...(e.error ? [`Last error: ${e.error.slice(0, 300)}`] : [])],
            link: e.kind === "products" ? "/emag/sync" : "/orders",
          }]
        : [],
  }),
  "sync.stuck": eventRule<StuckSyncsEvent>({
    title: "Stuck syncs cleaned up",
    description: "Running syncs stopped sending heartbeats and were marked failed by the cleanup.",
    severity: "warning",
    defaultEnabled: true,
    windowMinutes: 60,
    threshold: null,
    aggregate: "sum",
    match: (e) =>
      e.ids.length
        ? [{
            key: e.kind,
            count: e.ids.length,
            title: `${e.ids.length} stuck ${e.kind === "products" ? "product" : "order"} sync${e.ids.length === 1 ? "" : "s"} marked failed`,
            lines: [`Syncs: ${e.ids.slice(0, 5).join(", ")}${e.ids.length > 5 ? ", …" : ""}`],
            link: "/emag/sync",
          }]
        : [],
  }),
  "emag.errors": checkRule({
    title: "eMAG errors or 429s above a rate",
    description: `Share of eMAG API attempts (all instances) that failed or hit the rate limit (429) over the last ${EMAG_LOOKBACK_MINUTES} minutes, once there were at least ${EMAG_MIN_REQUESTS}.`,
    severity: "warning",
    defaultEnabled: true,
    windowMinutes: 60,
    threshold: { label: "Error share at or above", unit: "%", default: 20, min: 1, max: 100 },
    aggregate: "max",
    check: async (threshold, now) => {
      const rows = await emagOutcomesSince(new Date(now.getTime() - EMAG_LOOKBACK_MINUTES * 60_000));
      return emagErrorSubjects(rows, threshold ?? 20);
    },
  }),
  "orders.unacknowledged": checkRule({
    title: "New orders not acknowledged",
    description: "Seller-fulfilled orders still new (not acknowledged) this many hours after they were placed; eMAG penalises late handling.",
    severity: "critical",
    defaultEnabled: true,
    windowMinutes: 6 * 60,
    threshold: { label: "Unacknowledged after", unit: "hours", default: 2, min: 0.25, max: 168 },
    aggregate: "max",
    check: async (threshold, now) => {
      const rows = await unacknowledgedOrders(new Date(now.getTime() - (threshold ?? 2) * 3_600_000));
      return rows.map((r) => ({
        key: r.account,
        count: r.n,
        title: `${r.n} ${r.account.toUpperCase()} order${r.n === 1 ? "" : "s"} not acknowledged after ${threshold ?? 2} h`,
        lines: [`Oldest placed ${r.oldest.toISOString()}`, `Orders: ${r.sample.join(", ")}${r.n > r.sample.length ? ", …" : ""}`],
        link: "/orders?status=1",
      }));
    },
  }),
  "order.high_value": eventRule<NewOrdersEvent>({
    title: "Order above an amount",
    description: "A new order whose total (incl. VAT, in its own currency) is at or above the amount.",
    severity: "info",
    defaultEnabled: true,
    windowMinutes: 60,
    threshold: { label: "Order total at or above", unit: "RON", default: 5000, min: 1, max: 10_000_000 },
    aggregate: "sum",
    match: (e, threshold) => {
      const big = e.orders.filter((o) => o.total >= (threshold ?? 5000));
      const byAccount = new Map<string, typeof big>();
      for (const o of big) byAccount.set(o.account, [...(byAccount.get(o.account) ?? []), o]);
      return [...byAccount].map(([account, list]) => ({
        key: account,
        count: list.length,
        title: list.length === 1 ? `Large ${account.toUpperCase()} order ${list[0]!.emagOrderId}: ${money(list[0]!.total, list[0]!.currency)}` : `${list.length} large ${account.toUpperCase()} orders`,
        lines: list.slice(0, 10).map((o) => `Order ${o.emagOrderId}: ${money(o.total, o.currency)}${o.customer ? ` (${o.customer})` : ""}`),
        link: "/orders",
      }));
    },
  }),
  "inventory.low_stock": eventRule<LowStockEvent>({
    title: "Low stock",
    description: "An offer fell below its low-stock threshold (inventory settings) and has at most this many units left.",
    severity: "warning",
    defaultEnabled: true,
    windowMinutes: 6 * 60,
    threshold: { label: "Units available at most", unit: "units", default: 5, min: 0, max: 100_000 },
    aggregate: "sum",
    match: (e, threshold) => {
      const low = e.items.filter((i) => i.available <= (threshold ?? 5));
      if (!low.length) return [];
      return [{
        key: e.account,
        count: low.length,
        title: low.length === 1 ? `Low stock: ${low[0]!.name ?? `offer ${low[0]!.emag_offer_id}`} (${low[0]!.available} left)` : `${low.length} offers low on stock`,
        lines: low.slice(0, 10).map((i) => `${i.name ?? "Offer"} (offer ${i.emag_offer_id}): ${i.available} available, threshold ${i.threshold}`),
        link: "/offers/inventory?low=1",
      }];
    },
  }),
};

export type AlertRuleId = keyof typeof alertRules;
export const alertRuleIds = Object.keys(alertRules) as AlertRuleId[];
export type EventRuleId = { [K in AlertRuleId]: (typeof alertRules)[K]["trigger"] extends "event" ? K : never }[AlertRuleId];
export type AlertEventOf<K extends EventRuleId> = Parameters<(typeof alertRules)[K]["match"]>[0];

/** The eMAG error-rate rule's decision on per-account outcomes (pure, for tests). */
export function emagErrorSubjects(rows: { account: string; requests: number; errors: number; rate_limited: number }[], thresholdPercent: number): AlertSubject[] {
  return rows
    .filter((r) => r.requests >= EMAG_MIN_REQUESTS && (r.errors / r.requests) * 100 >= thresholdPercent)
    .map((r) => {
      const share = Math.round((r.errors / r.requests) * 1000) / 10;
      return {
        key: r.account,
        count: r.errors,
        title: `eMAG errors at ${share}% for ${r.account.toUpperCase()} (${r.errors} of ${r.requests} requests)`,
        lines: [`Last ${EMAG_LOOKBACK_MINUTES} minutes: ${r.requests} requests, ${r.errors} failed, ${r.rate_limited} answered 429`, `Threshold: ${thresholdPercent}%`],
        link: "/emag/accounts",
      };
    });
}
