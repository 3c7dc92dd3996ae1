import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { emit } from "@/lib/realtime/emit";
import { userWithToken } from "../helpers/api";
import { connected, useRealtimeServer } from "../helpers/realtime";

const { open } = useRealtimeServer();

describe("Socket.IO auth and channels", () => {
  it("refuses a connection without credentials, or with a bad token", async () => {
    await expect(connected(open())).rejects.toThrow(/unauthorized/);
    await expect(connected(open({ auth: { token: "mf_bogus" } }))).rejects.toThrow(/unauthorized/);
  });

  it("accepts a bearer token in auth.token and delivers events only on subscribed channels", async () => {
    const { token } = await userWithToken("viewer");
    const s = open({ auth: { token } });
    await connected(s);
    const ack = await s.emitWithAck("subscribe", ["orders"]);
    expect(ack).toMatchObject({ ok: true, channels: ["orders"] });

    const received: string[] = [];
    s.on("order:new", (p: { emagOrderId: string }) => received.push(`order:${p.emagOrderId}`));
    s.on("sync:progress", () => received.push("sync"));
    emit("sync:progress", {
      syncId: "x", account: "main", page: 1, totalPages: 2, processed: 1, total: 2, percent: 50, itemsPerSecond: 1, etaSeconds: 1, operation: "t",
    });
    emit("order:new", { id: "1", account: "main", emagOrderId: "3000000001", status: 1, customerName: "Ana Pop", total: 120.5, currency: "RON" });
    await expect.poll(() => received).toEqual(["order:3000000001"]);
  });

  it("accepts the browser's next-auth session cookie", async () => {
    const { user } = await userWithToken("manager");
    const jwt = await encode({ token: { sub: user.id }, secret: env().NEXTAUTH_SECRET! });
    const s = open({ extraHeaders: { cookie: `next-auth.session-token=${jwt}` } });
    const hello = new Promise<{ role: string }>((r) => s.once("system:hello", r));
    await connected(s);
    expect((await hello).role).toBe("manager");
  });
});
