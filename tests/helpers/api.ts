import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import type { Role } from "@/lib/auth/permissions";
import { issueToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/users/service";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** Calls a real route handler with a real Request, the way Next does. */
export async function call(handler: Handler, opts: CallOptions = {}) {
  const headers = new Headers({ "content-type": "application/json", ...opts.headers });
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const req = new NextRequest(new URL(opts.path ?? "/", "http://localhost"), { method: opts.method ?? "GET", headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } }, text, headers: res.headers };
}

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomBytes(4).toString("hex")}@example.com`;

/** A real user with a real login token. */
export async function userWithToken(role: Role, password = "correct-horse-battery") {
  const user = await createUser({ email: uniqueEmail(role), name: `Test ${role}`, password, role }, null);
  const { token } = await issueToken(user.id, { name: "test", kind: "login", ttlSeconds: 3600 });
  return { user, token, password };
}
