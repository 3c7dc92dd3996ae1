// next-auth 4: Credentials provider, JWT sessions. The JWT carries only the user id; role and
// active state are re-read from the database on every request (see principal.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp, loginSchema, verifyCredentials } from "@/lib/auth/credentials";
import { isAppError } from "@/lib/api/errors";
import { env } from "@/lib/env";

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
            const user = await verifyCredentials(parsed.data, clientIp(req.headers ?? {}));
            return { id: user.id, email: user.email, name: user.name, role: user.role };
          } catch (e) {
            // next-auth surfaces thrown messages as ?error=…; a lockout message is useful there.
            if (isAppError(e) && e.code === "rate_limited") throw new Error(e.message);
            return null;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
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
