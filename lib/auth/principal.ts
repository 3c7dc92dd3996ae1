// Who is calling: a bearer token (API consumers, sockets) or the next-auth session cookie
// (browser). Either way the user comes from the database, through a short-lived in-process cache
// (AUTH_CACHE_MS) that every user change and token revocation in this process empties, so
// deactivation and role changes take effect at once. A session JWT also carries the user's
// session version (`sv`): a password change or deactivation bumps it, which ends every browser
// session signed in before.
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AUTH_CACHE_MS, authCacheGeneration, resolveBearer } from "@/lib/auth/tokens";
import { isRole, type Role } from "@/lib/auth/permissions";

export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "token" | "session";
  tokenId?: string;
  /** Epoch ms when these credentials stop working (token expiry, session JWT `exp`); none: never. */
  expiresAt?: number;
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = safeDecode(part.slice(i + 1).trim());
  }
  return out;
}

/** A malformed escape (`%E0%A4%A`) keeps the raw value: it then fails as a credential (401), not as a 500. */
function safeDecode(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** next-auth may split a large JWT into name.0, name.1, … chunks. */
function sessionCookieValue(cookies: Record<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    if (cookies[name]) return cookies[name];
    const chunks = Object.keys(cookies)
      .filter((k) => k.startsWith(`${name}.`))
      .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
    if (chunks.length) return chunks.map((k) => cookies[k]).join("");
  }
  return undefined;
}

type SessionUser = { id: string; email: string; name: string; role: string; active: boolean; sessionVersion: number };
type UserCacheGlobal = { __magflowSessionUsers?: Map<string, { user: SessionUser; at: number; generation: number }> };
const sessionUsers = ((globalThis as UserCacheGlobal).__magflowSessionUsers ??= new Map());

async function activeUser(id: string) {
  const hit = sessionUsers.get(id);
  if (hit && hit.generation === authCacheGeneration() && Date.now() - hit.at < AUTH_CACHE_MS) return hit.user;
  const generation = authCacheGeneration();
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user?.active || !isRole(user.role)) return null;
  if (generation === authCacheGeneration()) {
    if (sessionUsers.size >= 10_000) sessionUsers.delete(sessionUsers.keys().next().value!);
    sessionUsers.set(id, { user, at: Date.now(), generation });
  }
  return user;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JWTs signed before session versions existed carry no `sv`: they count as version 0. */
export const sessionVersionOf = (jwt: { sv?: unknown }) => (typeof jwt.sv === "number" ? jwt.sv : 0);

/**
 * The user a decoded session JWT still stands for: active, with a known role, and signed in at the
 * user's current session version. null otherwise.
 */
export async function sessionUser(jwt: { sub?: unknown; sv?: unknown }) {
  if (typeof jwt.sub !== "string" || !UUID.test(jwt.sub)) return null;
  const user = await activeUser(jwt.sub);
  return user && user.sessionVersion === sessionVersionOf(jwt) ? user : null;
}

export async function principalFromCredentials(input: {
  authorization?: string | null;
  token?: string | null;
  cookie?: string | null;
}): Promise<Principal | null> {
  const bearer = input.token ?? input.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) {
    const hit = await resolveBearer(bearer);
    if (!hit || !isRole(hit.user.role)) return null;
    return {
      id: hit.user.id, email: hit.user.email, name: hit.user.name, role: hit.user.role, via: "token", tokenId: hit.tokenId,
      ...(hit.expiresAt ? { expiresAt: hit.expiresAt.getTime() } : {}),
    };
  }
  const raw = sessionCookieValue(parseCookies(input.cookie));
  const secret = env().NEXTAUTH_SECRET;
  if (!raw || !secret) return null;
  const jwt = await decode({ token: raw, secret }).catch(() => null);
  if (!jwt) return null;
  const user = await sessionUser(jwt);
  if (!user) return null;
  return {
    id: user.id, email: user.email, name: user.name, role: user.role as Role, via: "session",
    ...(typeof jwt.exp === "number" ? { expiresAt: jwt.exp * 1000 } : {}),
  };
}

export function principalFromRequest(req: Request) {
  return principalFromCredentials({ authorization: req.headers.get("authorization"), cookie: req.headers.get("cookie") });
}
