// Access that ends when it should, on real PostgreSQL, real route handlers and a real Socket.IO
// server: deactivation, role changes, token revocation and expiry cut live sockets within a
// second; a password change or deactivation ends browser sessions; garbage credentials are 401.
import { InngestTestEngine } from "@inngest/test";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { DELETE as revokeRoute } from "@/app/api/v1/users/[id]/tokens/[tokenId]/route";
import { PATCH as patchUserRoute } from "@/app/api/v1/users/[id]/route";
import { cleanupSyncLogs } from "@/inngest/functions/orders";
import { authOptions } from "@/lib/auth/options";
import { issueToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { emit } from "@/lib/realtime/emit";
import { call, userWithToken } from "../helpers/api";
import { useIsolatedDatabase } from "../sync/support";
import { connected, useRealtimeServer, type ConnectOptions } from "../helpers/realtime";

useIsolatedDatabase();

const { open } = useRealtimeServer();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A connected socket subscribed to orders, recording the order:new events it receives. */
async function ordersSocket(opts: ConnectOptions) {
  const s = open(opts);
  const hello = new Promise<{ role: string }>((r) => s.once("system:hello", r));
  await connected(s);
  expect(await s.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true, channels: ["orders"] });
  const received: string[] = [];
  s.on("order:new", (p: { emagOrderId: string }) => received.push(p.emagOrderId));
  const disconnected = new Promise<{ reason: string; at: number }>((r) => s.once("disconnect", (reason) => r({ reason, at: Date.now() })));
  return { s, received, disconnected, hello: await hello };
}

let orderSeq = 3_000_000_000;
function newOrder() {
  const emagOrderId = String(orderSeq++);
  emit("order:new", { id: emagOrderId, account: "main", emagOrderId, status: 1, customerName: "Ana Pop", total: 120.5, currency: "RON" });
  return emagOrderId;
}

/** Resolves with the time the socket was cut, or rejects after `ms`. */
const cutWithin = (d: Promise<{ at: number }>, ms: number) =>
  Promise.race([d.then((x) => x.at), sleep(ms).then(() => Promise.reject(new Error(`socket still connected after ${ms} ms`)))]);

const sessionCookie = async (payload: Record<string, unknown>, maxAge?: number) =>
  `next-auth.session-token=${await encode({ token: payload, secret: env().NEXTAUTH_SECRET!, ...(maxAge ? { maxAge } : {}) })}`;

const patchUser = (adminToken: string, id: string, body: unknown) =>
  call(patchUserRoute, { method: "PATCH", token: adminToken, params: { id }, body });

const me = (headers: Record<string, string>) => call(meRoute, { headers });

