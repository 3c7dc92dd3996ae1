// Running rules: a dry run lists every offer with old -> new and why, and sends nothing; an apply
// sends the same plan through the offer write path (planItem -> startJob, kind "repricer"). A
// scheduled run covers all enabled rules of an account at once, each offer priced by its winning rule.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { startJob } from "@/lib/offers/service";
import type { OfferJobActor } from "@/lib/offers/types";
import type { ApplyResult, DryRunQuery, DryRunResult, RepricerAccount } from "./api-types";
import { buildPlan, SMART_DEALS_PER_REQUEST, SMART_DEALS_PER_RUN, type Plan } from "./plan";
import { enabledRules, getRuleRow, type RuleRow } from "./rules";

/** The rule and the enabled rules that beat it (lower priority number, or the same and older). */
async function planForRule(id: string): Promise<{ rule: RuleRow; plan: Plan }> {
  const rule = await getRuleRow(id);
  const others = (await enabledRules(rule.account)).filter((r) => r.id !== rule.id);
  const beats = (r: RuleRow) => r.priority < rule.priority || (r.priority === rule.priority && (r.createdAt < rule.createdAt || (+r.createdAt === +rule.createdAt && r.id < rule.id)));
  const plan = await buildPlan(rule.account, [...others.filter(beats), rule], rule, SMART_DEALS_PER_REQUEST);
  return { rule, plan };
}

export async function dryRunRule(id: string, q: DryRunQuery): Promise<DryRunResult> {
  const { plan } = await planForRule(id);
  const shown = q.only === "all" ? plan.rows : plan.rows.filter((r) => r.status === q.only);
  return { summary: plan.summary, limits: plan.limits, data: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: shown.length, page: q.page, pageSize: q.pageSize };
}

const ruleSpec = (r: RuleRow) => ({ id: r.id, name: r.name, strategy: r.strategy, priority: r.priority, floor: r.floor?.toString() ?? null, ceiling: r.ceiling?.toString() ?? null, step: r.step.toString() });

/** Sends the plan's changes as one offer job (only valid items are sent; invalid ones are counted as skipped). */
async function send(plan: Plan, rules: RuleRow[], actor: OfferJobActor, trigger: string): Promise<ApplyResult> {
  await db.repricerRule.updateMany({ where: { id: { in: rules.map((r) => r.id) } }, data: { lastRunAt: new Date() } });
  if (!plan.items.length) return { summary: plan.summary, limits: plan.limits, job: null, engine: null, message: "Nothing to change: every offer already holds its target price" };
  const { job, engine } = await startJob({ kind: "repricer", actor, items: plan.items, spec: { rules: rules.map(ruleSpec), trigger, summary: plan.summary, limits: plan.limits } });
  return {
    summary: plan.summary,
    limits: plan.limits,
    job: { id: job.id, status: job.status, total: job.total, skipped: job.skipped },
    engine,
    message: `${job.total} price change(s) sent as offer job ${job.id}${job.skipped ? `; ${job.skipped} left out for breaking eMAG's rules` : ""}`,
  };
}

/** POST …/rules/{id}/apply: the rule's plan, now (even when the rule is disabled: the user asked). */
export async function applyRule(id: string, actor: OfferJobActor): Promise<ApplyResult> {
  const { rule, plan } = await planForRule(id);
  return send(plan, [rule], actor, actor.triggeredBy);
}

const REPRICER_ACTOR: OfferJobActor = { userId: null, triggeredBy: "repricer" };
type G = { __magflowRepricerRuns?: Map<RepricerAccount, Promise<unknown>> };
const runs = ((globalThis as G).__magflowRepricerRuns ??= new Map());

/**
 * Every enabled rule of an account (the hourly schedule, and after a product sync). A run already
 * under way in this process for the account is not doubled (Inngest's concurrency key does the same
 * across instances); offers with a change in flight are skipped by the plan.
 */
export async function runAccountRules(account: RepricerAccount, trigger: "schedule" | "product-sync" | "manual") {
  if (runs.has(account)) return { account, skipped: "a repricer run for this account is already under way" };
  const p = (async () => {
    const rules = await enabledRules(account);
    if (!rules.length) return { account, rules: 0, job: null };
    const plan = await buildPlan(account, rules, null, SMART_DEALS_PER_RUN);
    const res = await send(plan, rules, REPRICER_ACTOR, trigger);
    logger.info({ account, trigger, rules: rules.length, summary: res.summary, job: res.job?.id }, "repricer run");
    return { account, rules: rules.length, summary: res.summary, limits: res.limits, job: res.job };
  })();
  runs.set(account, p);
  try {
    return await p;
  } finally {
    runs.delete(account);
  }
}
