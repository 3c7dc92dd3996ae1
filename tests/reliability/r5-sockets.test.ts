// R5: Socket.IO on a real server (attachRealtime). Anonymous and garbage credentials are refused;
// a connected user who is deactivated (through the real PATCH /api/v1/users/{id} handler) loses
// the socket within 1 s, whether it signed in with a bearer token or the session cookie.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { env } from "@/lib/env";
import { useIsolatedDatabase } from "../sync/support";
import { rcall, recordedUser } from "./support/recorder";
import { resultRow } from "./support/run-dir";
import { useRealtimeServer, type ConnectOptions } from "../helpers/realtime";

useIsolatedDatabase();

const row = resultRow("R5", "sockets: bad credentials, deactivation while connected");
const { open } = useRealtimeServer({ timeout: 5000 });

afterAll(() => row.report());

/** "connected" or the refusal's message. */
const outcome = (s: Socket) =>
  new Promise<string>((resolve) => {
    s.once("connect", () => resolve("connected"));
    s.once("connect_error", (e) => resolve(`refused: ${e.message}`));
  });

describe("R5 sockets", () => {
  it("refuses anonymous and garbage credentials", async () => {
    const garbage: [string, ConnectOptions][] = [
      ["no credentials", {}],
      ["unknown mf_ token", { auth: { token: `mf_${randomBytes(24).toString("base64url")}` } }],
      ["random string token", { auth: { token: randomBytes(40).toString("hex") } }],
      ["empty token", { auth: { token: "" } }],
      ["non-string token", { auth: { token: 12345 } }],
      ["NUL in token", { auth: { token: "mf_\u0000abc" } }],
      ["64 KB token", { auth: { token: "x".repeat(65_536) } }],
      ["garbage Authorization header", { extraHeaders: { authorization: "Bearer \u00ff\u00fe garbage" } }],
      ["forged session cookie", { extraHeaders: { cookie: `next-auth.session-token=${randomBytes(60).toString("base64url")}` } }],
      ["session JWT signed with another secret", { extraHeaders: { cookie: `next-auth.session-token=${await encode({ token: { sub: "00000000-0000-0000-0000-000000000000" }, secret: "not-the-secret" })}` } }],
    ];
    const results = await Promise.all(garbage.map(async ([label, opts]) => [label, await outcome(open(opts))] as const));
    const accepted = results.filter(([, r]) => r === "connected").map(([l]) => l);
    row.tried(`${garbage.length} bad handshakes (anonymous, garbage tokens, forged cookies)`);
    row.check("all refused", accepted.length === 0, `accepted: ${accepted.join(", ")}`);
    expect(accepted).toEqual([]);
  });

  it("cuts the open sockets of a user deactivated while connected, within 1 s", async () => {
    const admin = await recordedUser("admin");
    const target = await recordedUser("manager");
    const jwt = await encode({ token: { sub: target.user.id }, secret: env().NEXTAUTH_SECRET! });
    const viaToken = open({ auth: { token: target.token } });
    const viaCookie = open({ extraHeaders: { cookie: `next-auth.session-token=${jwt}` } });
    const bystander = open({ auth: { token: admin.token } });
    expect(await Promise.all([outcome(viaToken), outcome(viaCookie), outcome(bystander)])).toEqual(["connected", "connected", "connected"]);

    const cut = (s: Socket) =>
      new Promise<number | null>((resolve) => {
        const t = setTimeout(() => resolve(null), 1000);
        s.once("disconnect", () => (clearTimeout(t), resolve(performance.now())));
      });
    const started = performance.now();
    const waits = [cut(viaToken), cut(viaCookie)] as const;
    const res = await rcall(patchUser, {
      method: "PATCH",
      path: `/api/v1/users/${target.user.id}`,
      params: { id: target.user.id },
      token: admin.token,
      body: { active: false },
      route: "PATCH /api/v1/users/{id}",
      caller: "admin",
    });
    const [tokenAt, cookieAt] = await Promise.all(waits);
    const ms = (at: number | null) => (at === null ? "not within 1 s" : `${Math.round(at - started)} ms`);
    const again = await outcome(open({ auth: { token: target.token } }));

    row.tried("deactivation of a user with a token socket and a session socket open");
    row.check("PATCH answered 200", res.status === 200, `${res.status} ${res.text.slice(0, 120)}`);
    row.check("token socket cut within 1 s", tokenAt !== null, ms(tokenAt));
    row.check("session socket cut within 1 s", cookieAt !== null, ms(cookieAt));
    row.check("reconnect refused", again !== "connected", again);
    row.check("other users keep their socket", bystander.connected, "the admin's socket was cut too");
    row.report(`bad credentials refused; sockets cut in ${ms(tokenAt)} (token) / ${ms(cookieAt)} (session); reconnect refused`);
    expect(row.failures()).toEqual([]);
  });
});
