// call() (tests/helpers/api.ts) with a recorder: every response's status, headers and body go to
// this worker's file under the run directory for R7; passwords the suite sets are recorded as
// secrets, and so are the users' passwords made here.
import { appendFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/permissions";
import { call, userWithToken, type CallOptions } from "../../helpers/api";
import { recordSecret, workerFile } from "./run-dir";

type Handler = Parameters<typeof call>[0];
export type Recorded = Awaited<ReturnType<typeof call>>;

let file: string | undefined;

/** Who called, for R7's allowlist: "anonymous", a role, or a special credential. */
export interface RecordMeta {
  route?: string;
  caller?: string;
}

export async function rcall(handler: Handler, opts: CallOptions & RecordMeta = {}): Promise<Recorded> {
  const res = await call(handler, opts);
  file ??= workerFile("responses", "responses");
  const headers = Object.fromEntries(res.headers.entries());
  appendFileSync(file, `${JSON.stringify({ route: opts.route, caller: opts.caller, method: opts.method ?? "GET", path: opts.path, status: res.status, headers, body: res.text })}\n`);
  const body = opts.body as { password?: unknown } | undefined;
  if (res.status < 300 && body && typeof body === "object" && typeof body.password === "string" && body.password.length >= 10)
    recordSecret("password", body.password, `${opts.method} ${opts.path}`);
  return res;
}

export const randomPassword = () => `pw-${randomBytes(12).toString("base64url")}`;

/** A real user with a real login token, whose password is recorded as a secret. */
export async function recordedUser(role: Role) {
  const password = randomPassword();
  recordSecret("password", password, `user ${role}`);
  return userWithToken(role, password);
}