describe("sockets follow their user", () => {
  it("a deactivated user's sockets (token and cookie) are cut within 1 s and receive no further order:new", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user, token } = await userWithToken("viewer");
    const viaToken = await ordersSocket({ auth: { token } });
    const viaCookie = await ordersSocket({ extraHeaders: { cookie: await sessionCookie({ sub: user.id }) } });
    const first = newOrder();
    await expect.poll(() => [viaToken.received, viaCookie.received]).toEqual([[first], [first]]);

    const started = Date.now();
    expect((await patchUser(admin, user.id, { active: false })).status).toBe(200);
    for (const sock of [viaToken, viaCookie]) expect((await cutWithin(sock.disconnected, 1000)) - started).toBeLessThan(1000);

    newOrder();
    await sleep(300);
    expect(viaToken.received).toEqual([first]);
    expect(viaCookie.received).toEqual([first]);
    // Reconnecting with the same credentials is refused.
    await expect(connected(open({ auth: { token } }))).rejects.toThrow(/unauthorized/);
  });

  it("revoking one token cuts only the sockets opened with it", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user, token: loginToken } = await userWithToken("manager");
    const api = await issueToken(user.id, { name: "integration", kind: "api" });
    const revoked = await ordersSocket({ auth: { token: api.token } });
    const other = await ordersSocket({ auth: { token: loginToken } });

    const started = Date.now();
    const res = await call(revokeRoute, { method: "DELETE", token: admin, params: { id: user.id, tokenId: api.id } });
    expect(res.status).toBe(200);
    expect((await cutWithin(revoked.disconnected, 1000)) - started).toBeLessThan(1000);

    const after = newOrder();
    await expect.poll(() => other.received).toEqual([after]);
    expect(revoked.received).toEqual([]);
    expect(other.s.connected).toBe(true);
    await expect(connected(open({ auth: { token: api.token } }))).rejects.toThrow(/unauthorized/);
  });

  it("a role change cuts the sockets; the reconnect gets the new role's channels", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user, token } = await userWithToken("manager");
    const before = await ordersSocket({ auth: { token } });
    expect(before.hello.role).toBe("manager");
    expect((await patchUser(admin, user.id, { role: "viewer" })).status).toBe(200);
    await cutWithin(before.disconnected, 1000);
    const again = await ordersSocket({ auth: { token } });
    expect(again.hello.role).toBe("viewer");
  });

  it("a token that expires while connected is cut at its expiry", async () => {
    const { user } = await userWithToken("viewer");
    const short = await issueToken(user.id, { name: "short", kind: "api", ttlSeconds: 1 });
    const sock = await ordersSocket({ auth: { token: short.token } });
    const at = await cutWithin(sock.disconnected, 2500);
    expect(at).toBeGreaterThanOrEqual(short.expiresAt!.getTime() - 50);
    expect(at - short.expiresAt!.getTime()).toBeLessThan(1000);
    newOrder();
    await sleep(200);
    expect(sock.received).toEqual([]);
    await expect(connected(open({ auth: { token: short.token } }))).rejects.toThrow(/unauthorized/);
  });

  it("a cookie socket is cut when its session JWT expires", async () => {
    const { user } = await userWithToken("viewer");
    const issued = Date.now();
    const sock = await ordersSocket({ extraHeaders: { cookie: await sessionCookie({ sub: user.id }, 2) } });
    const at = await cutWithin(sock.disconnected, 3500);
    // JWT exp has whole seconds: it falls 1-2 s after issue.
    expect(at - issued).toBeGreaterThanOrEqual(900);
    expect(at - issued).toBeLessThan(3000);
  });
});

describe("session cookies follow their user", () => {
  it("a password change ends the session: the same cookie gets 401 and its socket is refused", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user } = await userWithToken("manager");
    const legacy = await sessionCookie({ sub: user.id }); // signed before session versions: version 0
    const cookie = await sessionCookie({ sub: user.id, sv: 0 });
    expect((await me({ cookie })).status).toBe(200);
    expect((await me({ cookie: legacy })).status).toBe(200);
    const sock = await ordersSocket({ extraHeaders: { cookie } });

    const started = Date.now();
    expect((await patchUser(admin, user.id, { password: "a-new-long-password" })).status).toBe(200);
    expect((await cutWithin(sock.disconnected, 1000)) - started).toBeLessThan(1000);
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ cookie: legacy })).status).toBe(401);
    await expect(connected(open({ extraHeaders: { cookie } }))).rejects.toThrow(/unauthorized/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("signing in again gives a session at the new version; next-auth drops the stale one", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user } = await userWithToken("viewer");
    const options = authOptions();
    const stale = { sub: user.id, sv: 0 };
    expect(await options.callbacks!.jwt!({ token: stale } as never)).toMatchObject({ sub: user.id });

    expect((await patchUser(admin, user.id, { password: "another-long-password" })).status).toBe(200);
    // /api/auth/session runs the jwt callback: throwing there makes next-auth clear the cookie.
    await expect(options.callbacks!.jwt!({ token: stale } as never)).rejects.toThrow(/session ended/);

    const provider = options.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ id: string } | null> } };
    const signedIn = await provider.options.authorize({ email: user.email, password: "another-long-password" }, { headers: {} });
    expect(signedIn).toMatchObject({ id: user.id });
    const token = await options.callbacks!.jwt!({ token: {}, user: signedIn } as never);
    expect(token).toMatchObject({ sub: user.id, sv: 1 });
    expect((await me({ cookie: await sessionCookie(token) })).status).toBe(200);
  });

  it("deactivation ends the session for good: reactivating does not revive the old cookie", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user } = await userWithToken("viewer");
    const cookie = await sessionCookie({ sub: user.id, sv: 0 });
    expect((await me({ cookie })).status).toBe(200);
    await patchUser(admin, user.id, { active: false });
    expect((await me({ cookie })).status).toBe(401);
    await patchUser(admin, user.id, { active: true });
    expect((await me({ cookie })).status).toBe(401);
    expect((await me({ cookie: await sessionCookie({ sub: user.id, sv: 1 }) })).status).toBe(200);
  });

  it("a rename keeps the session", async () => {
    const { token: admin } = await userWithToken("admin");
    const { user } = await userWithToken("viewer");
    const cookie = await sessionCookie({ sub: user.id, sv: 0 });
    await patchUser(admin, user.id, { name: "Renamed" });
    expect((await me({ cookie })).status).toBe(200);
  });
});

