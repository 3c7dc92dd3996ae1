import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/login-limiter";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/passwords";

export const loginSchema = z.object({
  email: z.email({ message: "must be a valid email address" }).transform((v) => v.toLowerCase()),
  password: z.string({ message: "is required" }).min(1, { message: "is required" }).max(512),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** Checks an email/password pair. Wrong credentials always get the same generic 401. */
export async function verifyCredentials(input: LoginInput, ip: string) {
  await assertLoginAllowed(input.email, ip);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
  if (!user || !ok || !user.active) {
    await recordLoginFailure(input.email, ip);
    throw new AppError("unauthorized", "Invalid email or password");
  }
  await recordLoginSuccess(input.email, ip);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** server.ts overwrites x-real-ip with the socket address, so clients cannot spoof it. */
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
