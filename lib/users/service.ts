import { AppError } from "@/lib/api/errors";
import type { Page } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/passwords";
import { afterAuthChange, hashToken, newTokenValue } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { disconnectTokenSockets, disconnectUserSockets } from "@/lib/realtime/emit";
import type { CreateUserInput, IssueTokenInput, ListUsersQuery, UpdateUserInput } from "@/lib/users/schemas";

const tokenSelect = {
  id: true, name: true, kind: true, prefix: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true,
} satisfies Prisma.ApiTokenSelect;

export const userSelect = {
  id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, createdAt: true, updatedAt: true,
} satisfies Prisma.UserSelect;

const userWithTokens = {
  ...userSelect,
  tokens: { select: tokenSelect, where: { kind: "api" }, orderBy: { createdAt: "desc" } },
} satisfies Prisma.UserSelect;

type Actor = { id: string; requestId?: string };

export async function findUsers(q: ListUsersQuery): Promise<Page<Prisma.UserGetPayload<{ select: typeof userWithTokens }>>> {
  const where: Prisma.UserWhereInput = {
    ...(q.role ? { role: q.role } : {}),
    ...(q.active === undefined ? {} : { active: q.active }),
    ...(q.search
      ? { OR: [{ email: { contains: q.search, mode: "insensitive" } }, { name: { contains: q.search, mode: "insensitive" } }] }
      : {}),
  };
  const [data, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userWithTokens,
      orderBy: [{ [q.sort]: q.order }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.user.count({ where }),
  ]);
  return { data, total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(id: string) {
  const user = await db.user.findUnique({ where: { id }, select: userWithTokens });
  if (!user) throw new AppError("not_found", "User not found");
  return user;
}

export async function createUser(input: CreateUserInput, actor: Actor | null) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("conflict", `A user with email ${input.email} already exists`, { details: [{ field: "email", message: "is already in use" }] });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: userSelect,
    });
    await recordAudit(tx, {
      actorId: actor?.id, requestId: actor?.requestId, action: "user.create", entityType: "user", entityId: user.id,
      newValues: { email: user.email, name: user.name, role: user.role, active: user.active },
    });
    return user;
  });
}

/**
 * A password change or deactivation also bumps the session version (ending the user's browser
 * sessions); once committed, a change of password, active state or role disconnects the user's
 * sockets, which then re-authenticate (or are refused).
 */
export async function updateUser(id: string, input: UpdateUserInput, actor: Actor) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  let cutSockets = false;
  const updated = await afterAuthChange(db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: userSelect });
    if (!before) throw new AppError("not_found", "User not found");
    const losesAdmin = before.role === "admin" && before.active && (input.active === false || (input.role && input.role !== "admin"));
    if (losesAdmin) {
      if (id === actor.id) throw new AppError("conflict", "You cannot remove your own admin access or deactivate yourself");
      const admins = await tx.user.count({ where: { role: "admin", active: true } });
      if (admins <= 1) throw new AppError("conflict", "At least one active admin must remain");
    }
    const endsSessions = Boolean(passwordHash) || (before.active && input.active === false);
    const after = await tx.user.update({
      where: { id },
      data: {
        name: input.name, role: input.role, active: input.active, ...(passwordHash ? { passwordHash } : {}),
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: userSelect,
    });
    cutSockets = Boolean(passwordHash) || before.active !== after.active || before.role !== after.role;
    // A new password ends existing sign-in tokens (named API tokens stay, they are managed separately).
    if (passwordHash) await tx.apiToken.updateMany({ where: { userId: id, kind: "login", revokedAt: null }, data: { revokedAt: new Date() } });
    const changed = (Object.keys(input) as (keyof UpdateUserInput)[]).filter((k) => k === "password" || before[k] !== after[k]);
    const pick = (src: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, k === "password" ? "[redacted]" : src[k]]));
    await recordAudit(tx, {
      actorId: actor.id, requestId: actor.requestId, action: "user.update", entityType: "user", entityId: id,
      oldValues: pick(before), newValues: pick(after),
    });
    return after;
  }));
  if (cutSockets) disconnectUserSockets(id);
  return updated;
}

export async function issueApiToken(userId: string, input: IssueTokenInput, actor: Actor) {
  const token = newTokenValue();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new AppError("not_found", "User not found");
    const expiresAt = input.expires_in_days ? new Date(Date.now() + input.expires_in_days * 86_400_000) : null;
    const row = await tx.apiToken.create({
      data: { userId, name: input.name, kind: "api", tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt },
      select: tokenSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id, requestId: actor.requestId, action: "token.issue", entityType: "api_token", entityId: row.id,
      newValues: { userId, name: row.name, expiresAt: row.expiresAt },
    });
    return { ...row, token };
  });
}

/** Once committed, the sockets opened with the token are disconnected. */
export async function revokeApiToken(userId: string, tokenId: string, actor: Actor) {
  const revoked = await afterAuthChange(db.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id: tokenId, userId }, select: tokenSelect });
    if (!row) throw new AppError("not_found", "Token not found");
    if (row.revokedAt) return row; // idempotent
    const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: tokenSelect });
    await recordAudit(tx, {
      actorId: actor.id, requestId: actor.requestId, action: "token.revoke", entityType: "api_token", entityId: tokenId,
      oldValues: { revokedAt: null }, newValues: { revokedAt: after.revokedAt },
    });
    return after;
  }));
  disconnectTokenSockets(tokenId);
  return revoked;
}
