// Report subscriptions: who gets the daily and/or weekly report mail. One row per address
// (unique), optionally tied to a MagFlow user; every change is audited in its own transaction.
import { AppError, fieldError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/api/schemas";
import type { CreateSubscription, ReportKind, Subscription, SubscriptionsQuery, UpdateSubscription } from "./types";

type Row = { id: string; email: string; userId: string | null; daily: boolean; weekly: boolean; createdAt: Date; updatedAt: Date };
type Tx = Prisma.TransactionClient;

async function serialize(rows: Row[]): Promise<Subscription[]> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => !!id))];
  const emails = rows.map((r) => r.email);
  const [users, deliveries] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    emails.length
      ? db.reportDelivery.findMany({ where: { email: { in: emails } }, orderBy: { createdAt: "desc" }, distinct: ["email"], select: { email: true, kind: true, period: true, status: true, createdAt: true, sentAt: true, error: true } })
      : [],
  ]);
  return rows.map((r) => {
    const d = deliveries.find((x) => x.email === r.email);
    return {
      id: r.id, email: r.email, user_id: r.userId, user_name: users.find((u) => u.id === r.userId)?.name ?? null, daily: r.daily, weekly: r.weekly,
      created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(),
      last_delivery: d ? { kind: d.kind, period: d.period, status: d.status, at: (d.sentAt ?? d.createdAt).toISOString(), error: d.error } : null,
    };
  });
}

const one = async (r: Row) => (await serialize([r]))[0]!;
const auditValues = (r: Row) => ({ email: r.email, user_id: r.userId, daily: r.daily, weekly: r.weekly });

async function checkUser(tx: Tx, userId: string | null | undefined) {
  if (userId && !(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw fieldError("unprocessable_entity", "user_id", "no such user");
}

export async function findSubscriptions(q: SubscriptionsQuery): Promise<Page<Subscription>> {
  const [rows, total] = await Promise.all([
    db.reportSubscription.findMany({ orderBy: { email: "asc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.reportSubscription.count(),
  ]);
  return { data: await serialize(rows), total, page: q.page, pageSize: q.pageSize };
}

/** Recipients of one kind, by address. */
export async function subscribersOf(kind: ReportKind): Promise<string[]> {
  const rows = await db.reportSubscription.findMany({ where: kind === "daily" ? { daily: true } : { weekly: true }, orderBy: { email: "asc" }, select: { email: true } });
  return rows.map((r) => r.email);
}

/** Creates the address's subscription, or sets it when the address exists (a repeated POST changes nothing more). */
export async function upsertSubscription(input: CreateSubscription, actor: AuditActor): Promise<{ created: boolean; subscription: Subscription }> {
  const { row, created } = await db.$transaction(async (tx) => {
    await checkUser(tx, input.user_id);
    const before = await tx.reportSubscription.findUnique({ where: { email: input.email } });
    const data = { daily: input.daily, weekly: input.weekly, ...(input.user_id !== undefined ? { userId: input.user_id } : {}) };
    const row = await tx.reportSubscription.upsert({ where: { email: input.email }, create: { email: input.email, ...data }, update: data });
    await recordAudit(tx, {
      actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: before ? "report_subscription.update" : "report_subscription.create",
      entityType: "report_subscription", entityId: row.id, oldValues: before ? auditValues(before) : null, newValues: auditValues(row),
    });
    return { row, created: !before };
  });
  return { created, subscription: await one(row) };
}

export async function updateSubscription(id: string, input: UpdateSubscription, actor: AuditActor): Promise<Subscription> {
  const row = await db.$transaction(async (tx) => {
    const before = await tx.reportSubscription.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "Report subscription not found");
    await checkUser(tx, input.user_id);
    if (input.email && input.email !== before.email && (await tx.reportSubscription.findUnique({ where: { email: input.email }, select: { id: true } })))
      throw fieldError("conflict", "email", "already has a subscription");
    const row = await tx.reportSubscription.update({
      where: { id },
      data: { ...(input.email ? { email: input.email } : {}), ...(input.user_id !== undefined ? { userId: input.user_id } : {}), ...(input.daily !== undefined ? { daily: input.daily } : {}), ...(input.weekly !== undefined ? { weekly: input.weekly } : {}) },
    });
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "report_subscription.update", entityType: "report_subscription", entityId: id, oldValues: auditValues(before), newValues: auditValues(row) });
    return row;
  });
  return one(row);
}

export async function deleteSubscription(id: string, actor: AuditActor) {
  return db.$transaction(async (tx) => {
    const before = await tx.reportSubscription.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "Report subscription not found");
    await tx.reportSubscription.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.userId ?? null, requestId: actor.requestId ?? null, action: "report_subscription.delete", entityType: "report_subscription", entityId: id, oldValues: auditValues(before) });
    return { id, deleted: true as const };
  });
}
