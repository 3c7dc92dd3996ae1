// Notifications, persisted per user: created for order and sync events, delivered live on each
// user's own Socket.IO room (notification:new + the new unread count), read through the API.
import { AppError } from "@/lib/api/errors";
import type { Page } from "@/lib/api/schemas";
import { rolePermissions, roles, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { emit } from "@/lib/realtime/emit";

export type NotificationPriority = "low" | "normal" | "high";
export interface NewNotification {
  type: string;
  category: "orders" | "sync" | "system";
  priority?: NotificationPriority;
  title: string;
  body: string;
  link?: string | null;
}

interface Created {
  id: string;
  user_id: string;
  title: string;
  body: string;
  priority: string;
  category: string;
  link: string | null;
}

const rolesWith = (permission: Permission) => roles.filter((r) => rolePermissions[r].includes(permission));

/** Creates each notification for every active user holding `permission`, then pushes them live. */
export async function notifyUsers(permission: Permission, items: NewNotification[]): Promise<number> {
  if (!items.length) return 0;
  const input = JSON.stringify(items.map((n) => ({ ...n, priority: n.priority ?? "normal", link: n.link ?? null })));
  const created = await db.$queryRawUnsafe<Created[]>(
    `INSERT INTO notifications (id, user_id, type, category, priority, title, body, link)
     SELECT gen_random_uuid(), u.id, n->>'type', n->>'category', n->>'priority', n->>'title', n->>'body', n->>'link'
     FROM users u CROSS JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS j(n, ord)
     WHERE u.active AND u.role::text = ANY($2::text[])
     ORDER BY u.id, j.ord
     RETURNING id, user_id, title, body, priority, category, link`,
    input,
    rolesWith(permission),
  );
  const users = new Set<string>();
  for (const n of created) {
    users.add(n.user_id);
    emit("notification:new", { id: n.id, title: n.title, body: n.body, priority: n.priority, category: n.category, link: n.link }, { userId: n.user_id });
  }
  await pushUnreadCounts([...users]).catch((err: unknown) => logger.warn({ err }, "could not push unread counts"));
  return created.length;
}

/** Best effort: a notification must never fail the work that raised it. */
export async function notifySafely(permission: Permission, items: NewNotification[]) {
  try {
    return await notifyUsers(permission, items);
  } catch (err) {
    logger.error({ err }, "could not create notifications");
    return 0;
  }
}

async function pushUnreadCounts(userIds: string[]) {
  if (!userIds.length) return;
  const rows = await db.notification.groupBy({ by: ["userId"], where: { userId: { in: userIds }, read: false }, _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.userId, r._count._all]));
  for (const id of userIds) emit("notification:unread-count", { count: counts.get(id) ?? 0 }, { userId: id });
}

export const serializeNotification = (n: {
  id: string; type: string; category: string; priority: string; title: string; body: string; link: string | null; read: boolean; createdAt: Date; readAt: Date | null;
}) => ({
  id: n.id,
  type: n.type,
  category: n.category,
  priority: n.priority,
  title: n.title,
  body: n.body,
  link: n.link,
  read: n.read,
  read_at: n.readAt?.toISOString() ?? null,
  created_at: n.createdAt.toISOString(),
});
export type NotificationJson = ReturnType<typeof serializeNotification>;

export async function listNotifications(userId: string, q: { page: number; pageSize: number; unread?: boolean; category?: string }): Promise<Page<NotificationJson>> {
  const where = { userId, ...(q.unread ? { read: false } : {}), ...(q.category ? { category: q.category } : {}) };
  const [rows, total] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.notification.count({ where }),
  ]);
  return { data: rows.map(serializeNotification), total, page: q.page, pageSize: q.pageSize };
}

export const unreadCount = (userId: string) => db.notification.count({ where: { userId, read: false } });

/** Marks one of the user's notifications read (idempotent); another user's id is a 404. */
export async function markRead(userId: string, id: string) {
  const n = await db.notification.findFirst({ where: { id, userId } });
  if (!n) throw new AppError("not_found", "Notification not found");
  const updated = n.read ? n : await db.notification.update({ where: { id }, data: { read: true, readAt: new Date() } });
  if (!n.read) await pushUnreadCounts([userId]);
  return serializeNotification(updated);
}

export async function markAllRead(userId: string) {
  const { count } = await db.notification.updateMany({ where: { userId, read: false }, data: { read: true, readAt: new Date() } });
  if (count) await pushUnreadCounts([userId]);
  return { updated: count };
}

/** Daily cleanup: read notifications older than `days`. */
export async function deleteOldNotifications(days: number) {
  const { count } = await db.notification.deleteMany({ where: { read: true, createdAt: { lt: new Date(Date.now() - days * 86_400_000) } } });
  return count;
}
