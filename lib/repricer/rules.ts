// Repricer rules: CRUD (every change audited in its own transaction) and scope resolution. A rule
// covers its account's live offers that match its scope; when several enabled rules cover an offer,
// the lowest priority number wins (then the oldest rule), so each offer has at most one owner.
import { AppError, fieldError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  boundsIssue, ruleScopeSchema, type CreateRuleInput, type ListRulesQuery, type RepricerAccount, type RepricerStrategy, type RuleJson, type RuleScope,
  type UpdateRuleInput,
} from "./api-types";

type RuleRow = Awaited<ReturnType<typeof db.repricerRule.findFirstOrThrow>>;

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/** A stored scope that no longer parses (edited by hand) covers nothing rather than everything. */
export function scopeOf(raw: unknown): RuleScope | null {
  const parsed = ruleScopeSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : null;
}

export const serializeRule = (r: RuleRow): RuleJson => ({
  id: r.id,
  name: r.name,
  account: r.account,
  scope: scopeOf(r.scope) ?? {},
  strategy: r.strategy as RepricerStrategy,
  step: Number(r.step),
  floor: num(r.floor),
  ceiling: num(r.ceiling),
  enabled: r.enabled,
  priority: r.priority,
  created_by_id: r.createdById,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
  last_run_at: r.lastRunAt?.toISOString() ?? null,
});

const ORDER = [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.RepricerRuleOrderByWithRelationInput[];

export async function findRules(q: ListRulesQuery) {
  const where: Prisma.RepricerRuleWhereInput = { ...(q.account ? { account: q.account } : {}), ...(q.enabled !== undefined ? { enabled: q.enabled } : {}) };
  const [rows, total] = await Promise.all([
    db.repricerRule.findMany({ where, orderBy: ORDER, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.repricerRule.count({ where }),
  ]);
  return { data: rows.map(serializeRule), total, page: q.page, pageSize: q.pageSize };
}

export async function getRuleRow(id: string) {
  const r = await db.repricerRule.findUnique({ where: { id } });
  if (!r) throw new AppError("not_found", "Repricer rule not found");
  return r;
}
export const getRule = async (id: string) => serializeRule(await getRuleRow(id));

/** Enabled rules of an account, winner first. */
export const enabledRules = (account: RepricerAccount) => db.repricerRule.findMany({ where: { account, enabled: true }, orderBy: ORDER });

const data = (i: Partial<CreateRuleInput>) => ({
  ...(i.name !== undefined ? { name: i.name } : {}),
  ...(i.account !== undefined ? { account: i.account } : {}),
  ...(i.scope !== undefined ? { scope: i.scope as Prisma.InputJsonObject } : {}),
  ...(i.strategy !== undefined ? { strategy: i.strategy } : {}),
  ...(i.step !== undefined ? { step: i.step } : {}),
  ...(i.floor !== undefined ? { floor: i.floor } : {}),
  ...(i.ceiling !== undefined ? { ceiling: i.ceiling } : {}),
  ...(i.enabled !== undefined ? { enabled: i.enabled } : {}),
  ...(i.priority !== undefined ? { priority: i.priority } : {}),
});

export async function createRule(input: CreateRuleInput, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const r = await tx.repricerRule.create({ data: { ...data(input), name: input.name, account: input.account, strategy: input.strategy, createdById: actor.userId ?? null } });
    const json = serializeRule(r);
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "repricer_rule.create", entityType: "repricer_rule", entityId: r.id, newValues: { ...json } });
    return json;
  });
}

export async function updateRule(id: string, input: UpdateRuleInput, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const before = await tx.repricerRule.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "Repricer rule not found");
    const floor = input.floor !== undefined ? input.floor : num(before.floor);
    const ceiling = input.ceiling !== undefined ? input.ceiling : num(before.ceiling);
    const issue = boundsIssue(floor, ceiling);
    if (issue) throw input.floor !== undefined || input.ceiling === undefined ? fieldError("unprocessable_entity", "floor", issue) : fieldError("unprocessable_entity", "ceiling", `must be at least the floor (${floor})`);
    const r = await tx.repricerRule.update({ where: { id }, data: data(input) });
    const old = serializeRule(before);
    const json = serializeRule(r);
    const changed = (Object.keys(input) as (keyof UpdateRuleInput)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(json[k]));
    await recordAudit(tx, {
      actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "repricer_rule.update", entityType: "repricer_rule", entityId: id,
      oldValues: Object.fromEntries(changed.map((k) => [k, old[k]])), newValues: Object.fromEntries(changed.map((k) => [k, json[k]])),
    });
    return json;
  });
}

export async function deleteRule(id: string, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const before = await tx.repricerRule.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "Repricer rule not found");
    await tx.repricerRule.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "repricer_rule.delete", entityType: "repricer_rule", entityId: id, oldValues: { ...serializeRule(before) } });
    return { id, deleted: true as const };
  });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Live on eMAG (contract §5.1): active, in stock, valid price, saleable documentation; not removed. */
const LIVE = Prisma.sql`p.removed_at IS NULL AND p.status = 1 AND coalesce(p.general_stock, 0) > 0
  AND coalesce(p.offer_validation_status, 1) = 1 AND (p.validation_status IS NULL OR p.validation_status IN (3, 9, 11, 12))`;

export function scopeWhere(account: RepricerAccount, scope: RuleScope): Prisma.Sql {
  const c = [Prisma.sql`p.account = ${account}::"AccountKind"`, LIVE];
  if (scope.offer_ids) c.push(Prisma.sql`p.emag_offer_id = ANY(${scope.offer_ids}::text[])`);
  if (scope.brand) c.push(Prisma.sql`p.brand = ${scope.brand}`);
  if (scope.category_id !== undefined) c.push(Prisma.sql`p.category_id = ${scope.category_id}::int`);
  if (scope.search) {
    const like = `%${escapeLike(scope.search)}%`;
    c.push(Prisma.sql`(p.name ILIKE ${like} OR p.part_number ILIKE ${like})`);
  }
  return Prisma.sql`WHERE ${Prisma.join(c, " AND ")}`;
}

/** The product ids a rule's scope matches, in a stable order, at most `limit` of them. */
export async function matchingOfferIds(account: RepricerAccount, rawScope: unknown, limit: number): Promise<string[]> {
  const scope = scopeOf(rawScope);
  if (!scope) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT p.id::text AS id FROM emag_products p ${scopeWhere(account, scope)} ORDER BY p.emag_offer_id, p.id LIMIT ${limit}::int`;
  return rows.map((r) => r.id);
}

/**
 * Which rule owns each offer: rules in winning order (priority, then age) each claim the offers
 * they match that no earlier rule claimed. `matches` keeps every rule's own matches (a single
 * rule's run shows the offers another rule took from it).
 */
export async function assignOffers(rules: RuleRow[], limit: number) {
  const owner = new Map<string, RuleRow>();
  const matches = new Map<string, string[]>();
  for (const rule of rules) {
    const ids = await matchingOfferIds(rule.account, rule.scope, limit);
    matches.set(rule.id, ids);
    for (const id of ids) if (!owner.has(id)) owner.set(id, rule);
  }
  return { owner, matches };
}
export type { RuleRow };
