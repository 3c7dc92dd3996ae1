// Builds a repricing plan: for each offer a rule owns, the current price, the target, why, and the
// planned item (through the offer write path's planItem, so eMAG's own rules are checked too).
// Nothing is sent here; Smart Deals prices are read from eMAG (paced by the account's limiter).
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { planItem } from "@/lib/offers/plan";
import { MAX_JOB_OFFERS, targetsByIds } from "@/lib/offers/targets";
import type { PlannedItem } from "@/lib/offers/types";
import { syncClient } from "@/lib/sync/runtime";
import type { PlanLimits, PlanRow, PlanSummary, RepricerAccount, RepricerStrategy } from "./api-types";
import { changesPrice, repriceTarget } from "./price";
import { assignOffers, type RuleRow } from "./rules";

/** Offers one run looks at: one offer job's ceiling. */
export const MAX_RUN_OFFERS = MAX_JOB_OFFERS;
/** Smart Deals checks per scheduled run and account: one eMAG call each, ~3 minutes at 3 req/s. */
export const SMART_DEALS_PER_RUN = 500;
/** Smart Deals checks per API request (dry run, apply), so the request answers in about 20 s. */
export const SMART_DEALS_PER_REQUEST = 60;
/** Smart Deals calls in flight at once; the limiter paces them with every other caller. */
const SMART_DEALS_LANES = 4;

export interface Plan {
  rows: PlanRow[];
  /** Items for the rows whose price changes (status change or invalid), by seq. */
  items: PlannedItem[];
  summary: PlanSummary;
  limits: PlanLimits;
}

type Market = { id: string; buy_button_rank: number | null; best_offer_sale_price: number | null; number_of_offers: number | null };

async function marketOf(ids: string[]) {
  const rows = ids.length
    ? await db.$queryRaw<Market[]>`SELECT id::text AS id, buy_button_rank, best_offer_sale_price::float8 AS best_offer_sale_price, number_of_offers
        FROM emag_products WHERE id = ANY(${ids}::uuid[])`
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Offers with an item still pending or being sent in an unfinished offer job, and that job. */
async function inFlight(ids: string[]) {
  const rows = ids.length
    ? await db.$queryRaw<{ product_id: string; job_id: string }[]>`SELECT DISTINCT ON (i.product_id) i.product_id::text AS product_id, i.job_id::text AS job_id
        FROM offer_job_items i JOIN offer_jobs j ON j.id = i.job_id
        WHERE i.product_id = ANY(${ids}::uuid[]) AND i.status IN ('pending', 'sending') AND j.status IN ('pending', 'running')`
    : [];
  return new Map(rows.map((r) => [r.product_id, r.job_id]));
}

/** Smart Deals prices for these offers (null: none, or the check failed, with the message). */
async function smartDeals(account: RepricerAccount, offerIds: string[]) {
  const out = new Map<string, { price: number | null; error?: string }>();
  const client = syncClient(account);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SMART_DEALS_LANES, offerIds.length) }, async () => {
      while (next < offerIds.length) {
        const id = offerIds[next++]!;
        try {
          out.set(id, { price: await client.smartDeals.check(id) });
        } catch (err) {
          logger.warn({ err, account, offerId: id }, "smart deals check failed");
          out.set(id, { price: null, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }),
  );
  return out;
}

/**
 * The plan for `rules` (enabled rules of one account, and possibly one rule run on its own). With
 * `subject`, only that rule's matches are shown; those a winning rule owns are skipped, naming it.
 */
export async function buildPlan(account: RepricerAccount, rules: RuleRow[], subject: RuleRow | null, smartDealsLimit: number): Promise<Plan> {
  const { owner, matches } = await assignOffers(rules, MAX_RUN_OFFERS + 1);
  const all = subject ? (matches.get(subject.id) ?? []) : [...owner.keys()];
  const ids = all.slice(0, MAX_RUN_OFFERS);
  const [targets, market, busy] = await Promise.all([targetsByIds(ids), marketOf(ids), inFlight(ids)]);

  const ruleOf = (id: string) => owner.get(id)!;
  const open = (id: string) => !busy.has(id) && (!subject || ruleOf(id).id === subject.id);
  const wantsDeals = targets.filter((t) => open(t.productId) && ruleOf(t.productId).strategy === "smart_deals");
  const checked = wantsDeals.slice(0, smartDealsLimit);
  const deals = await smartDeals(account, checked.map((t) => t.emagOfferId));
  const checkedIds = new Set(checked.map((t) => t.productId));

  const rows: PlanRow[] = [];
  const items: PlannedItem[] = [];
  for (const [n, t] of targets.entries()) {
    const rule = ruleOf(t.productId);
    const m = market.get(t.productId);
    const strategy = rule.strategy as RepricerStrategy;
    const deal = deals.get(t.emagOfferId);
    const floor = rule.floor === null ? null : Number(rule.floor);
    const ceiling = rule.ceiling === null ? null : Number(rule.ceiling);
    const base = {
      seq: n + 1, product_id: t.productId, account: t.account, emag_offer_id: t.emagOfferId, name: t.name, part_number: t.partNumber,
      rule_id: rule.id, rule_name: rule.name, strategy, current_price: t.values.sale_price, min_sale_price: t.values.min_sale_price,
      max_sale_price: t.values.max_sale_price, best_offer_sale_price: m?.best_offer_sale_price ?? null, buy_button_rank: m?.buy_button_rank ?? null,
      number_of_offers: m?.number_of_offers ?? null, smart_deals_price: deal?.price ?? null,
    };
    const skip = (reason: string) => rows.push({ ...base, target_price: null, reason, clamped: false, would_change: false, status: "skipped", violations: [] });
    if (busy.has(t.productId)) { skip(`A change to this offer is still being sent (offer job ${busy.get(t.productId)})`); continue; }
    if (subject && rule.id !== subject.id) { skip(`Rule "${rule.name}" (priority ${rule.priority}) takes precedence`); continue; }
    if (strategy === "smart_deals" && !checkedIds.has(t.productId)) { skip(`Smart Deals check limit reached (${smartDealsLimit} offers per run)`); continue; }
    if (deal?.error) { skip(`Smart Deals check failed: ${deal.error}`); continue; }
    const r = repriceTarget({
      current: t.values.sale_price, min: t.values.min_sale_price, max: t.values.max_sale_price, floor, ceiling, strategy, step: Number(rule.step),
      bestOfferPrice: base.best_offer_sale_price, ourRank: base.buy_button_rank, smartDealsPrice: base.smart_deals_price,
    });
    const would = changesPrice(t.values.sale_price, r.price);
    const item = would ? planItem(t, { sale_price: r.price! }, n + 1) : null;
    if (item) items.push(item);
    rows.push({ ...base, target_price: r.price, reason: r.reason, clamped: r.clamped, would_change: would, status: !item ? "unchanged" : item.violations.length ? "invalid" : "change", violations: item?.violations ?? [] });
  }
  const count = (s: PlanRow["status"]) => rows.filter((r) => r.status === s).length;
  return {
    rows,
    items,
    summary: { total: rows.length, change: count("change"), unchanged: count("unchanged"), skipped: count("skipped"), invalid: count("invalid") },
    limits: {
      offers: { limit: MAX_RUN_OFFERS, matched: Math.min(all.length, MAX_RUN_OFFERS), truncated: all.length > MAX_RUN_OFFERS },
      smart_deals: wantsDeals.length ? { limit: smartDealsLimit, checked: checked.length, truncated: wantsDeals.length > smartDealsLimit } : null,
    },
  };
}
