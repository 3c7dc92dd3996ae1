// Rules as they run: the registry's defaults (lib/alerts/rules.ts), overridden by an admin's edit
// (alert_rule_settings). A rule without a row runs with its defaults, so a fresh install has every
// rule on at its default threshold without seeding anything.
import { AppError, fieldError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import type { RuleJson, UpdateRuleInput } from "./api-types";
import { alertRuleIds, alertRules, type AlertRuleId } from "./rules";

export interface EffectiveRule {
  enabled: boolean;
  threshold: number | null;
  customized: boolean;
}

type Row = { ruleId: string; enabled: boolean; threshold: number | null };

const effective = (id: AlertRuleId, row: Row | undefined): EffectiveRule => {
  const r = alertRules[id];
  return {
    enabled: row?.enabled ?? r.defaultEnabled,
    threshold: r.threshold ? (row?.threshold ?? r.threshold.default) : null,
    customized: !!row,
  };
};

export const isRuleId = (id: string): id is AlertRuleId => (alertRuleIds as string[]).includes(id);

export async function ruleSetting(id: AlertRuleId): Promise<EffectiveRule> {
  const row = await db.alertRuleSetting.findUnique({ where: { ruleId: id } });
  return effective(id, row ?? undefined);
}

const toJson = (id: AlertRuleId, e: EffectiveRule): RuleJson => {
  const r = alertRules[id];
  return {
    id,
    title: r.title,
    description: r.description,
    severity: r.severity,
    trigger: r.trigger,
    enabled: e.enabled,
    threshold: e.threshold,
    threshold_spec: r.threshold,
    window_minutes: r.windowMinutes,
    customized: e.customized,
  };
};

export async function listRules(): Promise<{ data: RuleJson[] }> {
  const rows = new Map((await db.alertRuleSetting.findMany()).map((r) => [r.ruleId, r]));
  return { data: alertRuleIds.map((id) => toJson(id, effective(id, rows.get(id)))) };
}

/** PATCH a rule: on/off and threshold (within the rule's range); an upsert, so repeating it changes nothing more. */
export async function updateRule(id: string, input: UpdateRuleInput, actor: AuditActor = {}): Promise<RuleJson> {
  if (!isRuleId(id)) throw new AppError("not_found", `No alert rule "${id}"`);
  const spec = alertRules[id].threshold;
  if (input.threshold !== undefined) {
    if (!spec) throw fieldError("unprocessable_entity", "threshold", "this rule has no threshold");
    if (input.threshold < spec.min || input.threshold > spec.max) throw fieldError("unprocessable_entity", "threshold", `must be between ${spec.min} and ${spec.max}`);
  }
  return db.$transaction(async (tx) => {
    const before = effective(id, (await tx.alertRuleSetting.findUnique({ where: { ruleId: id } })) ?? undefined);
    const enabled = input.enabled ?? before.enabled;
    const threshold = spec ? (input.threshold ?? before.threshold) : null;
    await tx.alertRuleSetting.upsert({ where: { ruleId: id }, create: { ruleId: id, enabled, threshold }, update: { enabled, threshold } });
    await recordAudit(tx, {
      actorId: actor.userId ?? null,
      requestId: actor.requestId ?? null,
      action: "alert_rule.update",
      entityType: "alert_rule",
      entityId: id,
      oldValues: { enabled: before.enabled, threshold: before.threshold },
      newValues: { enabled, threshold },
    });
    return toJson(id, { enabled, threshold, customized: true });
  });
}
