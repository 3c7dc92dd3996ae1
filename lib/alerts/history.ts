// The alert history: recent alerts (server-paged, newest first) with their counts and each
// channel's verdict (attempts, last error).
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertJson, AlertStatus, DeliveryVerdictJson, ListAlertsQuery } from "./api-types";
import { alertRules } from "./rules";
import { isRuleId } from "./settings";

export async function findAlerts(q: ListAlertsQuery): Promise<{ data: AlertJson[]; total: number; page: number; pageSize: number }> {
  const where: Prisma.AlertWindowWhereInput = { ...(q.rule ? { ruleId: q.rule } : {}), ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.alertWindow.findMany({
      where,
      orderBy: [{ firstAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { deliveries: { orderBy: { createdAt: "asc" } } },
    }),
    db.alertWindow.count({ where }),
  ]);
  return { data: rows.map(serializeAlert), total, page: q.page, pageSize: q.pageSize };
}

type Row = Prisma.AlertWindowGetPayload<{ include: { deliveries: true } }>;

export function verdicts(deliveries: Row["deliveries"]): DeliveryVerdictJson[] {
  const by = new Map<string, DeliveryVerdictJson>();
  for (const d of deliveries) {
    const key = d.channelId ?? `name:${d.channelName}`;
    const v = by.get(key) ?? { channel_id: d.channelId, channel_name: d.channelName, channel_kind: d.channelKind, attempts: 0, ok: false, error: null, last_attempt_at: "" };
    v.attempts += 1;
    v.ok = v.ok || d.ok;
    v.error = d.ok ? null : d.error;
    v.last_attempt_at = d.createdAt.toISOString();
    by.set(key, v);
  }
  return [...by.values()];
}

export function serializeAlert(w: Row): AlertJson {
  const details = w.details as { lines?: string[] };
  return {
    id: w.id,
    rule_id: w.ruleId,
    rule_title: isRuleId(w.ruleId) ? alertRules[w.ruleId].title : w.ruleId,
    subject_key: w.subjectKey,
    severity: w.severity,
    title: w.title,
    lines: details.lines ?? [],
    count: w.count,
    sent_count: w.sentCount,
    status: w.status as AlertStatus,
    window_start: w.windowStart.toISOString(),
    first_at: w.firstAt.toISOString(),
    last_at: w.lastAt.toISOString(),
    delivered_at: w.deliveredAt?.toISOString() ?? null,
    deliveries: verdicts(w.deliveries),
  };
}
