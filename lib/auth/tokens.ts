// Opaque bearer tokens ("mf_" + 32 random bytes). Only their SHA-256 is stored, so a database
// leak does not leak usable tokens; revocation and deactivation take effect on the next request
// (resolutions are cached for a few seconds; see invalidateAuthCache).
import { createHash, randomBytes } from "node:crypto";
import { publish, subscribe } from "@/lib/cluster/bus";
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

type BearerHit = {
  tokenId: string;
  user: { id: string; email: string; name: string; role: string; active: boolean };
  /** When the token stops working (null: never); sockets authenticated by it are cut then. */
  expiresAt: Date | null;
};
type Cached = BearerHit & { lastUsedAt: Date | null; at: number };

// A short-lived in-process cache of resolved tokens (keyed by the token's hash), so an API client
// that sends many requests does not cost a database read per request. A write that revokes a token
// or changes a user goes through afterAuthChange(): this process's caches drop at once, and the
// message bus (lib/cluster/bus.ts, Redis pub/sub with REDIS_URL) drops every other instance's, so
// revocation, deactivation and role changes take effect on the next request anywhere. A message
// lost while Redis is down (or a change made by hand in the database) shows within AUTH_CACHE_MS.
export const AUTH_CACHE_MS = 5_000;
const AUTH_CACHE_MAX = 10_000;
type AuthCacheGlobal = { __magflowAuthCache?: { entries: Map<string, Cached>; generation: number } };
const cache = ((globalThis as AuthCacheGlobal).__magflowAuthCache ??= { entries: new Map(), generation: 0 });

/** Drops every cached token resolution (a token was revoked, a user changed). */
export function invalidateAuthCache() {
  cache.generation++;
  cache.entries.clear();
}

/** Bumped by every invalidateAuthCache(): other auth caches (session users) compare it. */
export const authCacheGeneration = () => cache.generation;

function touch(hit: { tokenId: string; lastUsedAt: Date | null }) {
  // Touch lastUsedAt at most once a minute, without holding up the request.
  if (!hit.lastUsedAt || Date.now() - hit.lastUsedAt.getTime() > 60_000) {
    hit.lastUsedAt = new Date();
    void db.apiToken.update({ where: { id: hit.tokenId }, data: { lastUsedAt: hit.lastUsedAt } }).catch(() => {});
  }
}

/** Resolves a bearer token to its active user, or null. */
export async function resolveBearer(token: string): Promise<BearerHit | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = hashToken(token);
  const now = Date.now();
  const hit = cache.entries.get(hash);
  if (hit && now - hit.at < AUTH_CACHE_MS) {
    if (hit.expiresAt && hit.expiresAt.getTime() <= now) return null;
    touch(hit);
    return { tokenId: hit.tokenId, user: hit.user, expiresAt: hit.expiresAt };
  }
  const generation = cache.generation;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
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
  const entry: Cached = { tokenId: row.id, user: row.user, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, at: now };
  // A revocation or user change that happened while this read was in flight wins: not cached.
  if (generation === cache.generation) {
    if (cache.entries.size >= AUTH_CACHE_MAX) cache.entries.delete(cache.entries.keys().next().value!);
    cache.entries.set(hash, entry);
  }
  touch(entry);
  return { tokenId: entry.tokenId, user: entry.user, expiresAt: entry.expiresAt };
}

/** Expired or revoked tokens are kept this long (visible on the users page), then deleted. */
export const STALE_TOKEN_DAYS = 7;

/** The daily cleanup: deletes tokens that expired, or were revoked, more than `days` ago. */
export async function deleteStaleTokens(days = STALE_TOKEN_DAYS): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000);
  const { count } = await db.apiToken.deleteMany({ where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] } });
  return count;
}

/** Wraps a write that revokes tokens or changes a user: every instance's auth cache is dropped once it settles. */
export async function afterAuthChange<T>(write: Promise<T>, reason = "user or token changed"): Promise<T> {
  try {
    return await write;
  } finally {
    invalidateAuthCache();
    await publish("auth.changed", { reason }).catch(() => {}); // this instance is already done; the TTL bounds the rest
  }
}

// Other instances' changes: the same drop here. (This instance's own message is delivered once,
// in-process, by publish(); the bus skips its echo from Redis.)
subscribe("auth.changed", () => invalidateAuthCache());
