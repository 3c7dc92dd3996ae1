// Two Socket.IO servers (two instances' worth, in this process) sharing one Redis through the
// adapter of lib/realtime/adapter.ts, on a channel prefix of their own: an emit() or a user's cut
// issued on instance A reaches a socket connected to instance B (only with TEST_REDIS_URL); and,
// with Redis unreachable, an instance still delivers to its own sockets (always runs).
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { realtimeRedis, type RealtimeRedis } from "@/lib/realtime/adapter";
import { disconnectTokenSockets, disconnectUserSockets, emit, registerIo, type IoServer } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";
import { userWithToken } from "../helpers/api";
import { connected } from "../helpers/realtime";

const redisUrl = env().TEST_REDIS_URL;

type Instance = { io: IoServer; url: string; redis: RealtimeRedis };

async function instance(key: string): Promise<Instance> {
  const redis = await realtimeRedis(redisUrl!, { key });
  const server = http.createServer();
  const io = attachRealtime(server, { adapter: redis.adapter });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { io, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, redis };
}

describe.skipIf(!redisUrl)("Socket.IO across instances (Redis adapter)", () => {
  const key = `magflow-test:socket.io:${randomUUID()}`;
  let a: Instance;
  let b: Instance;
  const sockets: Socket[] = [];
  const open = (on: Instance, token: string) => {
    const s = connect(on.url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    a = await instance(key);
    b = await instance(key);
    registerIo(a.io); // emit() and the disconnect helpers act through instance A
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    registerIo(undefined);
    for (const i of [a, b]) {
      if (!i) continue;
      await i.io.close();
      await i.redis.close();
    }
  });

  it("an emit on instance A reaches a subscribed socket on instance B, and only on its channels", async () => {
    const { token } = await userWithToken("viewer");
    const s = open(b, token);
    await connected(s);
    expect(await s.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true, channels: ["orders"] });
    const received: string[] = [];
    s.on("order:new", (p: { emagOrderId: string }) => received.push(`order:${p.emagOrderId}`));
    s.on("sync:progress", () => received.push("sync"));

    emit("sync:progress", {
      syncId: "x", account: "main", page: 1, totalPages: 2, processed: 1, total: 2, percent: 50, itemsPerSecond: 1, etaSeconds: 1, operation: "t",
    });
    emit("order:new", { id: "1", account: "main", emagOrderId: "3000000042", status: 1, customerName: "Ana Pop", total: 120.5, currency: "RON" });
    await expect.poll(() => received).toEqual(["order:3000000042"]);
  });

  it("a user-scoped emit on A reaches that user's socket on B, not another user's", async () => {
    const [u1, u2] = await Promise.all([userWithToken("viewer"), userWithToken("viewer")]);
    const s1 = open(b, u1.token);
    const s2 = open(b, u2.token);
    await Promise.all([connected(s1), connected(s2)]);
    const got: string[] = [];
    s1.on("notification:unread-count", (p: { count: number }) => got.push(`u1:${p.count}`));
    s2.on("notification:unread-count", (p: { count: number }) => got.push(`u2:${p.count}`));
    emit("notification:unread-count", { count: 7 }, { userId: u1.user.id });
    await expect.poll(() => got).toEqual(["u1:7"]);
  });

  it("cutting a user's sockets on A disconnects the user's sockets on B (and on A), not others", async () => {
    const [u, other] = await Promise.all([userWithToken("viewer"), userWithToken("viewer")]);
    const onB = open(b, u.token);
    const onA = open(a, u.token);
    const otherOnB = open(b, other.token);
    await Promise.all([connected(onB), connected(onA), connected(otherOnB)]);
    const reasons: string[] = [];
    onB.on("disconnect", (r) => reasons.push(`B:${r}`));
    onA.on("disconnect", (r) => reasons.push(`A:${r}`));

    expect(disconnectUserSockets(u.user.id)).toBe(true);
    await expect.poll(() => [...reasons].sort()).toEqual(["A:io server disconnect", "B:io server disconnect"]);
    expect(otherOnB.connected).toBe(true);
  });

  it("revoking a token on A cuts the sockets opened with it on B", async () => {
    const { user, token } = await userWithToken("viewer");
    const s = open(b, token);
    const hello = new Promise<void>((r) => s.once("system:hello", () => r()));
    await connected(s);
    await hello;
    const [bSocket] = await b.io.local.in(`user:${user.id}`).fetchSockets();
    const tokenRoom = [...(bSocket?.rooms ?? [])].find((r) => r.startsWith("token:"));
    expect(tokenRoom).toBeDefined();
    const reasons: string[] = [];
    s.once("disconnect", (r) => reasons.push(r));
    expect(disconnectTokenSockets(tokenRoom!.slice("token:".length))).toBe(true);
    await expect.poll(() => reasons).toEqual(["io server disconnect"]);
  });
});

describe("the Redis adapter while Redis is unreachable", () => {
  it("still delivers to this instance's sockets, without unhandled rejections", async () => {
    const redis = await realtimeRedis("redis://127.0.0.1:1", { key: `magflow-test:socket.io:${randomUUID()}`, readyTimeoutMs: 300 });
    const server = http.createServer();
    const io = attachRealtime(server, { adapter: redis.adapter });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { token } = await userWithToken("viewer");
    const s = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } });
    try {
      await connected(s);
      expect(await s.emitWithAck("subscribe", ["orders"])).toMatchObject({ ok: true });
      const got: string[] = [];
      s.on("order:new", (p: { emagOrderId: string }) => got.push(p.emagOrderId));
      registerIo(io);
      emit("order:new", { id: "1", account: "main", emagOrderId: "3000000077", status: 1, customerName: null, total: 1, currency: "RON" });
      await expect.poll(() => got).toEqual(["3000000077"]);
    } finally {
      s.close();
      registerIo(undefined);
      await io.close();
      await redis.close();
    }
  });
});
