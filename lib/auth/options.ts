// next-auth 4: Credentials provider, JWT sessions. The JWT carries the user id and the user's
// session version (`sv`); role, active state and the version are re-read from the database on
// every request (see principal.ts), so a password change or deactivation ends the session.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp, loginSchema, verifyCredentials } from "@/lib/auth/credentials";
import { sessionUser } from "@/lib/auth/principal";
import { isAppError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export const SESSION_MAX_AGE = 8 * 3600;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          try {
            // Read before the password check: a change that lands in between makes this session stale.
            const version = await db.user.findUnique({ where: { email: parsed.data.email }, select: { sessionVersion: true } });
            const user = await verifyCredentials(parsed.data, clientIp(req.headers ?? {}));
            return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: version?.sessionVersion ?? 0 };
          } catch (e) {
            // next-auth surfaces thrown messages as ?error=…; a lockout message is useful there.
            if (isAppError(e) && e.code === "rate_limited") throw new Error(e.message);
            return null;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        // Reading the session (/api/auth/session): a stale session throws, and next-auth then
        // clears the cookie, so the browser signs out instead of showing a page whose calls get 401.
        // A database error keeps the token: API requests re-check it anyway.
        const current = await sessionUser(token).catch((err: unknown) => {
          logger.warn({ err }, "session check failed");
          return undefined;
        });
        if (current === null) throw new Error("session ended (user deactivated, or password changed)");
        if (current) token.role = current.role;
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          session.user.id = token.sub ?? "";
          session.user.role = typeof token.role === "string" ? token.role : "viewer";
        }
        return session;
      },
    },
  };
}
