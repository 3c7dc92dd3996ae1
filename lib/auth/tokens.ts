// Opaque bearer tokens ("mf_" + 32 random bytes). Only their SHA-256 is stored, so a database
// leak does not leak usable tokens; revocation and deactivation take effect on the next request.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { TokenKind } from "@/lib/generated/prisma/enums";

export const TOKEN_PREFIX = "mf_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function newTokenValue(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export async function issueToken(userId: string, opts: { name: string; kind: TokenKind; ttlSeconds?: number }) {
  const token = newTokenValue();
  const expiresAt = opts.ttlSeconds ? new Date(Date.now() + opts.ttlSeconds * 1000) : null;
  const row = await db.apiToken.create({
    data: { userId, name: opts.name, kind: opts.kind, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt },
    select: { id: true, name: true, kind: true, prefix: true, expiresAt: true, createdAt: true },
  });
  return { ...row, token };
}

/** Resolves a bearer token to its active user, or null. */
export async function resolveBearer(token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  // Touch lastUsedAt at most once a minute, without holding up the request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    void db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { tokenId: row.id, user: row.user };
}