describe("anonymous and garbage credentials", () => {
  it("are 401 on the API, never 500, and refused by the socket server", async () => {
    const { user } = await userWithToken("viewer");
    const foreign = await encode({ token: { sub: user.id }, secret: "another-secret-entirely-0123456789" });
    const cases: Record<string, string>[] = [
      {},
      { cookie: "next-auth.session-token=%E0%A4%A" },
      { cookie: "%E0%A4%A=%E0%A4%A; next-auth.session-token=x%" },
      { cookie: "next-auth.session-token=not-a-jwt" },
      { cookie: `next-auth.session-token=${foreign}` },
      { cookie: await sessionCookie({ sub: "not-a-uuid" }) },
      { cookie: await sessionCookie({ sub: "5b1f0c1e-8a8e-4c55-9b53-0c5f2f7c9d11" }) }, // no such user
      { cookie: await sessionCookie({ sub: user.id, sv: 7 }) },
      { authorization: "Bearer mf_garbage" },
      { authorization: "Bearer %E0%A4%A" },
      { authorization: "Basic Zm9vOmJhcg==" },
    ];
    for (const headers of cases) {
      const res = await me(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.json.error?.code).toBe("unauthorized");
      await expect(connected(open({ extraHeaders: headers })), JSON.stringify(headers)).rejects.toThrow(/unauthorized/);
    }
    for (const token of ["mf_garbage", "", "x".repeat(5000)]) {
      await expect(connected(open({ auth: { token } }))).rejects.toThrow(/unauthorized/);
    }
  });
});

describe("expired API tokens are cleaned up", () => {
  it("the daily cleanup deletes tokens expired or revoked more than 7 days ago, and only those", async () => {
    const { user } = await userWithToken("viewer");
    const day = 86_400_000;
    const make = (name: string, data: { expiresAt?: Date; revokedAt?: Date }) =>
      db.apiToken.create({ data: { userId: user.id, name, kind: "api", tokenHash: `hash-${name}-${user.id}`, prefix: "mf_test", ...data } });
    const expiredLongAgo = await make("expired-8d", { expiresAt: new Date(Date.now() - 8 * day) });
    const revokedLongAgo = await make("revoked-8d", { revokedAt: new Date(Date.now() - 8 * day) });
    const expiredRecently = await make("expired-1d", { expiresAt: new Date(Date.now() - day) });
    const revokedRecently = await make("revoked-1d", { revokedAt: new Date(Date.now() - day) });
    const live = await make("live", { expiresAt: new Date(Date.now() + 30 * day) });
    const forever = await make("forever", {});

    const { result } = await new InngestTestEngine({ function: cleanupSyncLogs, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toMatchObject({ deleted_api_tokens: 2 });
    const left = await db.apiToken.findMany({ where: { userId: user.id, kind: "api" }, select: { id: true } });
    expect(left.map((t) => t.id).sort()).toEqual([expiredRecently.id, revokedRecently.id, live.id, forever.id].sort());
    expect(left.map((t) => t.id)).not.toContain(expiredLongAgo.id);
    expect(left.map((t) => t.id)).not.toContain(revokedLongAgo.id);
  });
});
