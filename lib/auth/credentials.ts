import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { beginLoginAttempt } from "@/lib/auth/login-limiter";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/passwords";

export const loginSchema = z.object({
  email: z.email({ message: "must be a valid email address" }).transform((v) => v.toLowerCase()),
  password: z.string({ message: "is required" }).min(1, { message: "is required" }).max(512),
});
export type LoginInput = z.infer<typeof loginSchema>;

/**
 * Checks an email/password pair. Wrong credentials always get the same generic 401. The attempt is
 * counted (lib/auth/login-limiter.ts) before the password is hashed, and given back when it succeeds.
 */
export async function verifyCredentials(input: LoginInput, ip: string) {
  const attempt = await beginLoginAttempt(input.email, ip);
  let user: { id: string; email: string; name: string; role: string } | null;
  try {
    user = await checkPassword(input);
  } catch (err) {
    await attempt.refund(); // the database failed, not the password: not a failed attempt
    throw err;
  }
  if (!user) throw new AppError("unauthorized", "Invalid email or password");
  await attempt.refund();
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return user;
}

/** The user when the password is right and the account active; null otherwise (same cost either way). */
async function checkPassword(input: LoginInput) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  return user && ok && user.active ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

/**
 * The client address the limiter counts: x-real-ip, which server.ts always overwrites with the TCP
 * peer (or, behind TRUST_PROXY, the trusted X-Forwarded-For hop; lib/http/client-ip.ts), so a
 * client cannot choose it.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : [headers[k]].flat()[0]) ?? undefined;
  return get("x-real-ip") || "local";
}

/** POST /api/v1/auth/login: a short-lived bearer token for JSON API consumers. */
export async function loginForToken(input: LoginInput, ip: string, ttlSeconds: number) {
  const user = await verifyCredentials(input, ip);
  const { issueToken } = await import("@/lib/auth/tokens");
  const issued = await issueToken(user.id, { name: "login", kind: "login", ttlSeconds });
  return { access_token: issued.token, token_type: "bearer" as const, expires_in: ttlSeconds };
}
