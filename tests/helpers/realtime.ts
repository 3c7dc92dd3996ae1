// A real Socket.IO server (attachRealtime) on a free port for the test file that calls this, and
// clients that are closed with it. Registers its own beforeAll/afterAll.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import { registerIo, type IoServer } from "@/lib/realtime/emit";
import { attachRealtime } from "@/lib/realtime/server";

export type ConnectOptions = NonNullable<Parameters<typeof connect>[1]>;

export function useRealtimeServer(defaults: ConnectOptions = {}) {
  let io: IoServer;
  let url = "";
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const server = http.createServer();
    io = attachRealtime(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    registerIo(undefined);
    await new Promise<void>((r) => io.close(() => r()));
  });

  /** A websocket client without reconnection, closed after the file's tests. */
  const open = (opts: ConnectOptions = {}) => {
    const s = connect(url, { transports: ["websocket"], reconnection: false, ...defaults, ...opts });
    sockets.push(s);
    return s;
  };
  return { open };
}

/** Resolves on connect, rejects with the handshake's refusal. */
export const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", (e) => reject(e));
  });
