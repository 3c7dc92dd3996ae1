// Socket.IO on the app's HTTP server. Every handshake needs a bearer token (auth.token or an
// Authorization header) or the next-auth session cookie; channels are joined by subscribing,
// and each channel needs the permission the API would require.
// A socket lives no longer than its credentials: it is cut when its token or session JWT expires,
// and lib/users/service.ts cuts it (through its user or token room) when the user is deactivated,
// changes role or password, or the token is revoked.
// With an adapter (lib/realtime/adapter.ts, when REDIS_URL is set) rooms span every instance: an
// emit or a cut issued on one instance reaches the sockets connected to the others.
import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions, type Socket } from "socket.io";
import { can } from "@/lib/auth/permissions";
import { principalFromCredentials, type Principal } from "@/lib/auth/principal";
import { authCacheGeneration } from "@/lib/auth/tokens";
import { logger } from "@/lib/logger";
import { channelRoom, registerIo, tokenRoom, userRoom, type IoServer } from "@/lib/realtime/emit";
import { channelPermission, channels, type Channel } from "@/lib/realtime/events";

type SocketData = { user: Principal; authGeneration: number };

const credentialsOf = (socket: Socket) => {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  return {
    token: typeof auth?.token === "string" ? auth.token : null,
    authorization: socket.handshake.headers.authorization,
    cookie: socket.handshake.headers.cookie,
  };
};

const MAX_TIMEOUT_MS = 2 ** 31 - 1; // setTimeout's limit (~24.8 days); longer waits are re-armed

/** Disconnects the socket when its credentials expire. */
function cutAtExpiry(socket: Socket, expiresAt: number) {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) return void socket.disconnect(true);
    timer = setTimeout(arm, Math.min(left, MAX_TIMEOUT_MS));
    timer.unref();
  };
  arm();
  socket.once("disconnect", () => clearTimeout(timer));
}

/**
 * A user change or revocation in this process between the handshake's check and the room joins
 * would have missed this socket: check it again (only then, so it costs nothing normally).
 */
async function recheck(socket: Socket, data: SocketData) {
  if (data.authGeneration === authCacheGeneration()) return;
  const now = await principalFromCredentials(credentialsOf(socket)).catch(() => null);
  if (!now || now.role !== data.user.role) socket.disconnect(true);
}

const isChannel = (c: unknown): c is Channel => typeof c === "string" && (channels as readonly string[]).includes(c);

export interface RealtimeOptions {
  /** Socket.IO adapter spanning instances (realtimeRedis(url).adapter); default: this process only. */
  adapter?: ServerOptions["adapter"];
}

export function attachRealtime(httpServer: HttpServer, opts: RealtimeOptions = {}): IoServer {
  const io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    cors: { origin: false },
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
  }) as IoServer;

  io.use(async (socket, next) => {
    try {
      const authGeneration = authCacheGeneration();
      const user = await principalFromCredentials(credentialsOf(socket));
      if (!user) return next(new Error("unauthorized"));
      Object.assign(socket.data as SocketData, { user, authGeneration } satisfies SocketData);
      next();
    } catch (err) {
      logger.warn({ err }, "socket auth failed");
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket) => {
    const data = socket.data as SocketData;
    const { user } = data;
    void socket.join(userRoom(user.id));
    if (user.tokenId) void socket.join(tokenRoom(user.tokenId));
    if (user.expiresAt !== undefined) cutAtExpiry(socket, user.expiresAt);
    void recheck(socket, data);
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
