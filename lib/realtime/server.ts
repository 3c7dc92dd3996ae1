// Socket.IO on the app's HTTP server. Every handshake needs a bearer token (auth.token or an
// Authorization header) or the next-auth session cookie; channels are joined by subscribing,
// and each channel needs the permission the API would require.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { can } from "@/lib/auth/permissions";
import { principalFromCredentials, type Principal } from "@/lib/auth/principal";
import { logger } from "@/lib/logger";
import { channelRoom, registerIo, userRoom, type IoServer } from "@/lib/realtime/emit";
import { channelPermission, channels, type Channel } from "@/lib/realtime/events";

type SocketData = { user: Principal };

const isChannel = (c: unknown): c is Channel => typeof c === "string" && (channels as readonly string[]).includes(c);

export function attachRealtime(httpServer: HttpServer): IoServer {
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false, cors: { origin: false } }) as IoServer;

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const user = await principalFromCredentials({
        token: typeof auth?.token === "string" ? auth.token : null,
        authorization: socket.handshake.headers.authorization,
        cookie: socket.handshake.headers.cookie,
      });
      if (!user) return next(new Error("unauthorized"));
      (socket.data as SocketData).user = user;
      next();
    } catch (err) {
      logger.warn({ err }, "socket auth failed");
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket) => {
    const { user } = socket.data as SocketData;
    void socket.join(userRoom(user.id));
    socket.on("subscribe", (requested, ack) => {
      const list = Array.isArray(requested) ? requested.filter(isChannel) : [];
      const allowed = list.filter((c) => can(user.role, channelPermission[c]));
      for (const c of allowed) void socket.join(channelRoom(c));
      const denied = list.filter((c) => !allowed.includes(c));
      if (typeof ack === "function") {
        ack({ ok: denied.length === 0, channels: allowed, ...(denied.length ? { error: `forbidden: ${denied.join(", ")}` } : {}) });
      }
    });
    socket.on("unsubscribe", (requested, ack) => {
      for (const c of Array.isArray(requested) ? requested.filter(isChannel) : []) void socket.leave(channelRoom(c));
      if (typeof ack === "function") ack({ ok: true });
    });
    socket.emit("system:hello", { userId: user.id, role: user.role, channels: [...channels] });
  });

  registerIo(io);
  return io;
}
